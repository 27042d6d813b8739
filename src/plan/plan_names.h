#ifndef UF_PLAN_NAMES_H
#define UF_PLAN_NAMES_H

#include "plan/plan.h"

bool uf_parse_aggregation(const char *s, size_t len, uf_aggregation *out);
bool uf_parse_direction(const char *s, size_t len, uf_direction *out);
bool uf_parse_unit_type(const char *s, size_t len, uf_unit_type *out);
bool uf_parse_partner_type(const char *s, size_t len, uf_partner_type *out);
/* antal: whole, non-negative numbers. */
bool uf_measure_is_whole(const char *measure);
/* procent: 0..100 and a '%' allowed after the number. */
bool uf_measure_is_percent(const char *measure);

#endif
