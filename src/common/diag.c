#include "common/diag.h"

#include "common/text.h"
#include "common/util.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

uf_diag_list *uf_diag_list_new(void) { return uf_xcalloc(1, sizeof(uf_diag_list)); }

void uf_diag_list_free(uf_diag_list *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->count; i++)
        free(list->items[i].text);
    for (size_t i = 0; i < list->nfiles; i++)
        free(list->files[i]);
    free(list->items);
    free(list->files);
    free(list);
}

uint32_t uf_diag_add_file(uf_diag_list *list, const char *name)
{
    uf_grow(&list->files, &list->files_cap, list->nfiles + 1, sizeof(char *));
    /* Shown in messages and cells, where bytes that are not UTF-8 (a name
     * from a Windows zip) would make a workbook unreadable: they show as "\xHH". */
    list->files[list->nfiles] = uf_text_file_name(name);
    return (uint32_t)list->nfiles++;
}

const char *uf_diag_file_name(const uf_diag_list *list, uint32_t file)
{
    if (file == UF_NO_FILE || file >= list->nfiles)
        return "";
    return list->files[file];
}

uf_diag *uf_diag_add(uf_diag_list *list, uf_severity severity, uint32_t file, long line,
                     int column, uf_msg code, ...)
{
    va_list ap;
    va_start(ap, code);
    char *text = uf_msg_vformat(code, ap);
    va_end(ap);
    if (!text)
        text = uf_xstrdup(uf_msg_name(code));
    uf_grow(&list->items, &list->cap, list->count + 1, sizeof(uf_diag));
    uf_diag *d = &list->items[list->count];
    *d = (uf_diag){severity, code, file, line, column, UF_NO_UNIT, 0, text, list->next_seq++};
    list->count++;
    if (severity == UF_SEVERITY_ERROR)
        list->errors++;
    else
        list->warnings++;
    return d;
}

uf_diag *uf_diag_adopt(uf_diag_list *list, uf_diag *d, uint32_t file)
{
    uf_grow(&list->items, &list->cap, list->count + 1, sizeof(uf_diag));
    uf_diag *to = &list->items[list->count++];
    *to = *d;
    to->file = file;
    to->seq = list->next_seq++;
    d->text = NULL;
    if (to->severity == UF_SEVERITY_ERROR)
        list->errors++;
    else
        list->warnings++;
    return to;
}

size_t uf_diag_unshowable(uf_diag_list *list, uint32_t file, long line, int column, const char *text, size_t len)
{
    uint32_t first = 0;
    size_t n = uf_text_unshowable(text, len, &first);
    if (n > 0) {
        char count[UF_NUMBUF], cp[UF_CODEPOINT_BUF];
        uf_diag_add(list, UF_SEVERITY_WARNING, file, line, column, UF_MSG_TEXT_UNSHOWABLE,
                    uf_fmt_count(count, (long long)n), uf_text_codepoint(cp, first));
    }
    return n;
}

void uf_diag_gather_files(uf_diag_list *list, uf_msg code, uf_msg gathered)
{
    size_t n = 0;
    uf_severity severity = UF_SEVERITY_WARNING;
    for (size_t i = 0; i < list->count; i++)
        n += list->items[i].code == code && list->items[i].line == 0;
    if (n < 2)
        return;
    uf_strbuf names = {0};
    size_t kept = 0;
    for (size_t i = 0; i < list->count; i++) {
        uf_diag *d = &list->items[i];
        if (d->code != code || d->line != 0) {
            list->items[kept++] = *d;
            continue;
        }
        if (names.len)
            uf_strbuf_puts(&names, ", ");
        uf_strbuf_puts(&names, uf_diag_file_name(list, d->file));
        severity = d->severity;
        if (d->severity == UF_SEVERITY_ERROR)
            list->errors--;
        else
            list->warnings--;
        free(d->text);
    }
    list->count = kept;
    char count[UF_NUMBUF];
    uf_diag_add(list, severity, UF_NO_FILE, 0, 0, gathered, uf_fmt_count(count, (long long)n), names.data);
    uf_strbuf_free(&names);
}

static int diag_cmp(const void *pa, const void *pb)
{
    const uf_diag *a = pa, *b = pb;
    /* Run-wide messages (no file) come last, after the file-by-file list. */
    uint64_t fa = a->file == UF_NO_FILE ? UINT64_MAX : a->file;
    uint64_t fb = b->file == UF_NO_FILE ? UINT64_MAX : b->file;
    if (fa != fb)
        return fa < fb ? -1 : 1;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->column != b->column)
        return a->column < b->column ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void uf_diag_sort(uf_diag_list *list)
{
    if (list->count > 1)
        qsort(list->items, list->count, sizeof(uf_diag), diag_cmp);
}

/* A file name (or a message naming one) as the terminal shows it: control
 * characters (an escape sequence in a file name, a line break) as '?'. */
static void put_name(const char *s, FILE *out)
{
    for (; *s; s++)
        fputc((unsigned char)*s < 0x20 || *s == 0x7F ? '?' : *s, out);
}

void uf_diag_print(const uf_diag_list *list, const uf_diag *d, FILE *out)
{
    if (d->file != UF_NO_FILE) {
        put_name(uf_diag_file_name(list, d->file), out);
        if (d->line > 0)
            fprintf(out, ":%ld", d->line);
        if (d->line > 0 && d->column > 0)
            fprintf(out, ":%d", d->column);
        fputs(": ", out);
    }
    fputs(uf_msg_text(d->severity == UF_SEVERITY_ERROR ? UF_MSG_SEV_ERROR : UF_MSG_SEV_WARNING), out);
    fputs(": ", out);
    put_name(d->text, out); /* it can quote a file name too */
    fputc('\n', out);
}

void uf_diag_print_all(const uf_diag_list *list, FILE *out)
{
    for (size_t i = 0; i < list->count; i++)
        uf_diag_print(list, &list->items[i], out);
}
