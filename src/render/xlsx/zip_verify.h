/* Reads a finished zip (a workbook) through before it replaces anything:
 * libxlsxwriter writes each part to a temporary file first and does not
 * check those writes, so a full TMPDIR gives a workbook whose zip structure
 * looks whole but whose parts are cut short or empty. */
#ifndef UF_ZIP_VERIFY_H
#define UF_ZIP_VERIFY_H

#include <stdbool.h>
#include <stddef.h>

/* True when path is a zip whose every part inflates to the size its
 * directory records, with the CRC it records, and every XML part (.xml,
 * .rels) is whole: it ends by closing the element it opened first. A part
 * cut short ends anywhere else. */
bool uf_zip_verify(const char *path);

#endif
