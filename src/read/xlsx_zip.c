#include "read/xlsx_zip.h"

#include "common/util.h"

#include <minizip/unzip.h>
#include <stdlib.h>
#include <string.h>

/* minizip reads through an I/O table; this one reads a buffer in memory, so
 * that files and fuzz inputs take the same path. */
typedef struct mem_stream {
    const unsigned char *data;
    uint64_t len, pos;
} mem_stream;

typedef struct zip_entry {
    char *name; /* lower-cased: OPC part names match without regard to case */
    unz64_file_pos pos;
} zip_entry;

struct uf_zip {
    mem_stream mem;
    unzFile unz;
    zip_entry *entries;
    size_t nentries;
    uint64_t unpacked_total;
    uint32_t file_id;
    uf_diag_list *diags;
    char *chunk;
};

enum { CHUNK = 64 << 10, MAX_NAME = 1024 };

static voidpf ZCALLBACK mem_open(voidpf opaque, const void *filename, int mode)
{
    (void)filename;
    (void)mode;
    mem_stream *m = opaque;
    m->pos = 0;
    return m;
}

static uLong ZCALLBACK mem_read(voidpf opaque, voidpf stream, void *buf, uLong size)
{
    (void)opaque;
    mem_stream *m = stream;
    uint64_t left = m->len - m->pos;
    uLong n = size < left ? size : (uLong)left;
    memcpy(buf, m->data + m->pos, n);
    m->pos += n;
    return n;
}

static uLong ZCALLBACK mem_write(voidpf opaque, voidpf stream, const void *buf, uLong size)
{
    (void)opaque;
    (void)stream;
    (void)buf;
    (void)size;
    return 0;
}

static ZPOS64_T ZCALLBACK mem_tell(voidpf opaque, voidpf stream)
{
    (void)opaque;
    return ((mem_stream *)stream)->pos;
}

static long ZCALLBACK mem_seek(voidpf opaque, voidpf stream, ZPOS64_T offset, int origin)
{
    (void)opaque;
    mem_stream *m = stream;
    uint64_t base = origin == ZLIB_FILEFUNC_SEEK_SET ? 0 : origin == ZLIB_FILEFUNC_SEEK_CUR ? m->pos : m->len;
    if (offset > m->len || base > m->len - offset)
        return -1;
    m->pos = base + offset;
    return 0;
}

static int ZCALLBACK mem_close(voidpf opaque, voidpf stream)
{
    (void)opaque;
    (void)stream;
    return 0;
}

static int ZCALLBACK mem_error(voidpf opaque, voidpf stream)
{
    (void)opaque;
    (void)stream;
    return 0;
}

static void lower_ascii(char *s)
{
    for (; *s; s++)
        if (*s >= 'A' && *s <= 'Z')
            *s = (char)(*s - 'A' + 'a');
}

static int entry_cmp(const void *a, const void *b)
{
    return strcmp(((const zip_entry *)a)->name, ((const zip_entry *)b)->name);
}

static const zip_entry *find_entry(const uf_zip *zip, const char *name)
{
    char key[MAX_NAME];
    size_t len = strlen(name);
    if (len >= sizeof key)
        return NULL;
    memcpy(key, name, len + 1);
    lower_ascii(key);
    zip_entry probe = {.name = key};
    return bsearch(&probe, zip->entries, zip->nentries, sizeof *zip->entries, entry_cmp);
}

static void reject(uf_zip *zip, uf_msg code, const char *a, const char *b)
{
    uf_diag_add(zip->diags, UF_SEVERITY_ERROR, zip->file_id, 0, 0, code, a, b);
}

/* The central directory, once, into a sorted index: a workbook with many
 * sheets must not cost a directory scan per sheet. Names that appear twice
 * make the archive ambiguous, so it is refused. */
static bool index_entries(uf_zip *zip)
{
    size_t cap = 0;
    char name[MAX_NAME];
    int rc = unzGoToFirstFile(zip->unz);
    while (rc == UNZ_OK) {
        unz_file_info64 fi;
        if (unzGetCurrentFileInfo64(zip->unz, &fi, name, sizeof name, NULL, 0, NULL, 0) != UNZ_OK)
            return false;
        if (fi.size_filename < sizeof name) { /* longer names are no part we read */
            if (zip->nentries >= UF_XLSX_MAX_ENTRIES)
                return false;
            uf_grow(&zip->entries, &cap, zip->nentries + 1, sizeof *zip->entries);
            zip_entry *e = &zip->entries[zip->nentries++];
            e->name = uf_xstrdup(name);
            lower_ascii(e->name);
            if (unzGetFilePos64(zip->unz, &e->pos) != UNZ_OK)
                return false;
        }
        rc = unzGoToNextFile(zip->unz);
    }
    if (rc != UNZ_END_OF_LIST_OF_FILE)
        return false;
    qsort(zip->entries, zip->nentries, sizeof *zip->entries, entry_cmp);
    for (size_t i = 1; i < zip->nentries; i++)
        if (strcmp(zip->entries[i - 1].name, zip->entries[i].name) == 0)
            return false;
    return true;
}

