/* A submission read ahead into memory, on any thread, and handed over later
 * on another as if it were being read then: the same sheets and records,
 * and the reader's own diagnostics (encoding, a damaged workbook) between
 * them where the reader gave them. The validator reads many files this way
 * on --jobs threads and replays them in their order, so that every
 * diagnostic, count and output is that of reading them one by one. */
#ifndef UF_READLOG_H
#define UF_READLOG_H

#include "common/diag.h"
#include "common/error.h"
#include "read/csvfile.h"
#include "read/xlsx.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct uf_read_log uf_read_log;

/* Reads the submission at path (a workbook by its ending, as
 * uf_submission_kind_of tells; anything else as CSV). NULL when the file,
 * or what it holds, takes more than budget bytes: such a file is read the
 * usual way, streaming, when its turn comes, so memory stays bounded. */
uf_read_log *uf_read_log_file(const char *path, size_t budget);
bool uf_read_log_workbook(const uf_read_log *log);

typedef struct uf_read_replay {
    uf_diag_list *diags;          /* receives the reader's diagnostics */
    uint32_t file;                /* ... against this file */
    uf_xlsx_sheet_fn begin_sheet; /* a workbook's sheets; may be NULL */
    uf_csv_record_fn fn;          /* must not stop the read: the rest was read already */
    void *user;
} uf_read_replay;

/* Hands the log over as the reader would have; returns the reader's
 * result, and a CSV file's info in *info when not NULL. */
uf_error uf_read_log_replay(uf_read_log *log, const uf_read_replay *to, uf_csv_info *info);
void uf_read_log_free(uf_read_log *log);

#endif
