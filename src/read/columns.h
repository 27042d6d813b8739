/* Header matching: names are case-insensitive, surrounding spaces ignored,
 * Swedish letters optional (värde = varde), English aliases, any order. */
#ifndef UF_COLUMNS_H
#define UF_COLUMNS_H

#include "common/diag.h"
#include "read/csvfile.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct uf_column_spec {
    const char *name;    /* as shown to users: "värde" */
    const char *aliases; /* normalized names separated by '|': "varde|value" */
    bool required;
} uf_column_spec;

#define UF_COLUMN_MISSING (-1)

/* Lower-cases, trims and folds å, ä → a, ö → o, é → e, ü → u. Returns the
 * length written (out holds at least cap bytes; output is cut at cap-1). */
size_t uf_column_normalize(const char *s, size_t len, char *out, size_t cap);

/* Whether the header cell s names a column with one of these normalized
 * aliases ("mal|goal"). */
bool uf_column_is(const char *aliases, const char *s, size_t len);

/* Finds each spec's field in header; index_out[k] is the field number or
 * UF_COLUMN_MISSING. Missing required columns reject the file (one error
 * naming them and the columns found); unknown columns give one warning.
 * Returns false when the file is rejected. */
bool uf_columns_map(const uf_column_spec *specs, size_t nspecs, const uf_csv_record *header,
                    uint32_t file, uf_diag_list *diags, int *index_out);

#endif
