/* CHECK(cond): what a harness asserts about the code under test. Unlike
 * assert() it stays in every build and aborts, so libFuzzer saves the input. */
#ifndef UF_FUZZ_CHECK_H
#define UF_FUZZ_CHECK_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);               \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

/* The readers never read past len: each gets an exact-size copy of the
 * input, so that ASan sees any overread. The caller frees it. */
static inline char *fuzz_copy(const uint8_t *data, size_t size)
{
    char *copy = malloc(size ? size : 1);
    if (!copy)
        abort();
    if (size)
        memcpy(copy, data, size);
    return copy;
}

#endif
