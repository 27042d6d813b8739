/* Finding the submissions: every *.csv and workbook under a folder, in any sub-folder,
 * in a stable (byte-wise sorted) order so that runs are reproducible.
 * Links to folders are never followed, and a file reached by two names
 * (a link, a hard link) is listed once: a folder cannot make the walk loop
 * or read one file twice. */
#ifndef UF_FOLDER_H
#define UF_FOLDER_H

#include "common/diag.h"

#include <stddef.h>

/* Something the walk left out, and why (FOLDER_LINK, FOLDER_TOO_DEEP,
 * FILE_SAME_AS); arg is the message's argument or NULL. */
typedef struct uf_file_notice {
    uf_msg code;
    char *path;
    char *arg;
} uf_file_notice;

typedef struct uf_file_list {
    char **paths;
    size_t count, cap;
    uf_file_notice *notices; /* sorted by path within each walk */
    size_t nnotices, notices_cap;
} uf_file_list;

/* The deepest folder level read below the folder walked. */
enum { UF_FOLDER_MAX_DEPTH = 64 };

/* Adds every *.csv below dir (case-insensitive ending); returns the number
 * found. A missing folder finds nothing. */
size_t uf_find_csv_files(const char *dir, uf_file_list *list);
/* Adds every submission below dir: *.csv and the workbooks
 * (uf_submission_kind_of), in one byte-wise order. Excel's lock files
 * (~$...) are never listed. */
size_t uf_find_submissions(const char *dir, uf_file_list *list);

typedef enum uf_submission_kind { UF_SUBMISSION_NONE, UF_SUBMISSION_CSV, UF_SUBMISSION_WORKBOOK } uf_submission_kind;
/* By the name's ending, in any letter case: .csv, or .xlsx and .xlsm (read)
 * and .xls, .ods, .xlsb (rejected by the workbook reader with the reason). */
uf_submission_kind uf_submission_kind_of(const char *name);
/* Tells what the walks left out, as warnings on the files concerned. */
void uf_file_list_report(const uf_file_list *list, uf_diag_list *diags);
void uf_file_list_free(uf_file_list *list);

#endif
