#include "read/xlsx.h"

#include "common/util.h"
#include "read/xlsx_cell.h"
#include "read/xlsx_zip.h"

#include <expat.h>
#include <stdlib.h>
#include <string.h>

/* ---- one XML part through expat ----
 *
 * Elements and attributes are matched by their local name, after any
 * prefix, so that prefixes and the Strict variant's namespaces read alike.
 * (expat's namespace processing would only make every name longer to scan.) Each
 * kind of part classifies elements by their parent into small kinds and
 * keeps a stack of them; character data is collected only while a handler
 * asks for it. */

#define NS_SEP ':'
enum { K_OTHER = 0, K_ROOT = 1, MAX_DEPTH = 64 };

typedef struct xml_part xml_part;
typedef struct part_kind {
    int (*classify)(int parent, const char *local);
    void (*start)(xml_part *p, int kind, const char **atts);
    void (*end)(xml_part *p, int kind);
} part_kind;

typedef struct xlsx_reader xlsx_reader;

struct xml_part {
    XML_Parser parser;
    const part_kind *kind;
    xlsx_reader *r;
    void *state;
    const char *name;
    int depth;
    uint8_t stack[MAX_DEPTH];
    bool collect;
    uf_strbuf text;
    bool failed;  /* a handler reported a problem and stopped the parser */
    bool stopped; /* the record callback asked to stop */
    bool dtd;
};

struct xlsx_reader {
    uf_zip *zip;
    uint32_t file_id;
    uf_diag_list *diags;
    uf_xlsx_sheet_fn begin_sheet;
    uf_csv_record_fn fn;
    void *user;
    uf_xlsx_info *info;
    xlsx_strings strings;
    uint8_t *xf_percent; /* per cell format (cellXfs): a percentage? */
    size_t nxf;
};

/* Names are short ("c", "row", "x:sheetData"): one pass by hand costs less
 * than strrchr's call for every element of a sheet. */
static const char *local_name(const char *name)
{
    const char *local = name;
    for (const char *p = name; *p; p++)
        if (*p == NS_SEP)
            local = p + 1;
    return local;
}

/* Whether a local name is word: the first byte decides most elements of a
 * sheet without a call. */
static bool named(const char *local, const char *word)
{
    return local[0] == word[0] && strcmp(local + 1, word + 1) == 0;
}

/* An attribute by local name; namespaced says whether it must have a
 * prefix (r:id) or must not (r, t, s). */
static const char *attr(const char **atts, const char *local, bool namespaced)
{
    for (; atts[0]; atts += 2) {
        const char *sep = strrchr(atts[0], NS_SEP);
        if ((sep != NULL) == namespaced && strcmp(sep ? sep + 1 : atts[0], local) == 0)
            return atts[1];
    }
    return NULL;
}

static void XMLCALL on_start(void *user, const XML_Char *name, const XML_Char **atts)
{
    xml_part *p = user;
    if (p->failed || p->stopped)
        return; /* expat may still call a handler or two after a stop */
    int parent = p->depth == 0 ? K_OTHER : p->depth <= MAX_DEPTH ? p->stack[p->depth - 1] : K_OTHER;
    int kind = p->depth == 0 ? K_ROOT : parent == K_OTHER ? K_OTHER : p->kind->classify(parent, local_name(name));
    if (p->depth < MAX_DEPTH)
        p->stack[p->depth] = (uint8_t)kind;
    p->depth++;
    if (kind != K_OTHER && p->kind->start)
        p->kind->start(p, kind, atts);
}

static void XMLCALL on_end(void *user, const XML_Char *name)
{
    (void)name;
    xml_part *p = user;
    if (p->failed || p->stopped)
        return;
    p->depth--;
    int kind = p->depth < MAX_DEPTH ? p->stack[p->depth] : K_OTHER;
    if (kind != K_OTHER && p->kind->end)
        p->kind->end(p, kind);
}

static void XMLCALL on_text(void *user, const XML_Char *s, int len)
{
    xml_part *p = user;
    if (p->collect)
        uf_strbuf_append(&p->text, s, (size_t)len);
}

/* Excel never writes a DTD; one is refused before any entity is declared,
 * which closes the door on entity expansion (billion laughs) and on external
 * entities (expat fetches none by itself anyway). */
static void XMLCALL on_doctype(void *user, const XML_Char *name, const XML_Char *sysid, const XML_Char *pubid,
                               int internal)
{
    (void)name;
    (void)sysid;
    (void)pubid;
    (void)internal;
    xml_part *p = user;
    p->dtd = true;
    XML_StopParser(p->parser, XML_FALSE);
}

