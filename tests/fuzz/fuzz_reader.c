/* libFuzzer harness for the CSV reader: uf_csv_read_buffer with a record
 * callback that checks what every record promises (fields NUL-terminated at
 * their lengths, lines from 1 and never going back, the sniffed delimiter),
 * and the number, year, column-name and excerpt parsers on every field.
 * Built by tests/fuzz/run.sh with clang -fsanitize=fuzzer,address,undefined. */
#include "fuzz_check.h"

#include "common/diag.h"
#include "common/util.h"
#include "read/columns.h"
#include "read/csvfile.h"
#include "read/number.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct seen {
    long last_line;
    long records;
};

static bool on_record(void *user, const uf_csv_record *rec)
{
    struct seen *s = user;
    CHECK(rec->line >= 1);
    CHECK(rec->line >= s->last_line);
    CHECK(rec->count > 0);
    CHECK(rec->lengths[rec->count - 1] > 0); /* trailing empty fields are not counted */
    s->last_line = rec->line;
    s->records++;
    for (size_t i = 0; i < rec->count; i++) {
        const char *f = rec->fields[i];
        size_t len = rec->lengths[i];
        CHECK(f[len] == '\0');
        CHECK(memchr(f, '\0', len) == NULL); /* NUL bytes never reach a record */
        uf_number n;
        uf_number_status st = uf_number_parse(f, len, &n);
        if (st == UF_NUMBER_OK) {
            CHECK(isfinite(n.value));
            CHECK(n.decimals >= 0);
        }
        int year;
        if (uf_year_parse(f, len, &year))
            CHECK(year >= 1900 && year <= 2199);
        char norm[64], excerpt[UF_EXCERPT], num[UF_NUMBUF];
        CHECK(uf_column_normalize(f, len, norm, sizeof norm) < sizeof norm);
        uf_excerpt(excerpt, f, len);
        CHECK(strlen(excerpt) < UF_EXCERPT);
        if (st == UF_NUMBER_OK) {
            uf_fmt_number(num, n.value, -1);
            CHECK(strlen(num) < UF_NUMBUF);
        }
    }
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *copy = fuzz_copy(data, size);
    uf_diag_list *diags = uf_diag_list_new();
    uint32_t file = uf_diag_add_file(diags, "fuzz.csv");
    struct seen s = {0};
    uf_csv_info info;
    uf_error err = uf_csv_read_buffer(copy, size, file, diags, on_record, &s, &info);
    CHECK(err == UF_OK || err == UF_ERROR_FILE_REJECTED || err == UF_ERROR_READ);
    CHECK(info.records == s.records);
    CHECK(info.broken_records == 0 || info.broken_records == 1);
    CHECK(err != UF_OK || diags->errors == 0);
    CHECK(err == UF_OK || diags->errors > 0); /* a rejected file always says why */
    (void)uf_csv_sniff_delimiter(copy, size);
    /* A number in the raw input, whatever it holds. */
    uf_number n;
    if (uf_number_parse(copy, size, &n) == UF_NUMBER_OK)
        CHECK(isfinite(n.value));
    uf_diag_list_free(diags);
    free(copy);
    return 0;
}
