/* Text made valid for each output, in one place. Plan and submission text
 * reaches a workbook (XML 1.0), cairo (charts and PDFs) and messages; one
 * character that an output cannot hold must never make it unreadable or
 * stop the run. Each renderer passes text through here where it writes it:
 *
 *   workbook cells, titles      uf_text_xml
 *   cairo text, PDF outlines    uf_text_glyphs (through uf_text_clean, font.h)
 *   file names shown to people  uf_text_file_name (uf_diag_add_file does it)
 *
 * A character that cannot be shown becomes U+FFFD (�) and is counted;
 * uf_text_unshowable lets the readers warn about it at its file and line. */
#ifndef UF_TEXT_H
#define UF_TEXT_H

#include "common/util.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UF_UTF8_BAD 0xFFFFFFFFu
#define UF_REPLACEMENT 0xFFFDu

/* Decodes the character at s (len bytes left, len > 0) into *cp and
 * returns its length. An invalid sequence (a stray or missing continuation
 * byte, an overlong form, a surrogate, past U+10FFFF) gives UF_UTF8_BAD and
 * length 1, so that the next call resynchronises. */
size_t uf_utf8_next(const char *s, size_t len, uint32_t *cp);
void uf_utf8_put(uf_strbuf *sb, uint32_t cp);
/* The longest prefix of s, at most max bytes, that ends between two
 * characters: for "%.*s" and for cutting into a fixed buffer. */
int uf_utf8_prefix(const char *s, size_t max);

/* U+FDD0..U+FDEF and the last two code points of every plane: never text;
 * cairo refuses them and U+FFFE/U+FFFF are not XML 1.0 characters. */
bool uf_noncharacter(uint32_t cp);

/* Characters of s that no output can hold (invalid UTF-8, noncharacters);
 * the first of them in *first (UF_UTF8_BAD for an invalid byte) when not NULL. */
size_t uf_text_unshowable(const char *s, size_t len, uint32_t *first);

/* s as XML 1.0 character data: invalid UTF-8 and noncharacters become
 * U+FFFD (counted in *replaced when not NULL), C0 control characters other
 * than TAB and LF become spaces (a stray control reads as a gap). NULL when
 * s is valid as it is: the common case costs one scan and no copy. */
char *uf_text_xml(const char *s, size_t *replaced);

/* s as cairo can draw it: the same, and C1 controls (U+0080..U+009F, which
 * have no glyph) become U+FFFD too. Always a new string. */
char *uf_text_glyphs(const char *s, size_t *replaced);

/* A file name as bytes from the file system, shown as valid UTF-8: a byte
 * that is not part of a UTF-8 character shows as "\xHH" ("milj\x94.csv",
 * as unzip makes from a Swedish Windows zip). New string. */
char *uf_text_file_name(const char *name);

/* "U+FFFF" for messages; buf holds UF_CODEPOINT_BUF bytes. */
#define UF_CODEPOINT_BUF 16
const char *uf_text_codepoint(char *buf, uint32_t cp);

#endif
