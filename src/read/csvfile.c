#include "read/csvfile.h"

#include "common/util.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* State shared with libcsv's callbacks while one file is parsed. */
struct parse_ctx {
    uf_csv_record_fn fn;
    void *user;
    bool stopped;
    char delimiter;
    long line;         /* physical line being fed to libcsv */
    long record_start; /* line where the current record began */
    bool in_record;
    /* The current record's fields, packed with NULs in one buffer. */
    char *text;
    size_t text_len, text_cap;
    size_t *offsets, *lengths;
    size_t nfields, fields_cap;
    const char **pointers;
    size_t pointers_cap;
    long delivered;
};

static void on_field(void *data, size_t len, void *user)
{
    struct parse_ctx *ctx = user;
    if (!ctx->in_record) {
        /* A record that began mid-line (after a lone CR). */
        ctx->in_record = true;
        ctx->record_start = ctx->line;
    }
    uf_grow(&ctx->text, &ctx->text_cap, ctx->text_len + len + 1, 1);
    if (len)
        memcpy(ctx->text + ctx->text_len, data, len);
    ctx->text[ctx->text_len + len] = '\0';
    size_t old_cap = ctx->fields_cap;
    uf_grow(&ctx->offsets, &ctx->fields_cap, ctx->nfields + 1, sizeof(size_t));
    if (ctx->fields_cap != old_cap) /* not on every field: a line can have millions */
        ctx->lengths = uf_xrealloc(ctx->lengths, ctx->fields_cap * sizeof(size_t));
    ctx->offsets[ctx->nfields] = ctx->text_len;
    ctx->lengths[ctx->nfields] = len;
    ctx->nfields++;
    ctx->text_len += len + 1;
}

static void on_record(int terminator, void *user)
{
    (void)terminator;
    struct parse_ctx *ctx = user;
    size_t count = ctx->nfields;
    while (count > 0 && ctx->lengths[count - 1] == 0)
        count--;
    /* A line of nothing but delimiters is a blank line. */
    if (count > 0 && !ctx->stopped) {
        uf_grow(&ctx->pointers, &ctx->pointers_cap, count, sizeof(char *));
        for (size_t i = 0; i < count; i++)
            ctx->pointers[i] = ctx->text + ctx->offsets[i];
        uf_csv_record rec = {ctx->record_start, count, ctx->pointers, ctx->lengths, ctx->delimiter, NULL, NULL};
        ctx->delivered++;
        if (!ctx->fn(ctx->user, &rec))
            ctx->stopped = true;
    }
    ctx->nfields = 0;
    ctx->text_len = 0;
    ctx->in_record = false;
}

/* The reason a file could not be opened, in the run's language. */
static void open_failed(uf_diag_list *diags, uint32_t file_id, int err)
{
    char *reason;
    if (err == ENOENT || err == ENOTDIR || err == ELOOP)
        reason = uf_msg_format(UF_MSG_ERRNO_ENOENT);
    else if (err == EACCES || err == EPERM)
        reason = uf_msg_format(UF_MSG_ERRNO_EACCES);
    else if (err == EIO)
        reason = uf_msg_format(UF_MSG_ERRNO_EIO);
    else
        reason = uf_msg_format(UF_MSG_ERRNO_OTHER, strerror(err));
    uf_diag_add(diags, UF_SEVERITY_ERROR, file_id, 0, 0, UF_MSG_FILE_OPEN, reason ? reason : "");
    free(reason);
}

static int is_space(unsigned char c) { return c == ' '; }

static int is_space_or_tab(unsigned char c) { return c == ' ' || c == '\t'; }

static bool blank_line(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return false;
    return true;
}

char uf_csv_sniff_delimiter(const char *line, size_t len)
{
    size_t semicolons = 0, commas = 0, tabs = 0;
    bool quoted = false;
    for (size_t i = 0; i < len && line[i] != '\n'; i++) {
        char c = line[i];
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && c == ';')
            semicolons++;
        else if (!quoted && c == ',')
            commas++;
        else if (!quoted && c == '\t')
            tabs++;
    }
    if (semicolons >= commas && semicolons >= tabs)
        return ';';
    return tabs >= commas ? '\t' : ',';
}

/* Excel's "sep=;" hint line names the delimiter and is not a record. */
static bool excel_sep_line(const char *s, size_t len, char *delimiter)
{
    while (len > 0 && (s[len - 1] == '\r' || s[len - 1] == '\n'))
        len--;
    if (len == 5 && (s[0] == 's' || s[0] == 'S') && strncmp(s + 1, "ep=", 3) == 0) {
        *delimiter = s[4];
        return true;
    }
    return false;
}

/* Bytes from pos up to and including the next line end (or to the end):
 * LF, CRLF, or a lone CR (old Mac Excel's "CSV (Macintosh)"). */
