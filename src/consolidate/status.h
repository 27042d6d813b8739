/* Måluppfyllelse: the contract's status rules, in one place. A status has a
 * colour (uf_status) and a word (uf_word): with a target the words say how
 * far the target was reached, without one they describe the trend. */
#ifndef UF_STATUS_H
#define UF_STATUS_H

#include "plan/plan.h"

typedef enum uf_status {
    UF_STATUS_GREEN,  /* uppnått, or förbättrad without a target */
    UF_STATUS_YELLOW, /* delvis uppnått, or oförändrad */
    UF_STATUS_RED,    /* ej uppnått, or försämrad */
    UF_STATUS_GREY,   /* underlag saknas */
    UF_STATUS_COUNT
} uf_status;

typedef enum uf_word {
    UF_WORD_MET,       /* uppnått */
    UF_WORD_PARTLY,    /* delvis uppnått */
    UF_WORD_NOT_MET,   /* ej uppnått */
    UF_WORD_IMPROVED,  /* förbättrad */
    UF_WORD_UNCHANGED, /* oförändrad */
    UF_WORD_WORSENED,  /* försämrad */
    UF_WORD_MISSING,   /* underlag saknas */
    UF_WORD_COUNT
} uf_word;

/* value, previous and target are NAN when missing. With a target: green
 * when reached in the indicator's direction; yellow when not, but it moved
 * the right way since last year or came within 80 %; red otherwise. Without
 * one: green when it moved the right way, yellow unchanged, red the wrong
 * way. Grey when the figure (or, without a target, last year's) is missing. */
uf_status uf_status_of(uf_direction direction, double value, double previous, double target);
/* The word for a status: which set depends on whether there was a target. */
uf_word uf_word_of(uf_status status, bool has_target);
uf_status uf_word_status(uf_word word);

const char *uf_word_text(uf_word word);        /* "Uppnått", ... in the run's language */
const char *uf_word_csv(uf_word word);         /* "uppnått", ... always Swedish (the CSV export) */
/* A colour's words when figures with and without targets are counted
 * together ("Uppnått/förbättrad"). */
const char *uf_status_word(uf_status status);
const char *uf_status_csv(uf_status status);    /* "grön", "gul", "röd", "grå" */
/* A unit's self-assessment (uf_assessment) in the same colours and words;
 * not assessed is grey, "Ej bedömt". */
uf_status uf_assessment_status(int assessment);
const char *uf_assessment_text(int assessment);
const char *uf_status_symbol(uf_status status); /* shown beside the colour */

#endif