static void XMLCALL on_entity(void *user, const XML_Char *name, int is_param, const XML_Char *value, int value_len,
                              const XML_Char *base, const XML_Char *sysid, const XML_Char *pubid,
                              const XML_Char *notation)
{
    (void)name, (void)is_param, (void)value, (void)value_len, (void)base, (void)sysid, (void)pubid, (void)notation;
    xml_part *p = user;
    p->dtd = true;
    XML_StopParser(p->parser, XML_FALSE);
}

static void report_xml_error(xml_part *p)
{
    xlsx_reader *r = p->r;
    if (p->dtd) {
        uf_diag_add(r->diags, UF_SEVERITY_ERROR, r->file_id, 0, 0, UF_MSG_XLSX_DTD, p->name);
        return;
    }
    enum XML_Error code = XML_GetErrorCode(p->parser);
    if (code == XML_ERROR_NO_MEMORY)
        uf_out_of_memory();
    char line[UF_NUMBUF];
    uf_diag_add(r->diags, UF_SEVERITY_ERROR, r->file_id, 0, 0, UF_MSG_XLSX_XML, p->name, XML_ErrorString(code),
                uf_fmt_count(line, (long long)XML_GetCurrentLineNumber(p->parser)));
}

/* Reports a structural problem of the part and stops its parser. */
static void part_fail(xml_part *p, uf_msg why, const char *a, const char *b)
{
    char *text = uf_msg_format(why, a, b);
    if (!text)
        uf_out_of_memory();
    uf_diag_add(p->r->diags, UF_SEVERITY_ERROR, p->r->file_id, 0, 0, UF_MSG_XLSX_BAD_STRUCTURE, text, p->name);
    free(text);
    p->failed = true;
    XML_StopParser(p->parser, XML_FALSE);
}

static bool feed(void *user, const char *data, size_t len)
{
    xml_part *p = user;
    if (XML_Parse(p->parser, data, (int)len, XML_FALSE) == XML_STATUS_OK)
        return true;
    if (!p->failed && !p->stopped)
        report_xml_error(p);
    return false;
}

static const XML_Memory_Handling_Suite xml_memory = {uf_xmalloc, uf_xrealloc, free};

/* Streams one part through its handlers. A missing part is reported only
 * when required. */
static uf_zip_status parse_part(xlsx_reader *r, const char *name, const part_kind *kind, void *state, bool required)
{
    if (!uf_zip_has(r->zip, name)) {
        if (required)
            uf_diag_add(r->diags, UF_SEVERITY_ERROR, r->file_id, 0, 0, UF_MSG_XLSX_PART_MISSING, name);
        return required ? UF_ZIP_REJECTED : UF_ZIP_MISSING;
    }
    xml_part p = {.kind = kind, .r = r, .state = state, .name = name};
    p.parser = XML_ParserCreate_MM(NULL, &xml_memory, NULL);
    if (!p.parser)
        uf_out_of_memory();
    XML_SetUserData(p.parser, &p);
    XML_SetElementHandler(p.parser, on_start, on_end);
    XML_SetCharacterDataHandler(p.parser, on_text);
    XML_SetStartDoctypeDeclHandler(p.parser, on_doctype);
    XML_SetEntityDeclHandler(p.parser, on_entity);
    XML_SetParamEntityParsing(p.parser, XML_PARAM_ENTITY_PARSING_NEVER);
    uf_zip_status st = uf_zip_read(r->zip, name, feed, &p);
    if (st == UF_ZIP_OK && XML_Parse(p.parser, "", 0, XML_TRUE) != XML_STATUS_OK) {
        if (!p.failed && !p.stopped)
            report_xml_error(&p);
        st = p.stopped ? UF_ZIP_STOPPED : UF_ZIP_REJECTED;
    } else if (st == UF_ZIP_STOPPED) {
        st = p.stopped ? UF_ZIP_STOPPED : UF_ZIP_REJECTED;
    }
    XML_ParserFree(p.parser);
    uf_strbuf_free(&p.text);
    return st;
}

/* ---- package parts: [Content_Types].xml, relationships ---- */

enum { K_TYPE_DEFAULT = 2, K_TYPE_OVERRIDE };

typedef struct content_types {
    const char *part;      /* "/xl/workbook.xml" */
    const char *extension; /* "xml" */
    char *override_type, *default_type;
} content_types;

static int types_classify(int parent, const char *local)
{
    if (parent != K_ROOT)
        return K_OTHER;
    return strcmp(local, "Default") == 0 ? K_TYPE_DEFAULT : strcmp(local, "Override") == 0 ? K_TYPE_OVERRIDE : K_OTHER;
}

