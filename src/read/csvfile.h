/* Reading one CSV file the way it arrives: encoding detected and converted,
 * delimiter sniffed from the header line, parsed by libcsv, and every record
 * handed over with the physical line it starts on. */
#ifndef UF_CSVFILE_H
#define UF_CSVFILE_H

#include "common/diag.h"
#include "common/error.h"
#include "read/encoding.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct uf_csv_record {
    long line;             /* physical line where the record starts, from 1 */
    size_t count;          /* fields, trailing empty ones not counted */
    const char **fields;   /* NUL-terminated UTF-8, spaces around trimmed */
    const size_t *lengths;
    char delimiter;        /* as sniffed from the header line */
    /* A second kind of table source (a sheet of an .xlsx workbook) hands its
     * rows over as the same record; both are NULL for CSV. */
    const char *sheet;     /* the sheet's name: messages say Siffror!D14 */
    const uint8_t *flags;  /* per field: UF_FIELD_* */
} uf_csv_record;

/* A formula cell with no cached value: the clerk must open and save the
 * file in Excel. */
#define UF_FIELD_FORMULA_NO_VALUE 0x01

/* Returns false to stop reading the file. */
typedef bool (*uf_csv_record_fn)(void *user, const uf_csv_record *record);

typedef struct uf_csv_info {
    uf_encoding encoding;
    char delimiter;
    long records;        /* records delivered, header included */
    long broken_records; /* a record cut off by an unclosed quote (0 or 1) */
} uf_csv_info;

/* Largest file read; a larger one is rejected with a message. */
#define UF_CSV_MAX_BYTES ((size_t)1 << 30)

/* Problems with the file as a whole become diagnostics against file_id:
 * errors when the file is rejected (UF_ERROR_READ, UF_ERROR_FILE_REJECTED),
 * warnings for what was repaired (Windows-1252). Records that were delivered
 * before an error stay delivered. */
uf_error uf_csv_read_file(const char *path, uint32_t file_id, uf_diag_list *diags,
                          uf_csv_record_fn fn, void *user, uf_csv_info *info);
uf_error uf_csv_read_buffer(const char *data, size_t len, uint32_t file_id, uf_diag_list *diags,
                            uf_csv_record_fn fn, void *user, uf_csv_info *info);

/* Reads a whole file (up to UF_CSV_MAX_BYTES) into *out, which the caller
 * frees; why it could not be read becomes a diagnostic (UF_ERROR_READ). */
uf_error uf_file_slurp(const char *path, uint32_t file_id, uf_diag_list *diags, char **out, size_t *out_len);

/* The delimiter of a header line: the most frequent of ';', TAB and ','
 * outside quotes, ';' on a tie or when none appears. */
char uf_csv_sniff_delimiter(const char *line, size_t len);

#endif
