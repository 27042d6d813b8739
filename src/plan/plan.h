/* The international plan: goals (verksamhetsmål), the indicator catalogue,
 * the reporting units, targets per year and registered partners. Loaded
 * once, read by every later stage; a broken plan stops the run. */
#ifndef UF_PLAN_H
#define UF_PLAN_H

#include "common/diag.h"
#include "common/error.h"
#include "common/util.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum uf_aggregation { UF_AGG_SUM, UF_AGG_MEAN, UF_AGG_MAX, UF_AGG_MIN } uf_aggregation;
typedef enum uf_direction { UF_DIR_INCREASE, UF_DIR_DECREASE } uf_direction;
typedef enum uf_unit_type { UF_UNIT_FORVALTNING, UF_UNIT_BOLAG, UF_UNIT_NAMND, UF_UNIT_OVRIGT } uf_unit_type;
typedef enum uf_partner_type { UF_PARTNER_VANORT, UF_PARTNER_NATVERK, UF_PARTNER_ORGANISATION } uf_partner_type;

typedef struct uf_goal {
    const char *id, *name, *description;
} uf_goal;

typedef struct uf_indicator {
    const char *id, *name, *measure; /* measure: "antal", "tkr", "procent", ... */
    const char *area, *description;  /* målområde, beskrivning; "" when absent */
    size_t goal;
    uf_aggregation aggregation;
    uf_direction direction;
    bool whole;    /* antal: whole, non-negative numbers */
    bool percent;  /* procent: 0 to 100 unless min/max say otherwise */
    bool has_min, has_max;
    double min, max;
    uint32_t sdgs; /* Agenda 2030 goals as bits 1..17 */
    /* gäller (contract v2): applies[unit] is true where the indicator applies;
     * NULL when gäller is empty, meaning every unit. */
    bool *applies;
    const char *applies_text; /* gäller as written, "" when empty: for messages */
    long line;                /* in indikatorer.csv */
} uf_indicator;

typedef struct uf_unit {
    const char *id, *name;
    uf_unit_type type;
} uf_unit;

typedef struct uf_partner {
    const char *id, *name, *country;
    uf_partner_type type;
} uf_partner;

#define UF_WHOLE_MUNICIPALITY SIZE_MAX

typedef struct uf_target {
    int year;
    size_t indicator;
    size_t unit; /* UF_WHOLE_MUNICIPALITY for koncernen */
    double value;
    long line;   /* in malvarden.csv */
} uf_target;

typedef struct uf_plan {
    uf_goal *goals;
    size_t ngoals;
    uf_indicator *indicators;
    size_t nindicators;
    uf_unit *units;
    size_t nunits;
    uf_partner *partners;
    size_t npartners;
    uf_target *targets; /* sorted by indicator, unit, year */
    size_t ntargets;
    bool has_partner_file;
    /* private */
    int applies_column; /* of gäller in indikatorer.csv, for messages */
    uf_pool *strings;
    uf_index *goal_index, *indicator_index, *unit_index, *partner_index;
    uf_index *lookalikes;       /* kind letter + uf_unicode_lookalike_key → position */
    const char **unit_stems, **indicator_stems;
} uf_plan;

#define UF_NOT_FOUND SIZE_MAX

/* Ids are kept in NFC, and found in NFC (unicode.h): an id typed as a plus
 * a combining ring (a macOS file name) is the same id as å.
 *
 * Loads INPUTS/plan. Every problem found is reported to diags; any error
 * makes the result NULL with *err = UF_ERROR_PLAN. */
uf_plan *uf_plan_load(const char *inputs_dir, uf_diag_list *diags, uf_error *err);
void uf_plan_free(uf_plan *plan);

size_t uf_plan_find_goal(const uf_plan *plan, const char *id, size_t len);
size_t uf_plan_find_indicator(const uf_plan *plan, const char *id, size_t len);
size_t uf_plan_find_unit(const uf_plan *plan, const char *id, size_t len);
size_t uf_plan_find_partner(const uf_plan *plan, const char *id, size_t len);
/* The target for an indicator, unit (or UF_WHOLE_MUNICIPALITY) and year. */
bool uf_plan_target(const uf_plan *plan, size_t indicator, size_t unit, int year, double *value);

/* Whether indicator applies to unit (gäller). For a pair it does not apply
 * to, the indicator is "ej aktuell": no figure, no output row, never missing. */
bool uf_plan_applies(const uf_plan *plan, size_t indicator, size_t unit);
/* A unit that no indicator applies to is not expected to report. */
bool uf_plan_unit_expected(const uf_plan *plan, size_t unit);

/* The closest valid id to what was written (by edit distance, or by name),
 * or NULL when nothing is close. kind: 'u'nit, 'i'ndicator, 'p'artner, 'g'oal. */
const char *uf_plan_suggest(const uf_plan *plan, char kind, const char *text, size_t len);
/* What a message says after "unknown id 'text'": that it looks the same as
 * an id but is encoded differently (and how), the closest id, or where the
 * valid ids are. Malloc'ed. */
char *uf_plan_hint(const uf_plan *plan, char kind, const char *text, size_t len);

/* The file stem of a unit's report (enheter/STEM.pdf) and of an
 * indicator's charts (diagram/STEM.png, .svg): the id made safe and unique
 * (uf_name_set_add, file_name.h), decided once when the plan is loaded.
 * Every renderer that names a file after an id uses these. */
const char *uf_plan_unit_stem(const uf_plan *plan, size_t unit);
const char *uf_plan_indicator_stem(const uf_plan *plan, size_t indicator);

/* The plan's words as the reports show them, in the run's language. */
const char *uf_aggregation_name(uf_aggregation agg);
const char *uf_direction_name(uf_direction dir);
const char *uf_unit_type_name(uf_unit_type type);
const char *uf_partner_type_name(uf_partner_type type);

#endif
