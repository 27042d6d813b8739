/* File names made from plan ids (enheter/UNIT.pdf, diagram/INDICATOR.*):
 * safe on Linux, macOS and Windows, and distinct where the folder is
 * copied to a file system that ignores case (Windows, macOS) or Unicode
 * normalisation (macOS). The plan decides each id's stem once
 * (uf_plan_unit_stem, uf_plan_indicator_stem), and every renderer uses it. */
#ifndef UF_FILE_NAME_H
#define UF_FILE_NAME_H

#include <stddef.h>

/* A plan id as a file name (without extension) that is safe on Linux, macOS
 * and Windows: '/', '\\', ':', '*', '?', '"', '<', '>', '|' and control
 * characters become '_', as do invalid UTF-8, leading dots, ".." and
 * trailing dots or spaces; Windows' reserved names (CON, NUL, COM1, COM¹,
 * LPT², ...) get a leading '_'; at most 100 bytes. Letters like å, ä, ö are
 * kept. Returns a new string. */
char *uf_safe_file_name(const char *id);

/* Safe names that stay distinct where a file system ignores case (full
 * Unicode case folding of Latin, Greek, Cyrillic and Armenian: Ω and ω, Ё
 * and ё, ß and ss) and normalisation (NFC): a name already taken gets "~2",
 * "~3", ... ('~' is never part of an id, so a suffixed name is never another
 * id's). Keeps its own copies. */
typedef struct uf_name_set uf_name_set;
uf_name_set *uf_name_set_new(size_t expected);
void uf_name_set_free(uf_name_set *set);
/* The safe, unique name for id; valid until the set is freed. */
const char *uf_name_set_add(uf_name_set *set, const char *id);

#endif