static bool ascii_equal_nocase(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a >= 'A' && *a <= 'Z' ? (char)(*a - 'A' + 'a') : *a;
        char y = *b >= 'A' && *b <= 'Z' ? (char)(*b - 'A' + 'a') : *b;
        if (x != y)
            return false;
    }
    return *a == *b;
}

static void replace(char **slot, const char *value)
{
    free(*slot);
    *slot = uf_xstrdup(value);
}

static void types_start(xml_part *p, int kind, const char **atts)
{
    content_types *ct = p->state;
    const char *type = attr(atts, "ContentType", false);
    if (!type)
        return;
    const char *key = attr(atts, kind == K_TYPE_DEFAULT ? "Extension" : "PartName", false);
    if (key && kind == K_TYPE_DEFAULT && ascii_equal_nocase(key, ct->extension))
        replace(&ct->default_type, type);
    else if (key && kind == K_TYPE_OVERRIDE && ascii_equal_nocase(key, ct->part))
        replace(&ct->override_type, type);
}

static const part_kind types_kind = {types_classify, types_start, NULL};

enum { K_REL = 2 };

typedef struct rel {
    char *id, *type, *target;
    bool external;
} rel;

typedef struct rels {
    rel *items;
    size_t count, cap;
} rels;

static int rels_classify(int parent, const char *local)
{
    return parent == K_ROOT && strcmp(local, "Relationship") == 0 ? K_REL : K_OTHER;
}

static void rels_start(xml_part *p, int kind, const char **atts)
{
    (void)kind;
    rels *rs = p->state;
    const char *id = attr(atts, "Id", false), *type = attr(atts, "Type", false), *target = attr(atts, "Target", false);
    const char *mode = attr(atts, "TargetMode", false);
    if (!id || !type || !target)
        return;
    if (rs->count >= UF_XLSX_MAX_ENTRIES) {
        part_fail(p, UF_MSG_XLSX_WHY_ENTRIES, NULL, NULL);
        return;
    }
    uf_grow(&rs->items, &rs->cap, rs->count + 1, sizeof(rel));
    rs->items[rs->count++] = (rel){uf_xstrdup(id), uf_xstrdup(type), uf_xstrdup(target),
                                   mode && strcmp(mode, "External") == 0};
}

static const part_kind rels_kind = {rels_classify, rels_start, NULL};

