/* Måluppfyllelse: the contract's status rules, in one place. */
#ifndef UF_STATUS_H
#define UF_STATUS_H

#include "plan/plan.h"

typedef enum uf_status {
    UF_STATUS_GREEN,  /* uppnått */
    UF_STATUS_YELLOW, /* delvis uppnått */
    UF_STATUS_RED,    /* ej uppnått */
    UF_STATUS_GREY,   /* underlag saknas */
    UF_STATUS_COUNT
} uf_status;

/* value, previous and target are NAN when missing. With a target: green
 * when reached in the indicator's direction; yellow when not, but it moved
 * the right way since last year or came within 80 %; red otherwise. Without
 * one: green when it moved the right way, yellow unchanged, red the wrong
 * way. Grey when the figure (or, without a target, last year's) is missing. */
uf_status uf_status_of(uf_direction direction, double value, double previous, double target);

const char *uf_status_word(uf_status status);   /* "Uppnått", ... */
const char *uf_status_csv(uf_status status);    /* "grön", "gul", "röd", "grå" */
const char *uf_status_symbol(uf_status status); /* shown beside the colour */

#endif
