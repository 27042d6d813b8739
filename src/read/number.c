#include "read/number.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Length of a space-like character at s (space, tab, U+00A0, U+202F), or 0. */
static size_t space_at(const char *s, size_t len)
{
    if (len >= 1 && (s[0] == ' ' || s[0] == '\t'))
        return 1;
    if (len >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
        return 2;
    if (len >= 3 && memcmp(s, "\xE2\x80\xAF", 3) == 0)
        return 3;
    return 0;
}

/* The same, looking backwards from the end of s[0..len). */
static size_t space_before(const char *s, size_t len)
{
    if (len >= 1 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        return 1;
    if (len >= 2 && space_at(s + len - 2, 2) == 2)
        return 2;
    if (len >= 3 && space_at(s + len - 3, 3) == 3)
        return 3;
    return 0;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Integer part with optional grouping: "1 234 567" or "1234567". */
static uf_number_status scan_integer(const char *s, size_t len, size_t *pos, char *buf, size_t *o)
{
    size_t i = *pos, group = 0, groups = 0;
    bool grouped = false;
    while (i < len) {
        if (is_digit(s[i])) {
            buf[(*o)++] = s[i++];
            group++;
            continue;
        }
        size_t sp = space_at(s + i, len - i);
        if (!sp || group == 0 || i + sp >= len || !is_digit(s[i + sp]))
            break;
        if ((groups == 0 && group > 3) || (groups > 0 && group != 3))
            return UF_NUMBER_BAD_GROUPING;
        grouped = true;
        groups++;
        group = 0;
        i += sp;
    }
    if (grouped && group != 3)
        return UF_NUMBER_BAD_GROUPING;
    *pos = i;
    return UF_NUMBER_OK;
}

uf_number_status uf_number_parse(const char *s, size_t len, uf_number *out)
{
    enum { MAXBUF = 80 };
    char buf[MAXBUF + 8];
    size_t o = 0, i = 0, n;
    *out = (uf_number){0};
    while ((n = space_at(s + i, len - i)) > 0)
        i += n;
    while (len > i && (n = space_before(s, len)) > 0)
        len -= n;
    if (i == len)
        return UF_NUMBER_EMPTY;
    if (s[i] == '#')
        return UF_NUMBER_EXCEL_ERROR;
    if (len - i > MAXBUF)
        return UF_NUMBER_INVALID;
    if (s[len - 1] == '%') {
        out->percent = true;
        len--;
        while (len > i && (n = space_before(s, len)) > 0)
            len -= n;
    }
    if (s[i] == '-' || s[i] == '+') {
        if (s[i] == '-')
            buf[o++] = '-';
        i++;
    } else if (len - i >= 3 && memcmp(s + i, "\xE2\x88\x92", 3) == 0) {
        buf[o++] = '-';
        i += 3;
    }
    size_t digits_start = o;
    uf_number_status st = scan_integer(s, len, &i, buf, &o);
    if (st != UF_NUMBER_OK)
        return st;
    bool any_digit = o > digits_start;
    if (i < len && (s[i] == ',' || s[i] == '.')) {
        char mark = s[i++];
        buf[o++] = '.';
        size_t frac = 0;
        while (i < len && is_digit(s[i])) {
            buf[o++] = s[i++];
            frac++;
        }
        if (frac == 0)
            return UF_NUMBER_INVALID;
        any_digit = true;
        out->decimals = (int)frac;
        if (i < len && (s[i] == ',' || s[i] == '.'))
            return s[i] == mark && frac == 3 ? UF_NUMBER_BAD_GROUPING : UF_NUMBER_MIXED_SEPARATORS;
    }
    if (!any_digit)
        return UF_NUMBER_INVALID;
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        buf[o++] = 'e';
        i++;
        if (i < len && (s[i] == '-' || s[i] == '+'))
            buf[o++] = s[i++];
        size_t exp_digits = 0;
        while (i < len && is_digit(s[i]) && exp_digits < 3) {
            buf[o++] = s[i++];
            exp_digits++;
        }
        if (exp_digits == 0)
            return UF_NUMBER_INVALID;
        out->decimals = 0;
    }
    if (i != len)
        return UF_NUMBER_INVALID;
    buf[o] = '\0';
    /* Only digits, '.', 'e' and signs reach strtod, and the C locale is
     * never changed, so '.' is the decimal mark here. */
    out->value = strtod(buf, NULL);
    if (!isfinite(out->value))
        return UF_NUMBER_INVALID;
    if (out->value == 0)
        out->value = 0; /* no negative zero */
    return UF_NUMBER_OK;
}

bool uf_year_parse(const char *s, size_t len, int *year)
{
    while (len > 0 && (*s == ' ' || *s == '\t')) {
        s++;
        len--;
    }
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    if (len != 4)
        return false;
    int y = 0;
    for (size_t i = 0; i < 4; i++) {
        if (!is_digit(s[i]))
            return false;
        y = y * 10 + (s[i] - '0');
    }
    if (y < 1900 || y > 2100)
        return false;
    *year = y;
    return true;
}