uf_zip *uf_zip_open(const void *data, size_t len, uint32_t file_id, uf_diag_list *diags, bool *rejected)
{
    *rejected = false;
    uf_zip *zip = uf_xcalloc(1, sizeof *zip);
    zip->mem = (mem_stream){data, len, 0};
    zip->file_id = file_id;
    zip->diags = diags;
    zlib_filefunc64_def io = {mem_open, mem_read, mem_write, mem_tell, mem_seek, mem_close, mem_error, &zip->mem};
    zip->unz = unzOpen2_64("workbook", &io);
    if (!zip->unz)
        goto fail;
    if (!index_entries(zip)) {
        reject(zip, UF_MSG_XLSX_BAD_STRUCTURE, uf_msg_text(UF_MSG_XLSX_WHY_ENTRIES), "zip");
        *rejected = true;
        goto fail;
    }
    zip->chunk = uf_xmalloc(CHUNK);
    return zip;
fail:
    uf_zip_close(zip);
    return NULL;
}

void uf_zip_close(uf_zip *zip)
{
    if (!zip)
        return;
    if (zip->unz)
        unzClose(zip->unz);
    for (size_t i = 0; i < zip->nentries; i++)
        free(zip->entries[i].name);
    free(zip->entries);
    free(zip->chunk);
    free(zip);
}

bool uf_zip_has(const uf_zip *zip, const char *name) { return find_entry(zip, name) != NULL; }

static uf_zip_status damaged(uf_zip *zip, const char *name, uf_msg why)
{
    reject(zip, UF_MSG_XLSX_PART_DAMAGED, name, uf_msg_text(why));
    return UF_ZIP_REJECTED;
}

/* The limits, on the bytes unpacked so far. The packed size is the header's,
 * capped by the archive's own size; minizip never reads more than it. The
 * whole archive is held to the same ratio, so that parts sharing their packed
 * bytes (overlapping entries) cannot multiply the work. */
static uf_zip_status over_limits(uf_zip *zip, const char *name, uint64_t unpacked, uint64_t packed)
{
    char a[UF_NUMBUF];
    if (unpacked > UF_XLSX_MAX_PART) {
        reject(zip, UF_MSG_XLSX_TOO_BIG, name, uf_fmt_count(a, (long long)(UF_XLSX_MAX_PART >> 20)));
        return UF_ZIP_REJECTED;
    }
    if (packed > zip->mem.len)
        packed = zip->mem.len;
    bool part_bomb = unpacked > UF_XLSX_RATIO_GRACE && unpacked / UF_XLSX_MAX_RATIO > packed;
    bool archive_bomb = zip->unpacked_total > UF_XLSX_RATIO_GRACE &&
                        (zip->unpacked_total - UF_XLSX_RATIO_GRACE) / UF_XLSX_MAX_RATIO > zip->mem.len;
    if (part_bomb || archive_bomb) {
        reject(zip, UF_MSG_XLSX_RATIO, name, uf_fmt_count(a, UF_XLSX_MAX_RATIO));
        return UF_ZIP_REJECTED;
    }
    return UF_ZIP_OK;
}

static uf_zip_status stream_current(uf_zip *zip, const char *name, uint64_t packed, uf_zip_sink sink, void *user)
{
    uint64_t unpacked = 0;
    for (;;) {
        int n = unzReadCurrentFile(zip->unz, zip->chunk, CHUNK);
        if (n == 0)
            break;
        if (n == Z_MEM_ERROR)
            uf_out_of_memory();
        if (n < 0)
            return damaged(zip, name, UF_MSG_XLSX_WHY_DATA);
        unpacked += (uint64_t)n;
        zip->unpacked_total += (uint64_t)n;
        uf_zip_status st = over_limits(zip, name, unpacked, packed);
        if (st != UF_ZIP_OK)
            return st;
        if (!sink(user, zip->chunk, (size_t)n))
            return UF_ZIP_STOPPED;
    }
    return UF_ZIP_OK;
}

uf_zip_status uf_zip_read(uf_zip *zip, const char *name, uf_zip_sink sink, void *user)
{
    const zip_entry *e = find_entry(zip, name);
    if (!e)
        return UF_ZIP_MISSING;
    unz_file_info64 fi;
    if (unzGoToFilePos64(zip->unz, &e->pos) != UNZ_OK ||
        unzGetCurrentFileInfo64(zip->unz, &fi, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK)
        return damaged(zip, name, UF_MSG_XLSX_WHY_DATA);
    if (fi.flag & 1) {
        reject(zip, UF_MSG_XLSX_ENCRYPTED, name, NULL);
        return UF_ZIP_REJECTED;
    }
    if (fi.compression_method != 0 && fi.compression_method != Z_DEFLATED)
        return damaged(zip, name, UF_MSG_XLSX_WHY_METHOD);
    /* The header's size is only a first check; the bytes are counted too. */
    if (fi.uncompressed_size > UF_XLSX_MAX_PART)
        return over_limits(zip, name, fi.uncompressed_size, fi.compressed_size);
    if (unzOpenCurrentFile(zip->unz) != UNZ_OK)
        return damaged(zip, name, UF_MSG_XLSX_WHY_DATA);
    uf_zip_status st = stream_current(zip, name, fi.compressed_size, sink, user);
    int rc = unzCloseCurrentFile(zip->unz); /* checks the CRC of a part read to its end */
    if (st == UF_ZIP_OK && rc == UNZ_CRCERROR)
        return damaged(zip, name, UF_MSG_XLSX_WHY_CRC);
    if (st == UF_ZIP_OK && rc != UNZ_OK)
        return damaged(zip, name, UF_MSG_XLSX_WHY_DATA);
    return st;
}
