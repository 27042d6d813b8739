/* libFuzzer harness for the workbook reader: uf_xlsx_read_buffer with a
 * sheet and a record callback that check what every record promises (fields
 * NUL-terminated at their lengths with no NUL inside, count at most Excel's
 * width, the last field non-empty or flagged, rows increasing within a sheet
 * and inside Excel's grid, the sheet named), that a rejected workbook always
 * says why, and that the number parser reads every numeric text. The seeds
 * are small workbooks with stored (uncompressed) parts, written by
 * xlsx_seeds.py, so that mutations reach the XML.
 * Built by tests/fuzz/run.sh with clang -fsanitize=fuzzer,address,undefined. */
#include "fuzz_check.h"

#include "common/diag.h"
#include "common/util.h"
#include "read/number.h"
#include "read/xlsx.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct seen {
    long last_line;
    long records;
    int sheets;
    const char *sheet;
};

static bool on_sheet(void *user, const uf_xlsx_sheet *sheet)
{
    struct seen *s = user;
    CHECK(sheet->name != NULL);
    CHECK(sheet->index == s->sheets + 1);
    s->sheets++;
    s->last_line = 0;
    s->sheet = sheet->name;
    for (const char *c = sheet->name; *c; c++)
        CHECK((unsigned char)*c >= 0x20 && *c != 0x7F); /* shown safely in messages */
    return sheet->index % 3 != 2; /* some sheets declined: never read */
}

static bool on_record(void *user, const uf_csv_record *rec)
{
    struct seen *s = user;
    CHECK(rec->sheet != NULL && rec->sheet == s->sheet);
    CHECK(rec->flags != NULL);
    CHECK(rec->delimiter == 0);
    CHECK(rec->line > s->last_line && rec->line <= UF_XLSX_MAX_ROWS);
    CHECK(rec->count > 0 && rec->count <= UF_XLSX_MAX_COLS);
    CHECK(rec->lengths[rec->count - 1] > 0 || rec->flags[rec->count - 1] != 0);
    s->last_line = rec->line;
    s->records++;
    for (size_t i = 0; i < rec->count; i++) {
        const char *f = rec->fields[i];
        size_t len = rec->lengths[i];
        CHECK(f[len] == '\0');
        CHECK(memchr(f, '\0', len) == NULL);
        CHECK(len == 0 || (f[0] != ' ' && f[len - 1] != ' ')); /* trimmed as CSV fields are */
        if (rec->flags[i])
            CHECK(len == 0);
        uf_number n;
        if (uf_number_parse(f, len, &n) == UF_NUMBER_OK)
            CHECK(isfinite(n.value));
        char ref[UF_XLSX_REF];
        CHECK(strlen(uf_xlsx_cell_ref(ref, rec->sheet, rec->line, (int)i + 1)) < UF_XLSX_REF);
    }
    return s->records < 100000;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *copy = fuzz_copy(data, size);
    uf_diag_list *diags = uf_diag_list_new();
    uint32_t file = uf_diag_add_file(diags, "fuzz.xlsx");
    struct seen s = {0};
    uf_xlsx_info info;
    uf_error err = uf_xlsx_read_buffer(copy, size, file, diags, on_sheet, on_record, &s, &info);
    CHECK(err == UF_OK || err == UF_ERROR_FILE_REJECTED);
    CHECK(info.records == s.records);
    CHECK(info.sheets >= s.sheets);
    CHECK(err != UF_OK || diags->errors == 0);
    CHECK(err == UF_OK || diags->errors > 0); /* a rejected workbook always says why */
    CHECK(err != UF_OK || info.sheets > 0);
    uf_diag_list_free(diags);
    free(copy);
    return 0;
}
