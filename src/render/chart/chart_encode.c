#include "render/chart/chart_encode.h"

#include "common/text.h"
#include "render/html/svg_web.h"

#include <cairo-svg.h>
#include <png.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define PNG_ZLIB_LEVEL 3

/* ---- PNG ---- */

static void png_to_file(png_structp png, png_bytep data, png_size_t n)
{
    if (fwrite(data, 1, n, png_get_io_ptr(png)) != n)
        png_error(png, "write");
}

static void png_flush_file(png_structp png) { (void)png; }

/* RGB24 is one native-endian 32-bit word per pixel, 0x00RRGGBB; a PNG row
 * is R, G, B bytes. A plain loop costs a fifth of libpng's filler and
 * BGR transforms. */
static void row_to_rgb(const unsigned char *src, unsigned char *rgb, int w)
{
    const uint32_t *px = (const uint32_t *)(const void *)src;
    for (int x = 0; x < w; x++) {
        uint32_t p = px[x];
        rgb[3 * x] = (unsigned char)(p >> 16);
        rgb[3 * x + 1] = (unsigned char)(p >> 8);
        rgb[3 * x + 2] = (unsigned char)p;
    }
}

/* libpng reports errors by longjmp; the row buffer belongs to the caller,
 * so nothing allocated here can leak through a jump. */
static bool png_encode(png_structp png, png_infop info, cairo_surface_t *image, unsigned char *row, FILE *fp)
{
    if (setjmp(png_jmpbuf(png)))
        return false;
    int w = cairo_image_surface_get_width(image), h = cairo_image_surface_get_height(image);
    int stride = cairo_image_surface_get_stride(image);
    const unsigned char *data = cairo_image_surface_get_data(image);
    png_set_write_fn(png, fp, png_to_file, png_flush_file);
    png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
    png_set_compression_level(png, PNG_ZLIB_LEVEL);
    png_write_info(png, info);
    for (int y = 0; y < h; y++) {
        row_to_rgb(data + (size_t)y * (size_t)stride, row, w);
        png_write_row(png, row);
    }
    png_write_end(png, info);
    return true;
}

uf_error uf_png_write(cairo_surface_t *image, FILE *fp)
{
    cairo_surface_flush(image);
    if (cairo_surface_get_type(image) != CAIRO_SURFACE_TYPE_IMAGE ||
        cairo_image_surface_get_format(image) != CAIRO_FORMAT_RGB24 || !cairo_image_surface_get_data(image))
        return UF_ERROR_CAIRO;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    unsigned char *row = uf_xmalloc((size_t)cairo_image_surface_get_width(image) * 3 + 1);
    uf_error err = !info ? UF_ERROR_MEMORY : png_encode(png, info, image, row, fp) ? UF_OK : UF_ERROR_WRITE;
    png_destroy_write_struct(&png, &info);
    free(row);
    return err;
}

/* ---- SVG ---- */

static cairo_status_t svg_to_buf(void *closure, const unsigned char *data, unsigned int n)
{
    uf_strbuf_append(closure, (const char *)data, n);
    return CAIRO_STATUS_SUCCESS;
}

cairo_surface_t *uf_svg_surface_create(uf_strbuf *buf, double width, double height)
{
    return cairo_svg_surface_create_for_stream(svg_to_buf, buf, width, height);
}

/* "surface" after `"` or `#` and followed by digits: one of cairo's ids. */
static size_t surface_id_at(const char *s, size_t at, size_t len, unsigned long *id)
{
    static const char word[] = "surface";
    size_t w = sizeof word - 1, d = at + w;
    if (at == 0 || (s[at - 1] != '"' && s[at - 1] != '#') || len - at <= w || memcmp(s + at, word, w) != 0)
        return 0;
    *id = 0;
    while (d < len && s[d] >= '0' && s[d] <= '9' && d - at - w < 9)
        *id = *id * 10 + (unsigned long)(s[d++] - '0');
    return d > at + w ? d - at : 0;
}

static unsigned long renumbered(unsigned long **seen, size_t *nseen, size_t *cap, unsigned long id)
{
    for (size_t k = 0; k < *nseen; k++)
        if ((*seen)[k] == id)
            return k + 1;
    uf_grow(seen, cap, *nseen + 1, sizeof **seen);
    (*seen)[(*nseen)++] = id;
    return *nseen;
}

/* Text as XML character data: valid characters only, markup escaped. */
static void put_xml_text(FILE *fp, const char *element, const char *text)
{
    char *valid = uf_text_xml(text ? text : "", NULL);
    fprintf(fp, "<%s>", element);
    uf_web_escape(fp, valid ? valid : text);
    fprintf(fp, "</%s>\n", element);
    free(valid);
}

/* Writes s[from, to), and the title and description where the root
 * element's start tag ends (at root_end) when that falls inside. */
static bool put_span(FILE *fp, const char *s, size_t from, size_t to, size_t root_end, const char *title,
                     const char *desc)
{
    if (root_end <= from || root_end > to)
        return fwrite(s + from, 1, to - from, fp) == to - from;
    if (fwrite(s + from, 1, root_end - from, fp) != root_end - from)
        return false;
    fputc('\n', fp);
    put_xml_text(fp, "title", title);
    put_xml_text(fp, "desc", desc);
    return fwrite(s + root_end, 1, to - root_end, fp) == to - root_end;
}

/* Just past the '>' of the root <svg ...> start tag; 0 when there is none. */
static size_t root_tag_end(const char *s)
{
    const char *root = strstr(s, "<svg");
    const char *end = root ? strchr(root, '>') : NULL;
    return end ? (size_t)(end - s) + 1 : 0;
}

uf_error uf_svg_write(const uf_strbuf *buf, const char *title, const char *desc, FILE *fp)
{
    const char *s = buf->data ? buf->data : "";
    size_t len = buf->len, from = 0, nseen = 0, cap = 0, root_end = root_tag_end(s);
    unsigned long *seen = NULL;
    bool ok = true;
    /* The buffer ends in a NUL (uf_strbuf) and SVG text holds none. */
    for (const char *hit = s; ok && (hit = strstr(hit, "surface")) != NULL; hit++) {
        size_t at = (size_t)(hit - s), n;
        unsigned long id;
        if ((n = surface_id_at(s, at, len, &id)) == 0)
            continue;
        ok = put_span(fp, s, from, at, root_end, title, desc) &&
             fprintf(fp, "surface%lu", renumbered(&seen, &nseen, &cap, id)) > 0;
        from = at + n;
    }
    ok = ok && put_span(fp, s, from, len, root_end, title, desc) && !ferror(fp);
    free(seen);
    return ok ? UF_OK : UF_ERROR_WRITE;
}
