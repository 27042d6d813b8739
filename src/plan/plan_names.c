/* Words of the plan: parsing the Swedish (and English) names of
 * aggregations, directions and types, and naming them back. */
#include "plan/plan_names.h"

#include "common/messages.h"
#include "read/columns.h"

#include <string.h>

static bool word_in(const char *s, size_t len, const char *words)
{
    char norm[64];
    size_t n = uf_column_normalize(s, len, norm, sizeof norm);
    const char *p = words;
    while (*p) {
        size_t w = strcspn(p, "|");
        if (w == n && memcmp(p, norm, n) == 0)
            return true;
        p += w;
        if (*p == '|')
            p++;
    }
    return false;
}

bool uf_parse_aggregation(const char *s, size_t len, uf_aggregation *out)
{
    if (word_in(s, len, "summa|sum|total"))
        *out = UF_AGG_SUM;
    else if (word_in(s, len, "medel|medelvarde|mean|average|avg"))
        *out = UF_AGG_MEAN;
    else if (word_in(s, len, "max|maximum|hogsta"))
        *out = UF_AGG_MAX;
    else if (word_in(s, len, "min|minimum|lagsta"))
        *out = UF_AGG_MIN;
    else
        return false;
    return true;
}

bool uf_parse_direction(const char *s, size_t len, uf_direction *out)
{
    if (word_in(s, len, "oka|increase|up|hogre"))
        *out = UF_DIR_INCREASE;
    else if (word_in(s, len, "minska|decrease|down|lagre"))
        *out = UF_DIR_DECREASE;
    else
        return false;
    return true;
}

bool uf_parse_unit_type(const char *s, size_t len, uf_unit_type *out)
{
    if (word_in(s, len, "forvaltning|administration|department"))
        *out = UF_UNIT_FORVALTNING;
    else if (word_in(s, len, "bolag|company|kommunalt bolag"))
        *out = UF_UNIT_BOLAG;
    else if (word_in(s, len, "namnd|board|committee"))
        *out = UF_UNIT_NAMND;
    else if (word_in(s, len, "ovrigt|ovrig|other"))
        *out = UF_UNIT_OVRIGT;
    else
        return false;
    return true;
}

bool uf_parse_partner_type(const char *s, size_t len, uf_partner_type *out)
{
    if (word_in(s, len, "vanort|twin town|twin city|twincity"))
        *out = UF_PARTNER_VANORT;
    else if (word_in(s, len, "natverk|network"))
        *out = UF_PARTNER_NATVERK;
    else if (word_in(s, len, "organisation|organization"))
        *out = UF_PARTNER_ORGANISATION;
    else
        return false;
    return true;
}

bool uf_measure_is_whole(const char *measure)
{
    return word_in(measure, strlen(measure), "antal|st|stycken|count");
}

bool uf_measure_is_percent(const char *measure)
{
    return word_in(measure, strlen(measure), "procent|%|percent");
}

const char *uf_aggregation_name(uf_aggregation agg)
{
    static const uf_msg names[] = {UF_MSG_NAME_AGG_SUM, UF_MSG_NAME_AGG_MEAN, UF_MSG_NAME_AGG_MAX, UF_MSG_NAME_AGG_MIN};
    return uf_msg_text(names[agg]);
}

const char *uf_direction_name(uf_direction dir)
{
    return uf_msg_text(dir == UF_DIR_INCREASE ? UF_MSG_NAME_DIR_INCREASE : UF_MSG_NAME_DIR_DECREASE);
}

/* In the report's language: the words the plan is written in are parsed
 * above, in either. */
const char *uf_unit_type_name(uf_unit_type type)
{
    static const uf_msg names[] = {UF_MSG_NAME_UNIT_FORVALTNING, UF_MSG_NAME_UNIT_BOLAG, UF_MSG_NAME_UNIT_NAMND,
                                   UF_MSG_NAME_UNIT_OVRIGT};
    return uf_msg_text(names[type]);
}

const char *uf_partner_type_name(uf_partner_type type)
{
    static const uf_msg names[] = {UF_MSG_NAME_PARTNER_VANORT, UF_MSG_NAME_PARTNER_NATVERK,
                                   UF_MSG_NAME_PARTNER_ORGANISATION};
    return uf_msg_text(names[type]);
}