static void rels_free(rels *rs)
{
    for (size_t i = 0; i < rs->count; i++) {
        free(rs->items[i].id);
        free(rs->items[i].type);
        free(rs->items[i].target);
    }
    free(rs->items);
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Relationship types differ between Transitional and Strict only before
 * the last '/'. */
static const rel *rel_by_type(const rels *rs, const char *suffix)
{
    for (size_t i = 0; i < rs->count; i++)
        if (!rs->items[i].external && ends_with(rs->items[i].type, suffix))
            return &rs->items[i];
    return NULL;
}

static const rel *rel_by_id(const rels *rs, const char *id)
{
    for (size_t i = 0; i < rs->count; i++)
        if (strcmp(rs->items[i].id, id) == 0)
            return &rs->items[i];
    return NULL;
}

static int hex_value(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* A relationship's target as a part name in the zip: relative to the folder
 * of the part that holds it, or absolute with a leading '/'; "%20" decoded,
 * "." and ".." resolved. NULL when it climbs out of the package. */
static char *resolve_target(const char *folder, const char *target)
{
    uf_strbuf raw = {0};
    if (target[0] != '/')
        uf_strbuf_puts(&raw, folder);
    for (const char *t = target; *t; t++) {
        if (*t == '%' && hex_value(t[1]) >= 0 && hex_value(t[2]) >= 0) {
            uf_strbuf_putc(&raw, (char)(hex_value(t[1]) * 16 + hex_value(t[2])));
            t += 2;
        } else {
            uf_strbuf_putc(&raw, *t);
        }
    }
    char *path = uf_strbuf_take(&raw);
    uf_strbuf out = {0};
    size_t *starts = NULL, nstarts = 0, cap = 0;
    bool ok = true;
    for (char *seg = path; ok && *seg;) {
        char *slash = strchr(seg, '/');
        size_t len = slash ? (size_t)(slash - seg) : strlen(seg);
        if (len == 2 && seg[0] == '.' && seg[1] == '.') {
            ok = nstarts > 0;
            if (ok)
                out.len = starts[--nstarts];
        } else if (len > 0 && !(len == 1 && seg[0] == '.')) {
            uf_grow(&starts, &cap, nstarts + 1, sizeof *starts);
            starts[nstarts++] = out.len;
            if (out.len)
                uf_strbuf_putc(&out, '/');
            uf_strbuf_append(&out, seg, len);
        }
        seg += len + (slash != NULL);
    }
    free(starts);
    free(path);
    if (!ok || out.len == 0) {
        uf_strbuf_free(&out);
        return NULL;
    }
    return uf_strbuf_take(&out);
}

/* "xl/workbook.xml" -> "xl/" (with the slash), "" at the top. */
static char *folder_of(const char *part)
{
    const char *slash = strrchr(part, '/');
    return uf_xstrndup(part, slash ? (size_t)(slash - part) + 1 : 0);
}

/* "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels" */
static char *rels_name_of(const char *part)
{
    const char *slash = strrchr(part, '/');
    size_t dir = slash ? (size_t)(slash - part) + 1 : 0;
    uf_strbuf sb = {0};
    uf_strbuf_append(&sb, part, dir);
    uf_strbuf_puts(&sb, "_rels/");
    uf_strbuf_puts(&sb, part + dir);
    uf_strbuf_puts(&sb, ".rels");
    return uf_strbuf_take(&sb);
}

/* ---- xl/workbook.xml: the sheets in tab order ---- */

enum { K_SHEETS = 2, K_SHEET };

typedef struct sheet_entry {
    char *name, *rid, *part;
    bool hidden, worksheet;
} sheet_entry;

typedef struct sheet_list {
    sheet_entry *items;
    size_t count, cap;
} sheet_list;

static int workbook_classify(int parent, const char *local)
{
    if (parent == K_ROOT && strcmp(local, "sheets") == 0)
        return K_SHEETS;
    if (parent == K_SHEETS && strcmp(local, "sheet") == 0)
        return K_SHEET;
    return K_OTHER;
}

static void workbook_start(xml_part *p, int kind, const char **atts)
{
    if (kind != K_SHEET)
        return;
    sheet_list *sl = p->state;
    const char *name = attr(atts, "name", false), *rid = attr(atts, "id", true);
    const char *state = attr(atts, "state", false);
    if (!name || !rid) {
        part_fail(p, UF_MSG_XLSX_WHY_SHEET_REF, name ? name : "?", NULL);
        return;
    }
    if (sl->count >= UF_XLSX_MAX_ENTRIES) {
        part_fail(p, UF_MSG_XLSX_WHY_ENTRIES, NULL, NULL);
        return;
    }
    char shown[UF_EXCERPT];
    uf_grow(&sl->items, &sl->cap, sl->count + 1, sizeof(sheet_entry));
    sl->items[sl->count++] = (sheet_entry){uf_xstrdup(uf_excerpt(shown, name, strlen(name))), uf_xstrdup(rid), NULL,
                                           state && strcmp(state, "visible") != 0, false};
}

static const part_kind workbook_kind = {workbook_classify, workbook_start, NULL};

static void sheets_free(sheet_list *sl)
{
    for (size_t i = 0; i < sl->count; i++) {
        free(sl->items[i].name);
        free(sl->items[i].rid);
        free(sl->items[i].part);
    }
    free(sl->items);
}

/* ---- xl/sharedStrings.xml ---- */

enum { K_SI = 2, K_SI_T, K_SI_R };

static int strings_classify(int parent, const char *local)
{
    if (parent == K_ROOT)
        return strcmp(local, "si") == 0 ? K_SI : K_OTHER;
    if (parent == K_SI && strcmp(local, "r") == 0)
        return K_SI_R;
    /* Phonetic runs (rPh) hold readings, not the text. */
    if ((parent == K_SI || parent == K_SI_R) && strcmp(local, "t") == 0)
        return K_SI_T;
    return K_OTHER;
}

static void strings_start(xml_part *p, int kind, const char **atts)
{
    (void)atts;
    if (kind == K_SI)
        p->text.len = 0;
    else if (kind == K_SI_T)
        p->collect = true;
}

static void strings_end(xml_part *p, int kind)
{
    if (kind == K_SI_T) {
        p->collect = false;
    } else if (kind == K_SI) {
        xlsx_strings_add(p->state, p->text.data ? p->text.data : "", p->text.len);
        p->text.len = 0;
    }
}

static const part_kind strings_kind = {strings_classify, strings_start, strings_end};

/* ---- xl/styles.xml: which cell formats show a percentage ---- */

enum { K_NUMFMTS = 2, K_NUMFMT, K_CELLXFS, K_XF };

typedef struct styles {
    xlsx_formats formats;
    uint32_t *xf_fmt;
    size_t nxf, cap;
} styles;

static int styles_classify(int parent, const char *local)
{
    if (parent == K_ROOT)
        return strcmp(local, "numFmts") == 0 ? K_NUMFMTS : strcmp(local, "cellXfs") == 0 ? K_CELLXFS : K_OTHER;
    if (parent == K_NUMFMTS && strcmp(local, "numFmt") == 0)
        return K_NUMFMT;
    if (parent == K_CELLXFS && strcmp(local, "xf") == 0)
        return K_XF;
    return K_OTHER;
}

static bool parse_uint(const char *s, uint32_t max, uint32_t *out)
{
    if (!s || !*s)
        return false;
    uint64_t v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return false;
        v = v * 10 + (uint64_t)(*s - '0');
        if (v > max)
            return false;
    }
    *out = (uint32_t)v;
    return true;
}

static void styles_start(xml_part *p, int kind, const char **atts)
{
    styles *st = p->state;
    uint32_t id = UINT32_MAX;
    if (kind == K_NUMFMT && parse_uint(attr(atts, "numFmtId", false), UINT32_MAX - 1, &id)) {
        const char *code = attr(atts, "formatCode", false);
        xlsx_formats_add(&st->formats, id, code ? code : "");
    } else if (kind == K_XF) {
        if (!parse_uint(attr(atts, "numFmtId", false), UINT32_MAX - 1, &id))
            id = 0;
        uf_grow(&st->xf_fmt, &st->cap, st->nxf + 1, sizeof *st->xf_fmt);
        st->xf_fmt[st->nxf++] = id;
    }
}

static const part_kind styles_kind = {styles_classify, styles_start, NULL};

/* ---- a worksheet ---- */

enum { K_SHEETDATA = 2, K_ROW, K_C, K_V, K_F, K_IS, K_IS_R, K_IS_T };

static int sheet_classify(int parent, const char *local)
{
    switch (parent) {
    case K_ROOT:
        return named(local, "sheetData") ? K_SHEETDATA : K_OTHER;
    case K_SHEETDATA:
        return named(local, "row") ? K_ROW : K_OTHER;
    case K_ROW:
        return local[0] == 'c' && !local[1] ? K_C : K_OTHER;
    case K_C:
        if (local[0] && !local[1])
            return local[0] == 'v' ? K_V : local[0] == 'f' ? K_F : K_OTHER;
        return named(local, "is") ? K_IS : K_OTHER;
    case K_IS:
        return local[0] == 't' && !local[1] ? K_IS_T : local[0] == 'r' && !local[1] ? K_IS_R : K_OTHER;
    case K_IS_R:
        return local[0] == 't' && !local[1] ? K_IS_T : K_OTHER;
    default:
        return K_OTHER;
    }
}

typedef struct sheet_state {
    xlsx_reader *r;
    const char *sheet;
    xlsx_row row;
    long row_number; /* the current row's, 0 before the first */
    int col;         /* the last cell's column in this row (from 0), -1 before */
    /* the current cell */
    int cell_col;
    xlsx_cell_type type;
    bool percent, has_v, has_f;
} sheet_state;

static void fail_ref(xml_part *p, const char *ref)
{
    char shown[UF_EXCERPT];
    part_fail(p, UF_MSG_XLSX_WHY_CELL_REF, uf_excerpt(shown, ref, strlen(ref)), NULL);
}

static void row_start(xml_part *p, sheet_state *s, const char **atts)
{
    const char *r = attr(atts, "r", false);
    uint32_t n;
    if (!r) {
        n = (uint32_t)s->row_number + 1;
    } else if (!parse_uint(r, UF_XLSX_MAX_ROWS, &n) || n == 0) {
        fail_ref(p, r);
        return;
    }
    if ((long)n <= s->row_number || n > UF_XLSX_MAX_ROWS) {
        char a[UF_NUMBUF], b[UF_NUMBUF];
        if (n > UF_XLSX_MAX_ROWS)
            fail_ref(p, uf_fmt_count(a, n));
        else
            part_fail(p, UF_MSG_XLSX_WHY_ROW_ORDER, uf_fmt_count(a, n), uf_fmt_count(b, s->row_number));
        return;
    }
    s->row_number = n;
    s->col = -1;
}

static void cell_start(xml_part *p, sheet_state *s, const char **atts)
{
    /* One pass over the attributes: this runs for every cell. */
    const char *r = NULL, *t = NULL, *style = NULL;
    for (; atts[0]; atts += 2) {
        if (atts[0][0] && !atts[0][1]) {
            if (atts[0][0] == 'r')
                r = atts[1];
            else if (atts[0][0] == 't')
                t = atts[1];
            else if (atts[0][0] == 's')
                style = atts[1];
        }
    }
    int col = s->col + 1;
    if (r && !xlsx_parse_ref(r, &col)) {
        fail_ref(p, r);
        return;
    }
    if (col >= UF_XLSX_MAX_COLS) {
        fail_ref(p, r ? r : "XFE");
        return;
    }
    if (col <= s->col) {
        char shown[UF_EXCERPT];
        part_fail(p, UF_MSG_XLSX_WHY_CELL_ORDER, uf_excerpt(shown, r, strlen(r)), NULL);
        return;
    }
    s->col = s->cell_col = col;
    s->type = xlsx_cell_type_of(t);
    uint32_t xf;
    s->percent = parse_uint(style, UINT32_MAX - 1, &xf) && xf < s->r->nxf && s->r->xf_percent[xf];
    s->has_v = s->has_f = false;
    p->text.len = 0;
}

static void cell_end(xml_part *p, sheet_state *s)
{
    /* An empty <v/> caches nothing, except the empty text of a formula
     * whose result is text (=IF(A1="";"";...)). */
    bool cached = (s->has_v && (p->text.len > 0 || s->type == XLSX_STR)) || s->type == XLSX_INLINE;
    xlsx_value v = {.type = s->type, .percent = s->percent, .has_value = cached, .formula = s->has_f,
                    .text = p->text.data ? p->text.data : "", .len = p->text.len};
    if (!xlsx_row_put(&s->row, s->cell_col, &v, &s->r->strings)) {
        char ref[UF_XLSX_REF], shown[UF_EXCERPT];
        uf_xlsx_cell_ref(ref, s->sheet, s->row_number, s->cell_col + 1);
        part_fail(p, UF_MSG_XLSX_WHY_SHARED_STRING, ref, uf_excerpt(shown, v.text, v.len));
    }
}

static void row_end(xml_part *p, sheet_state *s)
{
    if (!xlsx_row_deliver(&s->row, s->row_number, s->sheet, s->r->fn, s->r->user, &s->r->info->records)) {
        p->stopped = true;
        XML_StopParser(p->parser, XML_FALSE);
    }
}

static void sheet_start(xml_part *p, int kind, const char **atts)
{
    sheet_state *s = p->state;
    switch (kind) {
    case K_ROW:
        row_start(p, s, atts);
        break;
    case K_C:
        cell_start(p, s, atts);
        break;
    case K_V:
        s->has_v = true;
        p->collect = s->type != XLSX_INLINE;
        break;
    case K_F:
        s->has_f = true;
        break;
    case K_IS_T:
        p->collect = s->type == XLSX_INLINE;
        break;
    default:
        break;
    }
}

static void sheet_end(xml_part *p, int kind)
{
    sheet_state *s = p->state;
    switch (kind) {
    case K_V:
    case K_IS_T:
        p->collect = false;
        break;
    case K_C:
        cell_end(p, s);
        break;
    case K_ROW:
        row_end(p, s);
        break;
    default:
        break;
    }
}

static const part_kind sheet_kind = {sheet_classify, sheet_start, sheet_end};

/* ---- the workbook as a whole ---- */

static const char *const workbook_types[] = {
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "application/vnd.ms-excel.template.macroEnabled.main+xml",
};

static uf_error reject(xlsx_reader *r, uf_msg code, const char *a)
{
    uf_diag_add(r->diags, UF_SEVERITY_ERROR, r->file_id, 0, 0, code, a);
    return UF_ERROR_FILE_REJECTED;
}

/* An OpenDocument file is a zip too; its first part says what it is. */
static bool mimetype_sink(void *user, const char *data, size_t len)
{
    uf_strbuf *sb = user;
    uf_strbuf_append(sb, data, len);
    return sb->len < 256;
}

static uf_error check_not_opendocument(xlsx_reader *r)
{
    uf_strbuf sb = {0};
    uf_zip_status st = uf_zip_read(r->zip, "mimetype", mimetype_sink, &sb);
    bool ods = sb.len >= 46 && memcmp(sb.data, "application/vnd.oasis.opendocument.spreadsheet", 46) == 0;
    bool odf = sb.len >= 35 && memcmp(sb.data, "application/vnd.oasis.opendocument", 35) == 0;
    uf_strbuf_free(&sb);
    if (st == UF_ZIP_REJECTED)
        return UF_ERROR_FILE_REJECTED;
    if (ods)
        return reject(r, UF_MSG_XLSX_ODS, NULL);
    if (odf)
        return reject(r, UF_MSG_XLSX_NOT_WORKBOOK, NULL);
    return UF_OK;
}

static uf_error status_error(uf_zip_status st) { return st == UF_ZIP_OK || st == UF_ZIP_STOPPED ? UF_OK : UF_ERROR_FILE_REJECTED; }

/* The main part (normally xl/workbook.xml), from the package relationships,
 * checked against its content type. */
static uf_error find_workbook(xlsx_reader *r, char **part)
{
    *part = NULL;
    if (!uf_zip_has(r->zip, "[Content_Types].xml"))
        return reject(r, UF_MSG_XLSX_NOT_WORKBOOK, NULL);
    rels top = {0};
    uf_error err = status_error(parse_part(r, "_rels/.rels", &rels_kind, &top, true));
    const rel *main = err == UF_OK ? rel_by_type(&top, "/officeDocument") : NULL;
    if (err == UF_OK && (!main || !(*part = resolve_target("", main->target))))
        err = reject(r, UF_MSG_XLSX_PART_MISSING, "xl/workbook.xml");
    rels_free(&top);
    if (err != UF_OK)
        return err;
    char *slash_name = uf_path_join("", *part); /* "/xl/workbook.xml" */
    const char *dot = strrchr(*part, '.');
    content_types ct = {.part = slash_name, .extension = dot && !strchr(dot, '/') ? dot + 1 : ""};
    err = status_error(parse_part(r, "[Content_Types].xml", &types_kind, &ct, true));
    const char *type = ct.override_type ? ct.override_type : ct.default_type ? ct.default_type : "";
    bool ok = false;
    for (size_t i = 0; i < sizeof workbook_types / sizeof *workbook_types; i++)
        ok = ok || ascii_equal_nocase(type, workbook_types[i]);
    if (err == UF_OK && !ok) {
        char shown[UF_EXCERPT];
        err = ascii_equal_nocase(type, "application/vnd.ms-excel.sheet.binary.macroEnabled.main")
                  ? reject(r, UF_MSG_XLSX_BINARY, NULL)
                  : reject(r, UF_MSG_XLSX_CONTENT_TYPE, uf_excerpt(shown, type, strlen(type)));
    }
    free(ct.override_type);
    free(ct.default_type);
    free(slash_name);
    return err;
}

static int part_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every worksheet's part, resolved before any row is read, so that a
 * damaged workbook is rejected before it delivers anything. */
static uf_error resolve_sheets(xlsx_reader *r, sheet_list *sl, const rels *wb_rels, const char *folder,
                               const char *wb_part)
{
    char **parts = uf_xcalloc(sl->count + 1, sizeof(char *));
    size_t nparts = 0;
    uf_error err = UF_OK;
    for (size_t i = 0; i < sl->count && err == UF_OK; i++) {
        sheet_entry *e = &sl->items[i];
        const rel *rl = rel_by_id(wb_rels, e->rid);
        if (rl && !ends_with(rl->type, "/worksheet"))
            continue; /* a chart sheet or a dialog sheet holds no table */
        if (rl && !rl->external)
            e->part = resolve_target(folder, rl->target);
        if (!e->part || !uf_zip_has(r->zip, e->part)) {
            char *why = uf_msg_format(UF_MSG_XLSX_WHY_SHEET_REF, e->name);
            uf_diag_add(r->diags, UF_SEVERITY_ERROR, r->file_id, 0, 0, UF_MSG_XLSX_BAD_STRUCTURE, why, wb_part);
            free(why);
            err = UF_ERROR_FILE_REJECTED;
            break;
        }
        e->worksheet = true;
        parts[nparts++] = e->part;
        r->info->sheets++;
    }
    qsort(parts, nparts, sizeof *parts, part_cmp);
    for (size_t i = 1; i < nparts && err == UF_OK; i++) {
        if (ascii_equal_nocase(parts[i - 1], parts[i])) {
            uf_diag_add(r->diags, UF_SEVERITY_ERROR, r->file_id, 0, 0, UF_MSG_XLSX_BAD_STRUCTURE,
                        uf_msg_text(UF_MSG_XLSX_WHY_SHARED_PART), parts[i]);
            err = UF_ERROR_FILE_REJECTED;
        }
    }
    free(parts);
    if (err == UF_OK && r->info->sheets == 0)
        err = reject(r, UF_MSG_XLSX_NO_SHEETS, NULL);
    return err;
}

static uf_error load_styles(xlsx_reader *r, const char *part)
{
    styles st = {0};
    uf_zip_status zs = parse_part(r, part, &styles_kind, &st, false);
    if (zs == UF_ZIP_OK) {
        r->nxf = st.nxf;
        r->xf_percent = uf_xmalloc(st.nxf + 1);
        for (size_t i = 0; i < st.nxf; i++)
            r->xf_percent[i] = xlsx_formats_percent(&st.formats, st.xf_fmt[i]);
    }
    xlsx_formats_free(&st.formats);
    free(st.xf_fmt);
    return zs == UF_ZIP_REJECTED ? UF_ERROR_FILE_REJECTED : UF_OK;
}

static uf_error read_sheets(xlsx_reader *r, const sheet_list *sl)
{
    int index = 0;
    xlsx_row row = {0};
    uf_error err = UF_OK;
    for (size_t i = 0; i < sl->count && err == UF_OK; i++) {
        const sheet_entry *e = &sl->items[i];
        if (!e->worksheet)
            continue;
        uf_xlsx_sheet sheet = {e->name, ++index, e->hidden};
        if (r->begin_sheet && !r->begin_sheet(r->user, &sheet))
            continue;
        r->info->sheets_read++;
        sheet_state s = {.r = r, .sheet = e->name, .row = row};
        uf_zip_status st = parse_part(r, e->part, &sheet_kind, &s, true);
        row = s.row;
        if (st == UF_ZIP_STOPPED)
            break;
        err = status_error(st);
    }
    xlsx_row_free(&row);
    return err;
}

static uf_error read_workbook(xlsx_reader *r)
{
    uf_error err = check_not_opendocument(r);
    char *wb_part = NULL;
    if (err == UF_OK)
        err = find_workbook(r, &wb_part);
    if (err != UF_OK) {
        free(wb_part);
        return err;
    }
    char *folder = folder_of(wb_part), *rels_part = rels_name_of(wb_part);
    rels wb_rels = {0};
    sheet_list sl = {0};
    err = status_error(parse_part(r, rels_part, &rels_kind, &wb_rels, true));
    if (err == UF_OK)
        err = status_error(parse_part(r, wb_part, &workbook_kind, &sl, true));
    if (err == UF_OK)
        err = resolve_sheets(r, &sl, &wb_rels, folder, wb_part);
    const rel *strings = rel_by_type(&wb_rels, "/sharedStrings");
    char *strings_part = strings && err == UF_OK ? resolve_target(folder, strings->target) : NULL;
    if (strings_part)
        err = status_error(parse_part(r, strings_part, &strings_kind, &r->strings, true));
    const rel *style = rel_by_type(&wb_rels, "/styles");
    char *styles_part = style && err == UF_OK ? resolve_target(folder, style->target) : NULL;
    if (styles_part)
        err = load_styles(r, styles_part);
    if (err == UF_OK)
        err = read_sheets(r, &sl);
    free(strings_part);
    free(styles_part);
    sheets_free(&sl);
    rels_free(&wb_rels);
    free(rels_part);
    free(folder);
    free(wb_part);
    return err;
}

uf_error uf_xlsx_read_buffer(const void *data, size_t len, uint32_t file_id, uf_diag_list *diags,
                             uf_xlsx_sheet_fn begin_sheet, uf_csv_record_fn fn, void *user, uf_xlsx_info *info)
{
    uf_xlsx_info local;
    if (!info)
        info = &local;
    *info = (uf_xlsx_info){0};
    xlsx_reader r = {.file_id = file_id, .diags = diags, .begin_sheet = begin_sheet, .fn = fn, .user = user,
                     .info = info};
    static const unsigned char ole2[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    if (len == 0) {
        uf_diag_add(diags, UF_SEVERITY_ERROR, file_id, 0, 0, UF_MSG_FILE_EMPTY);
        return UF_ERROR_FILE_REJECTED;
    }
    if (len >= sizeof ole2 && memcmp(data, ole2, sizeof ole2) == 0)
        return reject(&r, UF_MSG_XLSX_OLE2, NULL);
    bool rejected;
    r.zip = uf_zip_open(data, len, file_id, diags, &rejected);
    if (!r.zip)
        return rejected ? UF_ERROR_FILE_REJECTED : reject(&r, UF_MSG_XLSX_NOT_WORKBOOK, NULL);
    uf_error err = read_workbook(&r);
    uf_zip_close(r.zip);
    xlsx_strings_free(&r.strings);
    free(r.xf_percent);
    return err;
}

uf_error uf_xlsx_read_file(const char *path, uint32_t file_id, uf_diag_list *diags, uf_xlsx_sheet_fn begin_sheet,
                           uf_csv_record_fn fn, void *user, uf_xlsx_info *info)
{
    /* The whole file in memory: a workbook is small beside its unpacked
     * parts, and files and fuzz inputs then take one path through minizip. */
    char *data = NULL;
    size_t len = 0;
    uf_error err = uf_file_slurp(path, file_id, diags, &data, &len);
    if (err == UF_OK)
        err = uf_xlsx_read_buffer(data, len, file_id, diags, begin_sheet, fn, user, info);
    else if (info)
        *info = (uf_xlsx_info){0};
    free(data);
    return err;
}
