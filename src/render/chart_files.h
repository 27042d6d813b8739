/* diagram/INDICATOR.png and .svg: each indicator's chart panel on its own,
 * for slides and the intranet; and safe file names made from plan ids,
 * which the unit reports use too. */
#ifndef UF_CHART_FILES_H
#define UF_CHART_FILES_H

#include "common/error.h"
#include "common/util.h"
#include "consolidate/model.h"
#include "consolidate/view.h"

/* Writes dir/diagram/ID.png (1200 × 640 pixels) and dir/diagram/ID.svg for
 * every indicator, ID made safe as a file name; creates dir/diagram.
 * UF_ERROR_NO_DATA when the model has no year. */
uf_error uf_chart_write_files(const uf_view *view, const char *dir);

/* A plan id as a file name (without extension) that is safe on Linux, macOS
 * and Windows: '/', '\\', ':', '*', '?', '"', '<', '>', '|' and control
 * characters become '_', as do invalid UTF-8, leading dots, ".." and
 * trailing dots or spaces; Windows' reserved names (CON, NUL, COM1, ...)
 * get a leading '_'; at most 100 bytes. Letters like å, ä, ö are kept.
 * Returns a new string. */
char *uf_safe_file_name(const char *id);

/* Safe names that stay distinct where a file system ignores case: a name
 * already taken gets "~2", "~3", ... Keeps its own copies. */
typedef struct uf_name_set uf_name_set;
uf_name_set *uf_name_set_new(size_t expected);
void uf_name_set_free(uf_name_set *set);
/* The safe, unique name for id; valid until the set is freed. */
const char *uf_name_set_add(uf_name_set *set, const char *id);

#endif
