/* The option table and its parser (curl's tool_getparam in small). */
#include "cli/config.h"

#include "common/text.h"
#include "common/util.h"
#include "render/jobs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

typedef bool (*option_fn)(uf_config *config, const char *value);

static bool set_year(uf_config *c, const char *v)
{
    char *end;
    long y = strtol(v, &end, 10);
    if (*end || y < 1900 || y > 2100) {
        fprintf(stderr, "%s", uf_msg_text(UF_MSG_CLI_ERROR_PREFIX));
        fprintf(stderr, uf_msg_text(UF_MSG_CLI_BAD_YEAR), v);
        fputc('\n', stderr);
        return false;
    }
    c->year = (int)y;
    return true;
}

static bool set_jobs(uf_config *c, const char *v)
{
    char *end;
    long n = strtol(v, &end, 10);
    if (*v < '0' || *v > '9' || *end || n < 1 || n > UF_JOBS_MAX) {
        char max[16];
        snprintf(max, sizeof max, "%d", UF_JOBS_MAX);
        fprintf(stderr, "%s", uf_msg_text(UF_MSG_CLI_ERROR_PREFIX));
        fprintf(stderr, uf_msg_text(UF_MSG_CLI_BAD_JOBS), v, max);
        fputc('\n', stderr);
        return false;
    }
    c->jobs = (unsigned)n;
    return true;
}

static bool set_out(uf_config *c, const char *v)
{
    if (!*v) { /* an unset shell variable: never the current folder by accident */
        fprintf(stderr, "%s%s\n", uf_msg_text(UF_MSG_CLI_ERROR_PREFIX), uf_msg_text(UF_MSG_CLI_EMPTY_OUT));
        return false;
    }
    c->out = v;
    return true;
}

static bool set_lang(uf_config *c, const char *v)
{
    if (strcmp(v, "sv") == 0) {
        c->lang = UF_LANG_SV;
    } else if (strcmp(v, "en") == 0) {
        c->lang = UF_LANG_EN;
    } else {
        fprintf(stderr, "%s", uf_msg_text(UF_MSG_CLI_ERROR_PREFIX));
        fprintf(stderr, uf_msg_text(UF_MSG_CLI_BAD_LANG), v);
        fputc('\n', stderr);
        return false;
    }
    uf_messages_set_lang(c->lang);
    return true;
}

static const struct {
    const char *name;
    unsigned bits;
} format_names[] = {
    {"xlsx", UF_FORMAT_XLSX},      {"csv", UF_FORMAT_CSV},         {"pdf", UF_FORMAT_PDF},
    {"styrelserapport", UF_FORMAT_BOARD}, {"enheter", UF_FORMAT_UNITS}, {"diagram", UF_FORMAT_CHARTS},
    {"html", UF_FORMAT_HTML},
};

static bool set_formats(uf_config *c, const char *v)
{
    c->formats = 0;
    while (*v) {
        size_t n = strcspn(v, ",");
        size_t k = 0;
        while (k < sizeof format_names / sizeof format_names[0] &&
               !(strlen(format_names[k].name) == n && strncmp(v, format_names[k].name, n) == 0))
            k++;
        if (k < sizeof format_names / sizeof format_names[0]) {
            c->formats |= format_names[k].bits;
        } else if (n > 0) {
            char word[64];
            snprintf(word, sizeof word, "%.*s", uf_utf8_prefix(v, n < 60 ? n : 60), v);
            fprintf(stderr, "%s", uf_msg_text(UF_MSG_CLI_ERROR_PREFIX));
            fprintf(stderr, uf_msg_text(UF_MSG_CLI_BAD_FORMAT), word);
            fputc('\n', stderr);
            return false;
        }
        v += n;
        if (*v == ',')
            v++;
    }
    if (!c->formats)
        c->formats = UF_FORMAT_ALL;
    return true;
}

static bool set_strict(uf_config *c, const char *v)
{
    (void)v;
    c->strict = true;
    return true;
}

static bool set_quiet(uf_config *c, const char *v)
{
    (void)v;
    c->quiet = true;
    return true;
}

static bool set_help(uf_config *c, const char *v)
{
    (void)v;
    c->help = true;
    return true;
}

static bool set_version(uf_config *c, const char *v)
{
    (void)v;
    c->version = true;
    return true;
}

static const struct option {
    const char *name;
    bool takes_value;
    option_fn apply;
} options[] = {
    {"--year", true, set_year},     {"--out", true, set_out},       {"--format", true, set_formats},
    {"--lang", true, set_lang},     {"--strict", false, set_strict}, {"--quiet", false, set_quiet},
    {"-q", false, set_quiet},       {"--help", false, set_help},    {"-h", false, set_help},
    {"--version", false, set_version}, {"--jobs", true, set_jobs},
};

