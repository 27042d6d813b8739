#include "read/columns.h"

#include "common/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { NAME_MAX_BYTES = 64 };

size_t uf_column_normalize(const char *s, size_t len, char *out, size_t cap)
{
    while (len > 0 && (*s == ' ' || *s == '\t')) {
        s++;
        len--;
    }
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    size_t o = 0;
    for (size_t i = 0; i < len && o + 1 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') {
            out[o++] = (char)(c + 32);
        } else if (c == 0xC3 && i + 1 < len) {
            /* Å Ä å ä → a, Ö ö → o, É é → e, Ü ü → u; others kept. */
            unsigned char d = (unsigned char)s[++i] | 0x20;
            char folded = d == 0xA5 || d == 0xA4 ? 'a' : d == 0xB6 ? 'o' : d == 0xA9 ? 'e' : d == 0xBC ? 'u' : 0;
            if (folded) {
                out[o++] = folded;
            } else if (o + 2 < cap) {
                out[o++] = (char)c;
                out[o++] = s[i];
            }
        } else {
            out[o++] = (char)c;
        }
    }
    out[o] = '\0';
    return o;
}

static bool alias_matches(const char *aliases, const char *name, size_t len)
{
    const char *p = aliases;
    while (*p) {
        size_t n = strcspn(p, "|");
        if (n == len && memcmp(p, name, n) == 0)
            return true;
        p += n;
        if (*p == '|')
            p++;
    }
    return false;
}

bool uf_column_is(const char *aliases, const char *s, size_t len)
{
    char name[NAME_MAX_BYTES];
    size_t n = uf_column_normalize(s, len, name, sizeof name);
    return n > 0 && alias_matches(aliases, name, n);
}

/* A header can have any number of cells (a binary file read as one line
 * has millions): a message names the first few and then says "…". */
enum { MAX_NAMES_SHOWN = 20 };

/* Appends 'name' to a list of *shown names; after MAX_NAMES_SHOWN, one "…". */
static void append_quoted(uf_strbuf *sb, size_t *shown, const char *s, size_t len)
{
    char buf[UF_EXCERPT];
    if ((*shown)++ >= MAX_NAMES_SHOWN) {
        if (*shown == MAX_NAMES_SHOWN + 1)
            uf_strbuf_puts(sb, ", \xE2\x80\xA6");
        return;
    }
    if (sb->len)
        uf_strbuf_puts(sb, ", ");
    char *quoted = uf_msg_xformat(UF_MSG_QUOTED, uf_excerpt(buf, s, len));
    uf_strbuf_puts(sb, quoted);
    free(quoted);
}

static void report_missing(const uf_column_spec *specs, size_t nspecs, const uf_csv_record *header,
                           uint32_t file, uf_diag_list *diags, const int *index)
{
    uf_strbuf missing = {0}, found = {0};
    size_t nmissing = 0, nfound = 0;
    for (size_t k = 0; k < nspecs; k++)
        if (specs[k].required && index[k] == UF_COLUMN_MISSING)
            append_quoted(&missing, &nmissing, specs[k].name, strlen(specs[k].name));
    for (size_t f = 0; f < header->count; f++)
        append_quoted(&found, &nfound, header->fields[f], header->lengths[f]);
    if (header->sheet) { /* a sheet of a workbook is rejected, not the file */
        char sheet[UF_EXCERPT];
        uf_diag_add(diags, UF_SEVERITY_ERROR, file, header->line, 0,
                    nmissing == 1 ? UF_MSG_XLSX_SHEET_MISSING_COLUMNS : UF_MSG_XLSX_SHEET_MISSING_COLUMNS_N,
                    uf_excerpt(sheet, header->sheet, strlen(header->sheet)), missing.data, found.data ? found.data : "");
    } else {
        uf_diag_add(diags, UF_SEVERITY_ERROR, file, header->line, 0,
                    nmissing == 1 ? UF_MSG_FILE_MISSING_COLUMNS : UF_MSG_FILE_MISSING_COLUMNS_N,
                    missing.data, found.data ? found.data : "");
    }
    uf_strbuf_free(&missing);
    uf_strbuf_free(&found);
}

bool uf_columns_map(const uf_column_spec *specs, size_t nspecs, const uf_csv_record *header,
                    uint32_t file, uf_diag_list *diags, int *index_out)
{
    uf_strbuf unknown = {0};
    size_t nunknown = 0;
    bool ok = true;
    for (size_t k = 0; k < nspecs; k++)
        index_out[k] = UF_COLUMN_MISSING;
    for (size_t f = 0; f < header->count; f++) {
        char name[NAME_MAX_BYTES];
        size_t len = uf_column_normalize(header->fields[f], header->lengths[f], name, sizeof name);
        if (len == 0)
            continue; /* an empty header cell names no column */
        size_t k = 0;
        while (k < nspecs && !alias_matches(specs[k].aliases, name, len))
            k++;
        if (k == nspecs) {
            append_quoted(&unknown, &nunknown, header->fields[f], header->lengths[f]);
            continue;
        }
        if (index_out[k] != UF_COLUMN_MISSING) {
            char a[UF_NUMBUF], b[UF_NUMBUF];
            char *q = uf_msg_xformat(UF_MSG_QUOTED, specs[k].name);
            uf_diag_add(diags, UF_SEVERITY_ERROR, file, header->line, (int)f + 1, UF_MSG_FILE_DUP_COLUMN,
                        q, uf_fmt_count(a, index_out[k] + 1), uf_fmt_count(b, (long long)f + 1));
            free(q);
            ok = false;
            continue;
        }
        index_out[k] = (int)f;
    }
    for (size_t k = 0; k < nspecs; k++)
        if (specs[k].required && index_out[k] == UF_COLUMN_MISSING)
            ok = false;
    if (ok && unknown.len)
        uf_diag_add(diags, UF_SEVERITY_WARNING, file, header->line, 0, UF_MSG_FILE_UNKNOWN_COLUMNS, unknown.data);
    else if (index_out && !ok) {
        bool any_missing = false;
        for (size_t k = 0; k < nspecs; k++)
            any_missing |= specs[k].required && index_out[k] == UF_COLUMN_MISSING;
        if (any_missing)
            report_missing(specs, nspecs, header, file, diags, index_out);
    }
    uf_strbuf_free(&unknown);
    return ok;
}
