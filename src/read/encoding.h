/* Which encoding a submission is in, and the one conversion we need:
 * Windows-1252 (Swedish Excel's "CSV (semikolonavgränsad)") to UTF-8. */
#ifndef UF_ENCODING_H
#define UF_ENCODING_H

#include <stdbool.h>
#include <stddef.h>

typedef enum uf_encoding {
    UF_ENCODING_UTF8,
    UF_ENCODING_UTF8_BOM,
    UF_ENCODING_CP1252,
    UF_ENCODING_UTF16,   /* recognised only to be refused clearly */
    UF_ENCODING_BINARY,  /* NUL bytes */
    UF_ENCODING_UNKNOWN  /* neither UTF-8 nor Windows-1252 */
} uf_encoding;

/* Detects the encoding. For BINARY and UNKNOWN, *where is the offending
 * byte's offset. */
uf_encoding uf_encoding_detect(const unsigned char *data, size_t len, size_t *where);
/* Length of the valid UTF-8 prefix of data. */
size_t uf_utf8_valid_prefix(const unsigned char *data, size_t len);
/* Converts Windows-1252 to a new UTF-8 buffer (NUL-terminated). */
char *uf_cp1252_to_utf8(const unsigned char *data, size_t len, size_t *out_len);

#endif