static size_t line_length(const char *data, size_t pos, size_t len)
{
    const char *nl = memchr(data + pos, '\n', len - pos);
    size_t n = nl ? (size_t)(nl - (data + pos)) + 1 : len - pos;
    const char *cr = memchr(data + pos, '\r', n);
    if (cr && cr + 1 != nl)
        return (size_t)(cr - (data + pos)) + 1;
    return n;
}

static void free_ctx(struct parse_ctx *ctx)
{
    free(ctx->text);
    free(ctx->offsets);
    free(ctx->lengths);
    free(ctx->pointers);
}

/* libcsv grows a field's buffer by a fixed block size, which is quadratic
 * for a very long field (a 50 MB line). Feeding long lines in pieces and
 * raising the block size to the buffer's size makes the growth geometric. */
static bool feed(struct csv_parser *parser, const char *s, size_t len, struct parse_ctx *ctx)
{
    enum { PIECE = 1 << 20 };
    size_t done = 0;
    while (done < len) {
        size_t n = len - done < PIECE ? len - done : PIECE;
        if (csv_parse(parser, s + done, n, on_field, on_record, ctx) != n)
            return false;
        done += n;
        size_t size = csv_get_buffer_size(parser);
        if (size > parser->blk_size)
            csv_set_blk_size(parser, size);
    }
    return true;
}

/* Parses UTF-8 text line by line, so that the callbacks know the line. */
static uf_error parse_utf8(const char *data, size_t len, uint32_t file_id, uf_diag_list *diags,
                           uf_csv_record_fn fn, void *user, uf_csv_info *info)
{
    struct csv_parser parser;
    if (csv_init(&parser, CSV_STRICT_FINI) != 0)
        uf_out_of_memory();
    struct parse_ctx ctx = {.fn = fn, .user = user};
    size_t pos = 0;
    long line = 1;
    /* The header is the first line with content. */
    while (pos < len && blank_line(data + pos, line_length(data, pos, len))) {
        pos += line_length(data, pos, len);
        line++;
    }
    size_t first_len = line_length(data, pos, len);
    char delimiter;
    if (excel_sep_line(data + pos, first_len, &delimiter)) {
        pos += first_len;
        line++;
    } else {
        delimiter = uf_csv_sniff_delimiter(data + pos, first_len);
    }
    info->delimiter = delimiter;
    ctx.delimiter = delimiter;
    csv_set_delim(&parser, (unsigned char)delimiter);
    csv_set_space_func(&parser, delimiter == '\t' ? is_space : is_space_or_tab);

    uf_error err = UF_OK;
    while (pos < len && !ctx.stopped) {
        size_t chunk = line_length(data, pos, len);
        ctx.line = line;
        if (!ctx.in_record && !blank_line(data + pos, chunk)) {
            ctx.in_record = true;
            ctx.record_start = line;
        }
        if (!feed(&parser, data + pos, chunk, &ctx)) {
            /* libcsv could not grow its buffer: the run is out of memory,
             * the same as when uf_xmalloc fails, not a fault of the file. */
            if (csv_error(&parser) == CSV_ENOMEM)
                uf_out_of_memory();
            err = UF_ERROR_FILE_REJECTED;
            uf_diag_add(diags, UF_SEVERITY_ERROR, file_id, line, 0, UF_MSG_FILE_CSV_SYNTAX,
                        csv_strerror(csv_error(&parser)));
            break;
        }
        pos += chunk;
        line++;
    }
    /* libcsv reports an unclosed quote only in its strict mode, which also
     * refuses a stray quote in a field (12" skärm) that Excel reads fine.
     * So: outside quotes a line end ends the record; a record still open
     * after its last line has ended is inside a quote that never closes. */
    if (err == UF_OK && !ctx.stopped && ctx.in_record && data[len - 1] != '\n' && data[len - 1] != '\r')
        if (csv_parse(&parser, "\n", 1, on_field, on_record, &ctx) != 1 && csv_error(&parser) == CSV_ENOMEM)
            uf_out_of_memory(); /* the missing final line end */
    if (err == UF_OK && !ctx.stopped && ctx.in_record) {
        char buf[UF_NUMBUF];
        uf_diag_add(diags, UF_SEVERITY_ERROR, file_id, ctx.record_start, 0,
                    UF_MSG_FILE_UNCLOSED_QUOTE, (snprintf(buf, sizeof buf, "%ld", ctx.record_start), buf));
        info->broken_records = 1;
        err = UF_ERROR_FILE_REJECTED;
    } else if (err == UF_OK && !ctx.stopped) {
        csv_fini(&parser, on_field, on_record, &ctx);
    }
    info->records = ctx.delivered;
    csv_free(&parser);
    free_ctx(&ctx);
    return err;
}

