#include "common/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t uf_utf8_next(const char *s, size_t len, uint32_t *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    unsigned char c = p[0];
    size_t n = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : (c & 0xF0) == 0xE0 ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    *cp = UF_UTF8_BAD;
    if (n == 0 || n > len)
        return 1;
    uint32_t v = n == 1 ? c : n == 2 ? (c & 0x1Fu) : n == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 1;
        v = (v << 6) | (p[i] & 0x3Fu);
    }
    bool overlong = (n == 3 && v < 0x800) || (n == 4 && v < 0x10000);
    if (overlong || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 1;
    *cp = v;
    return n;
}

void uf_utf8_put(uf_strbuf *sb, uint32_t cp)
{
    char b[4];
    size_t n;
    if (cp < 0x80) {
        b[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        b[0] = (char)(0xC0 | (cp >> 6));
        b[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        b[0] = (char)(0xE0 | (cp >> 12));
        b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        b[0] = (char)(0xF0 | (cp >> 18));
        b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    uf_strbuf_append(sb, b, n);
}

int uf_utf8_prefix(const char *s, size_t max)
{
    size_t n = strnlen(s, max);
    if (n == max && s[n] != '\0')
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    return n > (size_t)0x7FFFFFFF ? 0x7FFFFFFF : (int)n;
}

bool uf_noncharacter(uint32_t cp) { return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFEu) == 0xFFFEu; }

static bool unshowable(uint32_t cp) { return cp == UF_UTF8_BAD || uf_noncharacter(cp); }

size_t uf_text_unshowable(const char *s, size_t len, uint32_t *first)
{
    size_t count = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) { /* ASCII: no decoding */
            i++;
            continue;
        }
        uint32_t cp;
        i += uf_utf8_next(s + i, len - i, &cp);
        if (unshowable(cp) && count++ == 0 && first)
            *first = cp;
    }
    return count;
}

/* What a character becomes in an output: itself, a space, or U+FFFD. */
enum shown { KEEP, SPACE, REPLACE };

static enum shown xml_shown(uint32_t cp)
{
    if (unshowable(cp))
        return REPLACE;
    return cp < 0x20 && cp != '\t' && cp != '\n' ? SPACE : KEEP;
}

static enum shown glyph_shown(uint32_t cp)
{
    enum shown s = xml_shown(cp);
    if (cp == 0x7F)
        return SPACE;
    return s == KEEP && cp >= 0x80 && cp < 0xA0 ? REPLACE : s;
}

static char *rewrite(const char *s, enum shown (*shown)(uint32_t), bool always, size_t *replaced)
{
    size_t len = s ? strlen(s) : 0, i = 0, count = 0;
    bool clean = true;
    while (i < len && clean) {
        uint32_t cp;
        size_t n = (unsigned char)s[i] < 0x80 ? (cp = (unsigned char)s[i], 1) : uf_utf8_next(s + i, len - i, &cp);
        clean = shown(cp) == KEEP;
        if (clean)
            i += n;
    }
    if (replaced)
        *replaced = 0;
    if (clean && !always)
        return NULL;
    uf_strbuf sb = {0};
    uf_strbuf_append(&sb, s ? s : "", i); /* the clean start as it is */
    while (i < len) {
        uint32_t cp;
        size_t n = uf_utf8_next(s + i, len - i, &cp);
        enum shown how = shown(cp);
        if (how == KEEP)
            uf_strbuf_append(&sb, s + i, n);
        else if (how == SPACE)
            uf_strbuf_putc(&sb, ' ');
        else {
            uf_utf8_put(&sb, UF_REPLACEMENT);
            count++;
        }
        i += n;
    }
    if (replaced)
        *replaced = count;
    return uf_strbuf_take(&sb);
}

char *uf_text_xml(const char *s, size_t *replaced) { return rewrite(s, xml_shown, false, replaced); }

char *uf_text_glyphs(const char *s, size_t *replaced) { return rewrite(s, glyph_shown, true, replaced); }

char *uf_text_file_name(const char *name)
{
    uf_strbuf sb = {0};
    size_t len = strlen(name);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = uf_utf8_next(name + i, len - i, &cp);
        if (cp == UF_UTF8_BAD) {
            char hex[8];
            snprintf(hex, sizeof hex, "\\x%02X", (unsigned char)name[i]);
            uf_strbuf_puts(&sb, hex);
        } else {
            uf_strbuf_append(&sb, name + i, n);
        }
        i += n;
    }
    return uf_strbuf_take(&sb);
}

const char *uf_text_codepoint(char *buf, uint32_t cp)
{
    if (cp == UF_UTF8_BAD)
        snprintf(buf, UF_CODEPOINT_BUF, "?");
    else
        snprintf(buf, UF_CODEPOINT_BUF, "U+%04X", (unsigned)cp);
    return buf;
}
