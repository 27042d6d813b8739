/* CHECK(cond): what a harness asserts about the code under test. Unlike
 * assert() it stays in every build and aborts, so libFuzzer saves the input. */
#ifndef UF_FUZZ_CHECK_H
#define UF_FUZZ_CHECK_H

#include <stdio.h>
#include <stdlib.h>

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);               \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

#endif
