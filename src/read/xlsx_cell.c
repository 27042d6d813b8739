#include "read/xlsx_cell.h"

#include "common/messages.h"
#include "read/xlsx.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

xlsx_cell_type xlsx_cell_type_of(const char *t)
{
    if (!t || (t[0] == 'n' && !t[1]))
        return XLSX_NUMBER;
    if (t[0] == 's' && !t[1])
        return XLSX_SHARED;
    if (strcmp(t, "str") == 0)
        return XLSX_STR;
    if (strcmp(t, "inlineStr") == 0)
        return XLSX_INLINE;
    if (strcmp(t, "b") == 0)
        return XLSX_BOOL;
    if (strcmp(t, "e") == 0)
        return XLSX_ERROR;
    return XLSX_OTHER;
}

/* ---- text ---- */

static int hex_digit(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* The code unit of an escape _xHHHH_ at s, or -1. */
static long escape_at(const char *s, size_t left)
{
    if (left < 7 || s[0] != '_' || (s[1] != 'x' && s[1] != 'X') || s[6] != '_')
        return -1;
    long v = 0;
    for (int i = 2; i < 6; i++) {
        int d = hex_digit(s[i]);
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

static size_t put_utf8(char *out, unsigned long cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Excel writes characters XML cannot hold (control characters) as _xHHHH_,
 * and a literal "_x" as _x005F_x. NUL and unpaired surrogates stay as
 * written: no NUL ever reaches a record. The result is never longer. */
size_t xlsx_decode_escapes(char *s, size_t len)
{
    if (!memchr(s, '_', len))
        return len;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        long cp = escape_at(s + i, len - i);
        size_t used = 7;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            long low = escape_at(s + i + 7, len - i - 7);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                used = 14;
            } else {
                cp = -1;
            }
        }
        if (cp <= 0 || (cp >= 0xDC00 && cp <= 0xDFFF)) {
            s[o++] = s[i++];
            continue;
        }
        o += put_utf8(s + o, (unsigned long)cp);
        i += used;
    }
    return o;
}

static bool is_blank(char c) { return c == ' ' || c == '\t'; }

/* Appends s to sb as a cell's text: escapes decoded (when asked), spaces and
 * tabs around trimmed as a CSV field's are, NUL-terminated. Returns the
 * cleaned length; *start is where it begins in sb. */
static size_t append_clean(uf_strbuf *sb, const char *s, size_t len, bool escapes, size_t *start)
{
    while (len > 0 && is_blank(*s)) {
        s++;
        len--;
    }
    while (len > 0 && is_blank(s[len - 1]))
        len--;
    size_t at = sb->len;
    uf_strbuf_append(sb, s, len);
    if (escapes) {
        len = xlsx_decode_escapes(sb->data + at, len);
        size_t lead = 0; /* an escaped tab may now stand at an edge */
        while (lead < len && is_blank(sb->data[at + lead]))
            lead++;
        memmove(sb->data + at, sb->data + at + lead, len - lead);
        len -= lead;
        while (len > 0 && is_blank(sb->data[at + len - 1]))
            len--;
    }
    sb->len = at + len;
    uf_strbuf_putc(sb, '\0');
    *start = at;
    return len;
}

void xlsx_strings_add(xlsx_strings *ss, const char *s, size_t len)
{
    size_t start;
    size_t n = append_clean(&ss->text, s, len, true, &start);
    if (ss->count == ss->cap) {
        uf_grow(&ss->offsets, &ss->cap, ss->count + 1, sizeof(uint32_t));
        ss->lengths = uf_xrealloc(ss->lengths, ss->cap * sizeof(uint32_t));
    }
    /* A part unpacks to at most 100 MB, and cleaning never lengthens text:
     * offsets fit in 32 bits. */
    ss->offsets[ss->count] = (uint32_t)start;
    ss->lengths[ss->count] = (uint32_t)n;
    ss->count++;
}

void xlsx_strings_free(xlsx_strings *ss)
{
    uf_strbuf_free(&ss->text);
    free(ss->offsets);
    free(ss->lengths);
    *ss = (xlsx_strings){0};
}

/* ---- number formats ---- */

bool xlsx_format_code_percent(const char *code)
{
    for (const char *c = code; *c; c++) {
        switch (*c) {
        case '"':
            while (c[1] && c[1] != '"')
                c++;
            if (c[1])
                c++;
            break;
        case '[':
            while (c[1] && c[1] != ']')
                c++;
            break;
        case '\\':
        case '_':
        case '*':
            if (c[1])
                c++;
            break;
        case '%':
            return true;
        default:
            break;
        }
    }
    return false;
}

void xlsx_formats_add(xlsx_formats *f, uint32_t id, const char *code)
{
    uf_grow(&f->items, &f->cap, f->count + 1, sizeof(xlsx_format));
    f->items[f->count++] = (xlsx_format){id, xlsx_format_code_percent(code)};
    f->sorted = false;
}

static int format_cmp(const void *a, const void *b)
{
    uint32_t x = ((const xlsx_format *)a)->id, y = ((const xlsx_format *)b)->id;
    return x < y ? -1 : x > y;
}

bool xlsx_formats_percent(xlsx_formats *f, uint32_t id)
{
    if (!f->sorted) {
        if (f->count)
            qsort(f->items, f->count, sizeof *f->items, format_cmp);
        f->sorted = true;
    }
    xlsx_format key = {id, false};
    const xlsx_format *hit = f->count ? bsearch(&key, f->items, f->count, sizeof *f->items, format_cmp) : NULL;
    if (hit)
        return hit->percent;
    return id == 9 || id == 10;
}

void xlsx_formats_free(xlsx_formats *f)
{
    free(f->items);
    *f = (xlsx_formats){0};
}

/* ---- references ---- */

bool xlsx_parse_ref(const char *ref, int *col)
{
    const char *p = ref;
    int c = 0, letters = 0;
    while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')) {
        if (++letters > 3)
            return false;
        c = c * 26 + ((*p | 0x20) - 'a' + 1);
        p++;
    }
    if (letters == 0)
        return false;
    if (*p == '$') /* not in cell refs, but harmless */
        p++;
    while (*p >= '0' && *p <= '9')
        p++;
    if (*p)
        return false;
    *col = c - 1;
    return true;
}

