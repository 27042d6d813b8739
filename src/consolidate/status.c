#include "consolidate/status.h"

#include "common/messages.h"

#include <math.h>

/* Figures come from decimal text; compare with a relative tolerance so
 * that 0.1 + 0.2 "equals" 0.3 as a clerk would expect. */
static int compare(double a, double b)
{
    double scale = fmax(1.0, fmax(fabs(a), fabs(b)));
    if (fabs(a - b) <= 1e-9 * scale)
        return 0;
    return a < b ? -1 : 1;
}

/* +1 when moving from `from` to `to` is the indicator's good direction. */
static int movement(uf_direction direction, double from, double to)
{
    int c = compare(to, from);
    return direction == UF_DIR_INCREASE ? c : -c;
}

static uf_status with_target(uf_direction direction, double value, double previous, double target)
{
    if (movement(direction, target, value) >= 0)
        return UF_STATUS_GREEN;
    bool improved = !isnan(previous) && movement(direction, previous, value) > 0;
    bool within_80 = direction == UF_DIR_INCREASE ? compare(value, 0.8 * target) >= 0
                                                  : compare(0.8 * value, target) <= 0;
    return improved || within_80 ? UF_STATUS_YELLOW : UF_STATUS_RED;
}

uf_status uf_status_of(uf_direction direction, double value, double previous, double target)
{
    if (isnan(value))
        return UF_STATUS_GREY;
    if (!isnan(target))
        return with_target(direction, value, previous, target);
    if (isnan(previous))
        return UF_STATUS_GREY;
    int m = movement(direction, previous, value);
    return m > 0 ? UF_STATUS_GREEN : m == 0 ? UF_STATUS_YELLOW : UF_STATUS_RED;
}

uf_word uf_word_of(uf_status status, bool has_target)
{
    if (status >= UF_STATUS_GREY)
        return UF_WORD_MISSING;
    return (uf_word)((has_target ? UF_WORD_MET : UF_WORD_IMPROVED) + (int)status);
}

uf_status uf_word_status(uf_word word)
{
    if (word >= UF_WORD_MISSING)
        return UF_STATUS_GREY;
    return (uf_status)(word % 3);
}

const char *uf_word_text(uf_word word)
{
    static const uf_msg msgs[] = {UF_MSG_WORD_MET,       UF_MSG_WORD_PARTLY,    UF_MSG_WORD_NOT_MET,
                                  UF_MSG_WORD_IMPROVED,  UF_MSG_WORD_UNCHANGED, UF_MSG_WORD_WORSENED,
                                  UF_MSG_WORD_MISSING};
    return word < UF_WORD_COUNT ? uf_msg_text(msgs[word]) : "";
}

const char *uf_word_csv(uf_word word)
{
    /* Other systems import these: Swedish whatever --lang says. */
    static const char *words[] = {"uppnått",  "delvis uppnått", "ej uppnått",     "förbättrad",
                                  "oförändrad", "försämrad",    "underlag saknas"};
    return word < UF_WORD_COUNT ? words[word] : "";
}

const char *uf_status_word(uf_status status)
{
    static const uf_msg msgs[] = {UF_MSG_COLOUR_GREEN, UF_MSG_COLOUR_YELLOW, UF_MSG_COLOUR_RED, UF_MSG_WORD_MISSING};
    return status < UF_STATUS_COUNT ? uf_msg_text(msgs[status]) : "";
}
uf_status uf_assessment_status(int assessment)
{
    /* uf_assessment: none, met, partly, not met */
    static const uf_status colours[] = {UF_STATUS_GREY, UF_STATUS_GREEN, UF_STATUS_YELLOW, UF_STATUS_RED};
    return assessment >= 0 && assessment <= 3 ? colours[assessment] : UF_STATUS_GREY;
}

const char *uf_assessment_text(int assessment)
{
    static const uf_msg msgs[] = {UF_MSG_ASSESS_NONE, UF_MSG_WORD_MET, UF_MSG_WORD_PARTLY, UF_MSG_WORD_NOT_MET};
    return uf_msg_text(assessment >= 0 && assessment <= 3 ? msgs[assessment] : UF_MSG_ASSESS_NONE);
}

const char *uf_status_csv(uf_status status)
{
    static const char *words[] = {"grön", "gul", "röd", "grå"};
    return status < UF_STATUS_COUNT ? words[status] : "";
}

const char *uf_status_symbol(uf_status status)
{
    /* Distinct shapes, so status never rests on colour alone. */
    static const char *symbols[] = {"\xE2\x9C\x94", "\xE2\x97\x90", "\xE2\x9C\x96", "\xE2\x80\x93"};
    return status < UF_STATUS_COUNT ? symbols[status] : "";
}
