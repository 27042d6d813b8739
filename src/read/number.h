/* Numbers as Swedish clerks write them: decimal comma or point, thousands
 * grouped by space, no-break space or narrow no-break space, minus as '-'
 * or U+2212, an optional trailing '%'. */
#ifndef UF_NUMBER_H
#define UF_NUMBER_H

#include <stdbool.h>
#include <stddef.h>

typedef enum uf_number_status {
    UF_NUMBER_OK,
    UF_NUMBER_EMPTY,              /* not reported, which is not 0 */
    UF_NUMBER_INVALID,
    UF_NUMBER_EXCEL_ERROR,        /* #SAKNAS!, #VÄRDEFEL!, #N/A ... */
    UF_NUMBER_MIXED_SEPARATORS,   /* 1.234,5 */
    UF_NUMBER_BAD_GROUPING        /* 12 34, 1,234,567 */
} uf_number_status;

typedef struct uf_number {
    double value;
    bool percent;  /* written with a trailing % */
    int decimals;  /* digits after the decimal mark as written */
} uf_number;

uf_number_status uf_number_parse(const char *s, size_t len, uf_number *out);

/* A year: four digits from 1900 to 2100 (contract v2), spaces around allowed. */
bool uf_year_parse(const char *s, size_t len, int *year);

/* Larger values and targets are refused: sums of up to 2^32 rows stay
 * finite (never ±inf, which a workbook cannot hold, or inf - inf = NaN,
 * which would read as "not reported"), and no KPI of a municipality comes
 * near it. */
#define UF_VALUE_LARGEST 1e15

#endif
