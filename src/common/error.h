/* One error enum for the whole engine, one message table, one strerror
 * (the libxlsxwriter way). Row-level problems are diagnostics (diag.h), not
 * errors: an error means a stage could not do its job at all. */
#ifndef UF_ERROR_H
#define UF_ERROR_H

typedef enum uf_error {
    UF_OK = 0,
    UF_ERROR_MEMORY,
    UF_ERROR_READ,          /* a file could not be opened or read */
    UF_ERROR_WRITE,         /* an output could not be written or renamed */
    UF_ERROR_FILE_REJECTED, /* a file was read but rejected whole */
    UF_ERROR_PLAN,          /* the plan is broken: nothing may be written */
    UF_ERROR_USAGE,
    UF_ERROR_NO_DATA,
    UF_ERROR_XLSX,
    UF_ERROR_CAIRO,
    UF_ERROR_COUNT
} uf_error;

const char *uf_strerror(uf_error err);

#endif
