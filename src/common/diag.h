/* Diagnostics: everything the run has to say about its input, structured
 * (severity, file, line, column, code, text) so that the terminal, the
 * workbook's Avvisade sheet and each unit's report all read the same list.
 * The list also owns the table of files the run has read. */
#ifndef UF_DIAG_H
#define UF_DIAG_H

#include "common/messages.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

typedef enum uf_severity { UF_SEVERITY_WARNING, UF_SEVERITY_ERROR } uf_severity;

#define UF_NO_FILE UINT32_MAX

typedef struct uf_diag {
    uf_severity severity;
    uf_msg code;
    uint32_t file;   /* UF_NO_FILE for the run as a whole */
    long line;       /* 0: the whole file */
    int column;      /* 0: the whole row or file */
    uint32_t unit;   /* the reporting unit the row names, or UF_NO_UNIT */
    int32_t year;    /* the row's year when valid, else 0 */
    char *text;      /* in the run's language */
    size_t seq;      /* order of arrival, keeps sorting stable */
} uf_diag;

#define UF_NO_UNIT UINT32_MAX

typedef struct uf_diag_list {
    uf_diag *items;
    size_t count, cap;
    char **files;
    size_t nfiles, files_cap;
    size_t errors, warnings;
    size_t next_seq; /* arrival order, unique even after uf_diag_gather_files */
} uf_diag_list;

uf_diag_list *uf_diag_list_new(void);
void uf_diag_list_free(uf_diag_list *list);

/* Registers a file by the name shown to users; returns its id. */
uint32_t uf_diag_add_file(uf_diag_list *list, const char *name);
const char *uf_diag_file_name(const uf_diag_list *list, uint32_t file);

/* Adds a diagnostic; the remaining arguments are strings for code's format. */
uf_diag *uf_diag_add(uf_diag_list *list, uf_severity severity, uint32_t file, long line,
                     int column, uf_msg code, ...);
/* Appends a diagnostic made on another list (a file read on another
 * thread) as if it were made now, against file; takes over d->text (left
 * NULL). */
uf_diag *uf_diag_adopt(uf_diag_list *list, uf_diag *d, uint32_t file);
/* Warns at the text's place when it holds characters that no output can
 * show (text.h: noncharacters such as U+FFFF); the outputs show them as
 * U+FFFD. Returns how many there are. */
size_t uf_diag_unshowable(uf_diag_list *list, uint32_t file, long line, int column, const char *text, size_t len);

/* Replaces two or more whole-file diagnostics with the same code by one
 * for the run, gathered's format taking their count and the files' names
 * ("thirty files in Windows-1252" is one notice, not thirty). */
void uf_diag_gather_files(uf_diag_list *list, uf_msg code, uf_msg gathered);
/* Orders by file, line, column, then arrival. */
void uf_diag_sort(uf_diag_list *list);
/* "fil:rad:kolumn: fel: text" (parts that are 0 are left out). */
void uf_diag_print(const uf_diag_list *list, const uf_diag *d, FILE *out);
void uf_diag_print_all(const uf_diag_list *list, FILE *out);

#endif
