#include "read/summary.h"

#include "common/util.h"
#include "read/encoding.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A summary for the board is a page or two; far more is not a summary. */
enum { SUMMARY_MAX_BYTES = 1 << 20 };

static void problem(uf_diag_list *diags, const char *shown, uf_msg code, const char *a, const char *b)
{
    uf_diag_add(diags, UF_SEVERITY_WARNING, uf_diag_add_file(diags, shown), 0, 0, code, a, b);
}

static void open_problem(uf_diag_list *diags, const char *shown, int err)
{
    char *reason = err == EACCES || err == EPERM ? uf_msg_format(UF_MSG_ERRNO_EACCES)
                 : err == EIO ? uf_msg_format(UF_MSG_ERRNO_EIO)
                              : uf_msg_format(UF_MSG_ERRNO_OTHER, strerror(err));
    problem(diags, shown, UF_MSG_FILE_OPEN, reason ? reason : "", NULL);
    free(reason);
}

/* The whole file, or NULL (a diagnostic says why). Never opens what is not
 * a regular file, so a FIFO cannot block the run. */
static char *read_all(const char *path, const char *shown, uf_diag_list *diags, size_t *len)
{
    struct stat st;
    char a[UF_NUMBUF], b[UF_NUMBUF];
    if (stat(path, &st) != 0) {
        if (errno != ENOENT && errno != ENOTDIR)
            open_problem(diags, shown, errno);
        return NULL; /* no summary this year: nothing to say */
    }
    if (!S_ISREG(st.st_mode)) {
        problem(diags, shown, S_ISDIR(st.st_mode) ? UF_MSG_FILE_IS_DIR : UF_MSG_FILE_NOT_REGULAR, NULL, NULL);
        return NULL;
    }
    if (st.st_size > SUMMARY_MAX_BYTES) {
        problem(diags, shown, UF_MSG_FILE_TOO_BIG, uf_fmt_count(a, (long long)(st.st_size >> 20)),
                uf_fmt_count(b, SUMMARY_MAX_BYTES >> 20));
        return NULL;
    }
    int fd = open(path, O_RDONLY | O_NONBLOCK);
    if (fd < 0) {
        open_problem(diags, shown, errno);
        return NULL;
    }
    char *buf = uf_xmalloc((size_t)SUMMARY_MAX_BYTES + 1);
    size_t n = 0;
    for (;;) {
        ssize_t got = read(fd, buf + n, (size_t)SUMMARY_MAX_BYTES - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            open_problem(diags, shown, errno);
            close(fd);
            free(buf);
            return NULL;
        }
        if (got == 0 || (n += (size_t)got) == SUMMARY_MAX_BYTES)
            break;
    }
    close(fd);
    *len = n;
    return buf;
}

/* UTF-8 without a BOM, or NULL when the encoding is neither of the two. */
static char *to_utf8(char *data, size_t len, const char *shown, uf_diag_list *diags, size_t *out_len)
{
    size_t where = 0;
    char at[UF_NUMBUF];
    switch (uf_encoding_detect((const unsigned char *)data, len, &where)) {
    case UF_ENCODING_UTF8:
        *out_len = len;
        return uf_xstrndup(data, len);
    case UF_ENCODING_UTF8_BOM:
        *out_len = len - 3;
        return uf_xstrndup(data + 3, len - 3);
    case UF_ENCODING_CP1252:
        return uf_cp1252_to_utf8((const unsigned char *)data, len, out_len);
    case UF_ENCODING_UTF16:
        problem(diags, shown, UF_MSG_SUMMARY_UTF16, NULL, NULL);
        return NULL;
    case UF_ENCODING_BINARY:
    case UF_ENCODING_UNKNOWN:
        break;
    }
    problem(diags, shown, UF_MSG_SUMMARY_ENCODING, uf_fmt_count(at, (long long)where + 1), NULL);
    return NULL;
}

/* CRLF and a lone CR become LF, in place. */
static size_t lf_line_ends(char *s, size_t len)
{
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\r') {
            s[o++] = '\n';
            i += i + 1 < len && s[i + 1] == '\n';
        } else {
            s[o++] = s[i];
        }
    }
    s[o] = '\0';
    return o;
}

static bool blank(const char *s)
{
    return s[strspn(s, " \t\n")] == '\0';
}

char *uf_summary_load(const char *inputs_dir, int year, uf_diag_list *diags)
{
    char name[32], shown[64];
    snprintf(name, sizeof name, "%d.txt", year);
    snprintf(shown, sizeof shown, "sammanfattning/%s", name);
    char *dir = uf_path_join(inputs_dir, "sammanfattning");
    char *path = uf_path_join(dir, name);
    free(dir);
    size_t len = 0, utf8_len = 0;
    char *data = read_all(path, shown, diags, &len);
    free(path);
    if (!data || len == 0) {
        free(data);
        return NULL;
    }
    char *text = to_utf8(data, len, shown, diags, &utf8_len);
    free(data);
    if (!text)
        return NULL;
    lf_line_ends(text, utf8_len);
    if (blank(text)) {
        free(text);
        return NULL;
    }
    return text;
}
