#include "render/style.h"

#include "common/text.h"
#include "common/util.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* ---- colours ---- */

#define HEX(v) {((v) >> 16 & 0xFF) / 255.0, ((v) >> 8 & 0xFF) / 255.0, ((v)&0xFF) / 255.0}

static const uf_rgb palette[UF_COLOUR_COUNT] = {
    HEX(0x222222), HEX(0x5F5F5F), HEX(0x8C8C8C), HEX(0xE3E3E3), HEX(0x0072B2), HEX(0x000000), HEX(0xFFFFFF),
};

/* Okabe–Ito bluish green, orange, vermillion; grey for no data. */
static const uf_rgb status_palette[UF_STATUS_COUNT] = {HEX(0x009E73), HEX(0xE69F00), HEX(0xD55E00),
                                                       HEX(0xA6A6A6)};

/* Earlier years in the partner chart: Okabe–Ito sky blue, lighter than the
 * report year's blue and far from every status colour. */
static const uf_rgb earlier_year = HEX(0x56B4E9);

uf_rgb uf_style_earlier_year(void) { return earlier_year; }

uf_rgb uf_style_rgb(uf_colour colour) { return palette[colour < UF_COLOUR_COUNT ? colour : UF_COLOUR_INK]; }

uf_rgb uf_style_status_rgb(uf_status status) { return status_palette[status < UF_STATUS_COUNT ? status : UF_STATUS_GREY]; }

void uf_style_set(cairo_t *cr, uf_rgb rgb) { cairo_set_source_rgb(cr, rgb.r, rgb.g, rgb.b); }

/* ---- numbers ---- */

const char *uf_style_count(char *buf, size_t n) { return uf_fmt_number_with(buf, (double)n, 0, UF_NBSP, ','); }

const char *uf_style_number(char *buf, double value)
{
    if (!isfinite(value)) {
        snprintf(buf, UF_VALUEBUF, "\xE2\x80\x93");
        return buf;
    }
    int decimals = fabs(value) >= 10 ? 1 : 2;
    double scale = pow(10, decimals);
    /* Half away from zero, as a clerk rounds (printf would give 0,12). */
    double rounded = round(value * scale) / scale;
    return uf_fmt_number_with(buf, rounded, -1, UF_NBSP, ',');
}

/* The unit shown after a value; "" for plain counts. */
static const char *unit_suffix(const uf_indicator *ind)
{
    if (ind->percent || strcmp(ind->measure, "procent") == 0)
        return "%";
    if (strcmp(ind->measure, "antal") == 0)
        return "";
    return ind->measure;
}

const char *uf_style_value(char *buf, double value, const uf_indicator *ind)
{
    uf_style_number(buf, value);
    const char *suffix = unit_suffix(ind);
    if (isfinite(value) && *suffix) {
        size_t n = strlen(buf);
        snprintf(buf + n, UF_VALUEBUF - n, UF_NBSP "%.*s", uf_utf8_prefix(suffix, 40), suffix);
    }
    return buf;
}


const char *uf_style_year(char *buf, int year)
{
    snprintf(buf, UF_YEARBUF, "%d", year);
    return buf;
}
