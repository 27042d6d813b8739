/* What the command line asked for (curl's config struct). */
#ifndef UF_CONFIG_H
#define UF_CONFIG_H

#include "common/messages.h"

#include <stdbool.h>
#include <stddef.h>

/* Exit status, as the data contract documents it. */
typedef enum uf_exit {
    UF_EXIT_OK = 0,       /* everything read cleanly, warnings allowed */
    UF_EXIT_REJECTED = 1, /* finished, but rows or files were rejected */
    UF_EXIT_FATAL = 2     /* usage error or fatal error, nothing written */
} uf_exit;

typedef enum uf_command { UF_COMMAND_NONE, UF_COMMAND_VALIDATE, UF_COMMAND_REPORT, UF_COMMAND_TEMPLATE } uf_command;

enum {
    UF_FORMAT_XLSX = 1,
    UF_FORMAT_CSV = 2,
    UF_FORMAT_BOARD = 4,   /* styrelserapport-YYYY.pdf */
    UF_FORMAT_UNITS = 8,   /* enheter/UNIT.pdf */
    UF_FORMAT_CHARTS = 16, /* diagram/INDICATOR.png and .svg */
    UF_FORMAT_PDF = UF_FORMAT_BOARD | UF_FORMAT_UNITS | UF_FORMAT_CHARTS,
    UF_FORMAT_HTML = 32,   /* styrelserapport-YYYY.html */
    UF_FORMAT_ALL = UF_FORMAT_XLSX | UF_FORMAT_CSV | UF_FORMAT_PDF | UF_FORMAT_HTML
};

typedef struct uf_config {
    uf_command command;
    const char *inputs;  /* folder with plan/ and inrapportering/ */
    const char **files;  /* submission files named on the command line */
    size_t nfiles;
    int year;            /* 0: the latest year in the submissions */
    const char *out;     /* NULL: reports/YYYY (template: reports/mallar-YYYY) */
    unsigned formats;
    unsigned jobs;       /* threads for unit PDFs and diagrams; 0: one per core */
    bool strict, quiet, help, version;
    uf_lang lang;
} uf_config;

/* Parses argv into config; on a usage error prints the message to stderr
 * and returns false. */
bool uf_config_parse(uf_config *config, int argc, char **argv);
void uf_config_free(uf_config *config);

#endif
