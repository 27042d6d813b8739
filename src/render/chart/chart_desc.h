/* Each chart's content as one plain sentence, for the PDF's /Alt and the
 * SVG's <desc>: "Kommunens värde 2023–2025: 18; 21; 26; målvärde 30". The
 * sentences say what the charts draw, from the same model, in the run's
 * language; every function returns a malloc'ed string, never NULL. */
#ifndef UF_CHART_DESC_H
#define UF_CHART_DESC_H

#include "consolidate/model.h"
#include "consolidate/view.h"

#include <stddef.h>

/* uf_chart_trend: the municipality's figures over the view's years and
 * the report year's target. */
char *uf_chart_desc_trend(const uf_view *view, size_t indicator);
/* uf_chart_unit_bars: the units' figures, largest first, the first top by
 * name; those without a value or report named after them. */
char *uf_chart_desc_unit_bars(const uf_model *m, size_t indicator, size_t top);
/* uf_chart_goal_counts: each goal's indicators counted by status. */
char *uf_chart_desc_goal_counts(const uf_model *m);
/* uf_chart_goal_overview: rows [first, first + count). */
char *uf_chart_desc_overview(const uf_model *m, size_t first, size_t count);
/* uf_chart_partner_activity: accepted rows per partner and year. */
char *uf_chart_desc_partner_activity(const uf_view *view, size_t max_partners);

#endif