static void usage_error(uf_msg code, const char *arg)
{
    fprintf(stderr, "%s", uf_msg_text(UF_MSG_CLI_ERROR_PREFIX));
    fprintf(stderr, uf_msg_text(code), arg);
    fputc('\n', stderr);
}

/* "--year 2025" or "--year=2025"; returns the number of argv slots used, 0 on error. */
static int apply_option(uf_config *c, int argc, char **argv, int i)
{
    const char *arg = argv[i];
    size_t name_len = strcspn(arg, "=");
    for (size_t k = 0; k < sizeof options / sizeof options[0]; k++) {
        const struct option *o = &options[k];
        if (strlen(o->name) != name_len || strncmp(o->name, arg, name_len) != 0)
            continue;
        if (!o->takes_value)
            return arg[name_len] == '\0' && o->apply(c, NULL) ? 1 : 0;
        if (arg[name_len] == '=')
            return o->apply(c, arg + name_len + 1) ? 1 : 0;
        if (i + 1 >= argc) {
            usage_error(UF_MSG_CLI_MISSING_ARG, o->name);
            return 0;
        }
        return o->apply(c, argv[i + 1]) ? 2 : 0;
    }
    usage_error(UF_MSG_CLI_UNKNOWN_OPTION, arg);
    return 0;
}

/* "validate inputz" (a typo, not a .csv file) should say inputz is no
 * folder, rather than look for a file of that name in the default folder. */
static bool names_missing_folder(const char *arg)
{
    struct stat st;
    size_t n = strlen(arg);
    bool csv = n > 4 && strcasecmp(arg + n - 4, ".csv") == 0;
    return !csv && stat(arg, &st) != 0;
}

/* The first positional argument is INPUTS when it is a folder; the rest are files. */
static bool take_positional(uf_config *c, const char *arg, bool *inputs_given)
{
    if (c->command == UF_COMMAND_NONE) {
        if (strcmp(arg, "validate") == 0)
            c->command = UF_COMMAND_VALIDATE;
        else if (strcmp(arg, "report") == 0)
            c->command = UF_COMMAND_REPORT;
        else if (strcmp(arg, "template") == 0)
            c->command = UF_COMMAND_TEMPLATE;
        else {
            usage_error(UF_MSG_CLI_UNKNOWN_COMMAND, arg);
            return false;
        }
        return true;
    }
    if (!*inputs_given && c->nfiles == 0 && (uf_is_dir(arg) || names_missing_folder(arg))) {
        c->inputs = arg;
        *inputs_given = true;
        return true;
    }
    if (c->command == UF_COMMAND_REPORT || c->command == UF_COMMAND_TEMPLATE) {
        usage_error(UF_MSG_CLI_FILES_IN_REPORT, arg);
        return false;
    }
    c->files = uf_xrealloc(c->files, (c->nfiles + 1) * sizeof(char *));
    c->files[c->nfiles++] = arg;
    return true;
}

/* --lang is applied before anything else so that errors speak it too. */
static void early_lang(uf_config *c, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--lang=en") == 0 || (strcmp(argv[i], "--lang") == 0 && i + 1 < argc && strcmp(argv[i + 1], "en") == 0)) {
            c->lang = UF_LANG_EN;
            uf_messages_set_lang(UF_LANG_EN);
        }
    }
}

bool uf_config_parse(uf_config *c, int argc, char **argv)
{
    *c = (uf_config){.inputs = "inputs", .formats = UF_FORMAT_ALL, .lang = UF_LANG_SV};
    bool inputs_given = false, only_positional = false;
    early_lang(c, argc, argv);
    for (int i = 1; i < argc;) {
        const char *arg = argv[i];
        if (!only_positional && strcmp(arg, "--") == 0) {
            only_positional = true;
            i++;
        } else if (!only_positional && arg[0] == '-' && arg[1] != '\0') {
            int used = apply_option(c, argc, argv, i);
            if (used == 0)
                return false;
            i += used;
        } else {
            if (!take_positional(c, arg, &inputs_given))
                return false;
            i++;
        }
    }
    if (c->command == UF_COMMAND_NONE && !c->help && !c->version) {
        fprintf(stderr, "%s%s\n", uf_msg_text(UF_MSG_CLI_ERROR_PREFIX), uf_msg_text(UF_MSG_CLI_NO_COMMAND));
        return false;
    }
    return true;
}

void uf_config_free(uf_config *c)
{
    free(c->files);
    c->files = NULL;
}
