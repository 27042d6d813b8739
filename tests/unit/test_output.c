/* The output stage's own pieces (issue 14): the read-back of a finished
 * workbook (uf_zip_verify) and the manifest that retires stale outputs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <minizip/zip.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "files.h"
#include "output/manifest.h"
#include "render/xlsx/zip_verify.h"

static char dir[] = "/tmp/uf-test-output-XXXXXX";

static int make_dir(void **state)
{
    (void)state;
    return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
    (void)state;
    return uf_test_remove_tree(dir);
}

static char *in_dir(const char *name)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return path;
}

/* A zip of (name, text) pairs, deflated (level 6) or stored (level 0). */
static void write_zip(const char *path, const char *const *parts, size_t n, int level)
{
    zipFile z = zipOpen64(path, 0);
    assert_non_null(z);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(zipOpenNewFileInZip(z, parts[2 * i], NULL, NULL, 0, NULL, 0, NULL, level ? 8 : 0, level),
                         ZIP_OK);
        size_t len = strlen(parts[2 * i + 1]);
        if (len)
            assert_int_equal(zipWriteInFileInZip(z, parts[2 * i + 1], (unsigned)len), ZIP_OK);
        assert_int_equal(zipCloseFileInZip(z), ZIP_OK);
    }
    assert_int_equal(zipClose(z, NULL), ZIP_OK);
}

#define DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

static void whole_parts_pass(void **state)
{
    (void)state;
    const char *parts[] = {"[Content_Types].xml", DECL "<Types xmlns=\"x\"><Default Extension=\"xml\"/></Types>",
                           "_rels/.rels", DECL "<Relationships>\n</Relationships>\n",
                           "xl/empty.xml", DECL "<sst count=\"0\"/>"};
    write_zip(in_dir("whole.xlsx"), parts, 3, 6);
    assert_true(uf_zip_verify(in_dir("whole.xlsx")));
}

/* What a full TMPDIR makes: a part cut short, or empty, in a sound zip. */
static void cut_parts_fail(void **state)
{
    (void)state;
    const char *cut[] = {"a.xml", DECL "<Types><x/></Types>", "xl/worksheets/sheet1.xml",
                         DECL "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"};
    write_zip(in_dir("cut.xlsx"), cut, 2, 6);
    assert_false(uf_zip_verify(in_dir("cut.xlsx")));
    const char *empty[] = {"a.xml", DECL "<Types/>", "xl/styles.xml", ""};
    write_zip(in_dir("empty.xlsx"), empty, 2, 6);
    assert_false(uf_zip_verify(in_dir("empty.xlsx")));
    const char *other_root[] = {"a.xml", DECL "<Types><Default/></Types><Types>"};
    write_zip(in_dir("other.xlsx"), other_root, 1, 6);
    assert_false(uf_zip_verify(in_dir("other.xlsx")));
}

/* A byte changed in a stored part: the CRC no longer matches. */
static void crc_mismatch_fails(void **state)
{
    (void)state;
    const char *parts[] = {"a.xml", DECL "<Types>abcdefgh</Types>"};
    write_zip(in_dir("crc.xlsx"), parts, 1, 0);
    assert_true(uf_zip_verify(in_dir("crc.xlsx")));
    FILE *fp = fopen(in_dir("crc.xlsx"), "r+b");
    assert_non_null(fp);
    char buf[512];
    size_t n = fread(buf, 1, sizeof buf, fp);
    long at = -1;
    for (size_t i = 0; i + 8 <= n && at < 0; i++)
        if (memcmp(buf + i, "abcdefgh", 8) == 0)
            at = (long)i;
    assert_true(at >= 0);
    fseek(fp, at, SEEK_SET);
    fputc('X', fp);
    assert_int_equal(fclose(fp), 0);
    assert_false(uf_zip_verify(in_dir("crc.xlsx")));
}

static void not_a_zip_fails(void **state)
{
    (void)state;
    uf_test_write_text(in_dir("text.xlsx"), "förra rapporten\n");
    assert_false(uf_zip_verify(in_dir("text.xlsx")));
    assert_false(uf_zip_verify(in_dir("finns-inte.xlsx")));
}

static void add_file(uf_manifest *m, const char *name, const char *text)
{
    uf_test_write_text(in_dir(name), text);
    struct stat st;
    assert_int_equal(stat(in_dir(name), &st), 0);
    uf_manifest_add(m, name, &st);
}

static void write_manifest(uf_manifest *m)
{
    FILE *fp = fopen(in_dir(".uppfolj-utdata"), "w");
    assert_non_null(fp);
    assert_true(uf_manifest_write(m, fp));
    assert_int_equal(fclose(fp), 0);
}

/* Read back as written; paths that could lead out of the folder, or
 * break the line format, are never recorded. */
static void manifest_round_trip(void **state)
{
    (void)state;
    mkdir(in_dir("enheter"), 0777);
    uf_manifest m = {0};
    add_file(&m, "b.csv", "b");
    add_file(&m, "enheter/a.pdf", "a");
    struct stat st = {0};
    uf_manifest_add(&m, "../utanför.pdf", &st);
    uf_manifest_add(&m, "enheter/../../x", &st);
    uf_manifest_add(&m, "/etc/passwd", &st);
    uf_manifest_add(&m, "rad\nbrytning", &st);
    assert_int_equal(m.count, 2);
    write_manifest(&m);
    uf_manifest back;
    uf_manifest_read(&back, dir);
    assert_int_equal(back.count, 2);
    assert_string_equal(back.entries[0].path, "b.csv");
    assert_string_equal(back.entries[1].path, "enheter/a.pdf");
    assert_int_equal(back.entries[1].mtime_nsec, m.entries[1].mtime_nsec);
    uf_manifest_free(&m);
    uf_manifest_free(&back);
}

/* Listed before and not now: removed if unchanged, kept if someone changed
 * it since; what this run wrote, and files never listed, stay. */
static void stale_files_removed(void **state)
{
    (void)state;
    mkdir(in_dir("enheter"), 0777);
    uf_manifest old = {0}, now = {0};
    add_file(&old, "enheter/gammal.pdf", "gammal");
    add_file(&old, "enheter/andrad.pdf", "x");
    add_file(&old, "enheter/kvar.pdf", "kvar");
    add_file(&now, "enheter/kvar.pdf", "kvar");
    uf_test_write_text(in_dir("enheter/andrad.pdf"), "ändrad av någon"); /* another size */
    uf_test_write_text(in_dir("egen.txt"), "egen");
    uf_manifest_remove_stale(&old, &now, dir);
    assert_int_equal(access(in_dir("enheter/gammal.pdf"), F_OK), -1);
    assert_int_equal(access(in_dir("enheter/andrad.pdf"), F_OK), 0);
    assert_int_equal(access(in_dir("enheter/kvar.pdf"), F_OK), 0);
    assert_int_equal(access(in_dir("egen.txt"), F_OK), 0);
    uf_manifest_free(&old);
    uf_manifest_free(&now);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(whole_parts_pass),   cmocka_unit_test(cut_parts_fail),
        cmocka_unit_test(crc_mismatch_fails), cmocka_unit_test(not_a_zip_fails),
        cmocka_unit_test(manifest_round_trip), cmocka_unit_test(stale_files_removed),
    };
    return cmocka_run_group_tests(tests, make_dir, remove_dir);
}