const char *uf_xlsx_column_name(char buf[8], int col)
{
    char rev[8];
    int n = 0;
    for (; col > 0 && n < 7; col = (col - 1) / 26)
        rev[n++] = (char)('A' + (col - 1) % 26);
    for (int i = 0; i < n; i++)
        buf[i] = rev[n - 1 - i];
    buf[n] = '\0';
    return buf;
}

/* Excel quotes a sheet name in a reference unless it is letters, digits,
 * '_' and '.', not starting with a digit; letters beyond ASCII need none. */
static bool needs_quotes(const char *sheet)
{
    if (!*sheet || (*sheet >= '0' && *sheet <= '9'))
        return true;
    for (const unsigned char *c = (const unsigned char *)sheet; *c; c++)
        if (*c < 0x80 && !((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
                           *c == '_' || *c == '.'))
            return true;
    return false;
}

const char *uf_xlsx_cell_ref(char buf[UF_XLSX_REF], const char *sheet, long row, int col)
{
    char shown[UF_EXCERPT], name[8];
    uf_excerpt(shown, sheet ? sheet : "", sheet ? strlen(sheet) : 0);
    size_t o = 0;
    bool quote = needs_quotes(shown);
    if (quote)
        buf[o++] = '\'';
    for (const char *c = shown; *c; c++) {
        if (*c == '\'' && quote)
            buf[o++] = '\'';
        buf[o++] = *c;
    }
    if (quote)
        buf[o++] = '\'';
    snprintf(buf + o, UF_XLSX_REF - o, "!%s%ld", col > 0 ? uf_xlsx_column_name(name, col) : "", row);
    return buf;
}

/* ---- numbers ---- */

/* A number as a digit string (no leading or trailing zeros, "0" for zero)
 * and the decimal exponent of its first digit: 1250.5 is "12505", 3. */
typedef struct decimal {
    bool negative;
    char digits[24];
    int ndigits;
    int exponent;
} decimal;

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* XML Schema's double in its usual form: [+-]digits[.digits][e[+-]digits]. */
static bool number_syntax(const char *s, size_t len, bool *has_exponent)
{
    size_t i = 0, digits = 0;
    if (i < len && (s[i] == '-' || s[i] == '+'))
        i++;
    for (; i < len && is_digit(s[i]); i++)
        digits++;
    if (i < len && s[i] == '.')
        for (i++; i < len && is_digit(s[i]); i++)
            digits++;
    if (digits == 0)
        return false;
    *has_exponent = i < len && (s[i] == 'e' || s[i] == 'E');
    if (*has_exponent) {
        i++;
        if (i < len && (s[i] == '-' || s[i] == '+'))
            i++;
        size_t exp_digits = 0;
        for (; i < len && is_digit(s[i]); i++)
            exp_digits++;
        if (exp_digits == 0)
            return false;
    }
    return i == len;
}

/* The text itself, when it has at most 15 significant digits: any such
 * decimal reads as the double whose shortest text it is (DBL_DIG). */
static bool decimal_from_text(const char *s, size_t len, decimal *d)
{
    size_t i = 0;
    d->negative = s[0] == '-';
    if (s[0] == '-' || s[0] == '+')
        i++;
    int point = -1, n = 0, lead = 0, seen = 0;
    for (; i < len; i++) {
        if (s[i] == '.') {
            point = seen;
            continue;
        }
        if (n == 0 && s[i] == '0') {
            lead++;
            seen++;
            continue;
        }
        if (n >= 15)
            return false;
        d->digits[n++] = s[i];
        seen++;
    }
    if (point < 0)
        point = seen;
    while (n > 0 && d->digits[n - 1] == '0')
        n--;
    if (n == 0) {
        *d = (decimal){.digits = "0", .ndigits = 1};
        return true;
    }
    d->digits[n] = '\0';
    d->ndigits = n;
    d->exponent = point - lead - 1;
    return true;
}

/* Otherwise the shortest of 15, 16 and 17 significant digits that reads
 * back as the same double. */
static bool decimal_from_double(double v, decimal *d)
{
    if (!isfinite(v))
        return false;
    char buf[48];
    for (int precision = 15; precision <= 17; precision++) {
        snprintf(buf, sizeof buf, "%.*e", precision - 1, v);
        if (strtod(buf, NULL) == v || precision == 17)
            break;
    }
    const char *p = buf;
    d->negative = *p == '-';
    if (d->negative)
        p++;
    int n = 0;
    for (; *p && *p != 'e'; p++)
        if (is_digit(*p))
            d->digits[n++] = *p;
    while (n > 1 && d->digits[n - 1] == '0')
        n--;
    d->digits[n] = '\0';
    d->ndigits = n;
    d->exponent = *p == 'e' ? atoi(p + 1) : 0;
    if (n == 1 && d->digits[0] == '0')
        *d = (decimal){.digits = "0", .ndigits = 1};
    return true;
}

/* Plain decimal notation between 1e-7 and 1e21 (as JavaScript does),
 * otherwise 1.5e+25. */
static int decimal_render(const decimal *d, bool percent, char *out)
{
    int o = 0, e = d->exponent;
    bool zero = d->ndigits == 1 && d->digits[0] == '0';
    if (d->negative && !zero)
        out[o++] = '-';
    if (zero) {
        out[o++] = '0';
    } else if (e >= 21 || e < -7) {
        out[o++] = d->digits[0];
        if (d->ndigits > 1) {
            out[o++] = '.';
            memcpy(out + o, d->digits + 1, (size_t)d->ndigits - 1);
            o += d->ndigits - 1;
        }
        o += snprintf(out + o, 8, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    } else if (e < 0) {
        out[o++] = '0';
        out[o++] = '.';
        for (int i = -1; i > e; i--)
            out[o++] = '0';
        memcpy(out + o, d->digits, (size_t)d->ndigits);
        o += d->ndigits;
    } else {
        for (int i = 0; i <= e; i++)
            out[o++] = i < d->ndigits ? d->digits[i] : '0';
        if (d->ndigits > e + 1) {
            out[o++] = '.';
            memcpy(out + o, d->digits + e + 1, (size_t)(d->ndigits - e - 1));
            o += d->ndigits - e - 1;
        }
    }
    if (percent) {
        memcpy(out + o, " %", 2);
        o += 2;
    }
    out[o] = '\0';
    return o;
}

/* XML whitespace, which a number's schema type (xsd:double) ignores. */
static bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

int xlsx_number_text(const char *s, size_t len, bool percent, char out[XLSX_NUMBER_TEXT])
{
    while (len > 0 && is_xml_space(*s)) {
        s++;
        len--;
    }
    while (len > 0 && is_xml_space(s[len - 1]))
        len--;
    bool has_exponent;
    if (len == 0 || len > 400 || !number_syntax(s, len, &has_exponent))
        return -1;
    decimal d = {0};
    if (has_exponent || !decimal_from_text(s, len, &d)) {
        char buf[408];
        memcpy(buf, s, len);
        buf[len] = '\0';
        /* Only digits, signs, '.' and 'e' reach strtod, in the C locale. */
        if (!decimal_from_double(strtod(buf, NULL), &d))
            return -1;
    }
    if (percent && !(d.ndigits == 1 && d.digits[0] == '0'))
        d.exponent += 2; /* the percent of the stored fraction, without rounding */
    return decimal_render(&d, percent, out);
}

/* ---- rows ---- */

static void row_reserve(xlsx_row *row, int col)
{
    if ((size_t)col < row->cap)
        return;
    size_t cap = row->cap ? row->cap : 16;
    while (cap <= (size_t)col)
        cap *= 2;
    if (cap > UF_XLSX_MAX_COLS)
        cap = UF_XLSX_MAX_COLS;
    row->fields = uf_xrealloc(row->fields, cap * sizeof *row->fields);
    row->lengths = uf_xrealloc(row->lengths, cap * sizeof *row->lengths);
    row->offsets = uf_xrealloc(row->offsets, cap * sizeof *row->offsets);
    row->flags = uf_xrealloc(row->flags, cap);
    for (size_t i = row->cap; i < cap; i++) {
        row->fields[i] = "";
        row->lengths[i] = 0;
        row->offsets[i] = SIZE_MAX;
        row->flags[i] = 0;
    }
    row->cap = cap;
}

static bool shared_string(const xlsx_value *v, const xlsx_strings *ss, const char **text, size_t *len)
{
    size_t i = 0, n = v->len;
    while (n > 0 && is_blank(v->text[n - 1]))
        n--;
    while (i < n && is_blank(v->text[i]))
        i++;
    if (i == n) {
        *len = 0;
        return true;
    }
    uint64_t index = 0;
    for (; i < n; i++) {
        if (!is_digit(v->text[i]))
            return false;
        index = index * 10 + (uint64_t)(v->text[i] - '0');
        if (index >= ss->count)
            return false;
    }
    *text = ss->text.data + ss->offsets[index];
    *len = ss->lengths[index];
    return true;
}

static void row_set(xlsx_row *row, int col, size_t offset, const char *direct, size_t len, uint8_t flag)
{
    row_reserve(row, col);
    row->offsets[col] = offset;
    row->fields[col] = direct ? direct : "";
    row->lengths[col] = len;
    row->flags[col] = flag;
    uf_grow(&row->set, &row->set_cap, row->nset + 1, sizeof *row->set);
    row->set[row->nset++] = col;
    row->last = col;
}

bool xlsx_row_put(xlsx_row *row, int col, const xlsx_value *v, const xlsx_strings *ss)
{
    if (v->formula && !v->has_value) {
        row_set(row, col, SIZE_MAX, "", 0, UF_FIELD_FORMULA_NO_VALUE);
        return true;
    }
    const char *text = v->text;
    size_t len = v->len, start;
    char num[XLSX_NUMBER_TEXT];
    int n;
    switch (v->type) {
    case XLSX_SHARED:
        if (!shared_string(v, ss, &text, &len))
            return false;
        if (len)
            row_set(row, col, SIZE_MAX, text, len, 0);
        return true;
    case XLSX_NUMBER:
        if ((n = xlsx_number_text(text, len, v->percent, num)) >= 0) {
            text = num;
            len = (size_t)n;
        }
        break;
    case XLSX_BOOL:
        if (len == 1 && (text[0] == '0' || text[0] == '1')) {
            text = uf_msg_text(text[0] == '1' ? UF_MSG_XLSX_TRUE : UF_MSG_XLSX_FALSE);
            len = strlen(text);
        }
        break;
    default:
        break;
    }
    bool escapes = v->type == XLSX_STR || v->type == XLSX_INLINE;
    len = append_clean(&row->text, text, len, escapes, &start);
    if (len)
        row_set(row, col, start, NULL, len, 0);
    else
        row->text.len = start; /* nothing kept */
    return true;
}

bool xlsx_row_deliver(xlsx_row *row, long line, const char *sheet, uf_csv_record_fn fn, void *user, long *records)
{
    if (row->nset == 0)
        return true;
    for (size_t i = 0; i < row->nset; i++) {
        int c = row->set[i];
        if (row->offsets[c] != SIZE_MAX)
            row->fields[c] = row->text.data + row->offsets[c];
    }
    uf_csv_record rec = {line, (size_t)row->last + 1, row->fields, row->lengths, 0, sheet, row->flags};
    (*records)++;
    bool go = fn(user, &rec);
    for (size_t i = 0; i < row->nset; i++) {
        int c = row->set[i];
        row->fields[c] = "";
        row->lengths[c] = 0;
        row->offsets[c] = SIZE_MAX;
        row->flags[c] = 0;
    }
    row->nset = 0;
    row->text.len = 0;
    return go;
}

void xlsx_row_free(xlsx_row *row)
{
    uf_strbuf_free(&row->text);
    free(row->fields);
    free(row->lengths);
    free(row->offsets);
    free(row->flags);
    free(row->set);
    *row = (xlsx_row){0};
}