uf_error uf_csv_read_buffer(const char *data, size_t len, uint32_t file_id, uf_diag_list *diags,
                            uf_csv_record_fn fn, void *user, uf_csv_info *info)
{
    uf_csv_info local;
    if (!info)
        info = &local;
    *info = (uf_csv_info){.delimiter = ';'};
    if (len == 0) {
        uf_diag_add(diags, UF_SEVERITY_ERROR, file_id, 0, 0, UF_MSG_FILE_EMPTY);
        return UF_ERROR_FILE_REJECTED;
    }
    size_t where = 0;
    char at[UF_NUMBUF], hex[8];
    info->encoding = uf_encoding_detect((const unsigned char *)data, len, &where);
    switch (info->encoding) {
    case UF_ENCODING_UTF16:
        uf_diag_add(diags, UF_SEVERITY_ERROR, file_id, 0, 0, UF_MSG_FILE_UTF16);
        return UF_ERROR_FILE_REJECTED;
    case UF_ENCODING_BINARY:
        uf_diag_add(diags, UF_SEVERITY_ERROR, file_id, 0, 0, UF_MSG_FILE_NUL,
                    uf_fmt_count(at, (long long)where + 1));
        return UF_ERROR_FILE_REJECTED;
    case UF_ENCODING_UNKNOWN:
        snprintf(hex, sizeof hex, "%02X", (unsigned char)data[where]);
        uf_diag_add(diags, UF_SEVERITY_ERROR, file_id, 0, 0, UF_MSG_FILE_ENCODING, hex,
                    uf_fmt_count(at, (long long)where + 1));
        return UF_ERROR_FILE_REJECTED;
    case UF_ENCODING_CP1252: {
        size_t utf8_len;
        char *utf8 = uf_cp1252_to_utf8((const unsigned char *)data, len, &utf8_len);
        uf_diag_add(diags, UF_SEVERITY_WARNING, file_id, 0, 0, UF_MSG_FILE_CP1252);
        uf_error err = parse_utf8(utf8, utf8_len, file_id, diags, fn, user, info);
        free(utf8);
        return err;
    }
    case UF_ENCODING_UTF8_BOM:
        return parse_utf8(data + 3, len - 3, file_id, diags, fn, user, info);
    case UF_ENCODING_UTF8:
        break;
    }
    return parse_utf8(data, len, file_id, diags, fn, user, info);
}

/* Directories, devices and FIFOs are refused before open so that nothing
 * can block. */
uf_error uf_file_slurp(const char *path, uint32_t file_id, uf_diag_list *diags, char **out, size_t *out_len)
{
    struct stat st;
    char a[UF_NUMBUF], b[UF_NUMBUF];
    if (stat(path, &st) != 0) {
        open_failed(diags, file_id, errno);
        return UF_ERROR_READ;
    }
    if (S_ISDIR(st.st_mode)) {
        uf_diag_add(diags, UF_SEVERITY_ERROR, file_id, 0, 0, UF_MSG_FILE_IS_DIR);
        return UF_ERROR_READ;
    }
    if (!S_ISREG(st.st_mode)) {
        uf_diag_add(diags, UF_SEVERITY_ERROR, file_id, 0, 0, UF_MSG_FILE_NOT_REGULAR);
        return UF_ERROR_READ;
    }
    if ((unsigned long long)st.st_size > UF_CSV_MAX_BYTES) {
        uf_diag_add(diags, UF_SEVERITY_ERROR, file_id, 0, 0, UF_MSG_FILE_TOO_BIG,
                    uf_fmt_count(a, (long long)(st.st_size >> 20)), uf_fmt_count(b, (long long)(UF_CSV_MAX_BYTES >> 20)));
        return UF_ERROR_READ;
    }
    int fd = open(path, O_RDONLY | O_NONBLOCK);
    if (fd < 0) {
        open_failed(diags, file_id, errno);
        return UF_ERROR_READ;
    }
    size_t cap = (size_t)st.st_size + 1, len = 0;
    char *buf = uf_xmalloc(cap);
    for (;;) {
        if (len == cap) {
            if (cap > UF_CSV_MAX_BYTES)
                break; /* grew while we read; cut, the size check above told the truth */
            cap *= 2;
            buf = uf_xrealloc(buf, cap);
        }
        ssize_t n = read(fd, buf + len, cap - len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            open_failed(diags, file_id, errno);
            close(fd);
            free(buf);
            return UF_ERROR_READ;
        }
        if (n == 0)
            break;
        len += (size_t)n;
    }
    close(fd);
    *out = buf;
    *out_len = len;
    return UF_OK;
}

uf_error uf_csv_read_file(const char *path, uint32_t file_id, uf_diag_list *diags,
                          uf_csv_record_fn fn, void *user, uf_csv_info *info)
{
    uf_csv_info local;
    if (!info)
        info = &local;
    *info = (uf_csv_info){.delimiter = ';'};
    char *data = NULL;
    size_t len = 0;
    uf_error err = uf_file_slurp(path, file_id, diags, &data, &len);
    if (err != UF_OK)
        return err;
    err = uf_csv_read_buffer(data, len, file_id, diags, fn, user, info);
    free(data);
    return err;
}
