/* The zip container of a workbook, read from memory with minizip: an index
 * of its parts by name, and each part streamed out in pieces under the
 * contract's limits (a part unpacks to at most 100 MB and at most 200 times
 * its packed size), counted while unpacking, never trusted from headers.
 * Internal to read/xlsx.c. */
#ifndef UF_XLSX_ZIP_H
#define UF_XLSX_ZIP_H

#include "common/diag.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Limits per part (contract v2, "Excel submissions"). Parts under the grace
 * size are not held to the ratio: a tiny part of repeated text can pack
 * tighter than 1:200 without being a bomb. */
#define UF_XLSX_MAX_PART ((uint64_t)100 << 20)
#define UF_XLSX_MAX_RATIO 200
#define UF_XLSX_RATIO_GRACE ((uint64_t)1 << 20)
/* More parts than any workbook has is a damaged (or hostile) archive. */
#define UF_XLSX_MAX_ENTRIES 100000

typedef struct uf_zip uf_zip;

typedef enum uf_zip_status {
    UF_ZIP_OK,
    UF_ZIP_MISSING,  /* no such part: nothing reported, the caller decides */
    UF_ZIP_REJECTED, /* a diagnostic says why */
    UF_ZIP_STOPPED   /* the sink asked to stop */
} uf_zip_status;

/* Opens a zip held in memory (data must outlive the uf_zip). NULL when it is
 * not a zip archive at all (nothing reported) or, with *rejected set, when
 * its directory is damaged (a diagnostic says why). */
uf_zip *uf_zip_open(const void *data, size_t len, uint32_t file_id, uf_diag_list *diags, bool *rejected);
void uf_zip_close(uf_zip *zip);

bool uf_zip_has(const uf_zip *zip, const char *name);

/* Receives a part piece by piece; returns false to stop. */
typedef bool (*uf_zip_sink)(void *user, const char *data, size_t len);

/* Streams the part name (matched without regard to ASCII case, as OPC part
 * names are) to sink. Damage, encryption and the limits are reported as
 * diagnostics against the part. */
uf_zip_status uf_zip_read(uf_zip *zip, const char *name, uf_zip_sink sink, void *user);

#endif
