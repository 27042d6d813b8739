#include "common/messages.h"
#include "common/util.h"

#include <stdio.h>
#include <stdlib.h>

static const struct {
    const char *name;
    const char *text[2];
} catalogue[UF_MSG_COUNT] = {
#define UF_MSG_ROW(code, sv, en) [UF_MSG_##code] = {#code, {sv, en}},
    UF_MESSAGES(UF_MSG_ROW)
#undef UF_MSG_ROW
};

/* One process speaks one language; set once from the command line. */
static uf_lang current_lang = UF_LANG_SV;

void uf_messages_set_lang(uf_lang lang) { current_lang = lang; }

uf_lang uf_messages_lang(void) { return current_lang; }

const char *uf_msg_text(uf_msg code)
{
    if ((unsigned)code >= UF_MSG_COUNT)
        return "?";
    return catalogue[code].text[current_lang];
}

const char *uf_msg_name(uf_msg code)
{
    if ((unsigned)code >= UF_MSG_COUNT)
        return "?";
    return catalogue[code].name;
}

char *uf_msg_vformat(uf_msg code, va_list ap)
{
    const char *fmt = uf_msg_text(code);
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0)
        return NULL;
    char *out = malloc((size_t)n + 1);
    if (out)
        vsnprintf(out, (size_t)n + 1, fmt, ap);
    return out;
}

char *uf_msg_format(uf_msg code, ...)
{
    va_list ap;
    va_start(ap, code);
    char *out = uf_msg_vformat(code, ap);
    va_end(ap);
    return out;
}

/* For texts drawn into a report: out of memory ends the run cleanly, as
 * uf_xmalloc does, instead of leaving a hole in the page. */
char *uf_msg_xformat(uf_msg code, ...)
{
    va_list ap;
    va_start(ap, code);
    char *out = uf_msg_vformat(code, ap);
    va_end(ap);
    if (!out)
        uf_out_of_memory();
    return out;
}
