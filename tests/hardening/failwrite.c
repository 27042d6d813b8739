/* LD_PRELOAD fault injector for tests/hardening/faults.sh.
 *
 * A disk that fills up: every fopen()/fopen64() for writing of a path
 * containing $UF_FAIL_WRITE returns a stream whose writes succeed for
 * $UF_FAIL_AFTER bytes (default 0) and then fail with ENOSPC, the way a full
 * disk does, so that fwrite, fflush and fclose report it.
 *
 * A rename that fails: rename() of a path containing $UF_FAIL_RENAME fails
 * with EIO.
 *
 * Memory that runs out while a report is written (only when compiled with
 * -DUF_FAIL_ALLOC, as failalloc.so; not for sanitizer builds, which own
 * malloc): with $UF_FAIL_MALLOC set to N, once mkstemp() has created a file
 * whose name contains $UF_FAIL_MALLOC_MATCH, the first N allocations
 * succeed and every later one fails with ENOMEM.
 *
 * Everything else passes through. Built without sanitizers
 * (tests/hardening.cmake); with an ASan binary run it with
 * ASAN_OPTIONS=verify_asan_link_order=0. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>


typedef FILE *(*fopen_fn)(const char *, const char *);

/* The real functions, looked up before main: dlsym allocates, and must not
 * meet an allocation that is made to fail. */
static fopen_fn real_fopen, real_fopen64;
static int (*real_rename)(const char *, const char *);
static int (*real_mkstemp)(char *), (*real_mkstemp64)(char *);

__attribute__((constructor)) static void resolve(void)
{
    real_fopen = (fopen_fn)dlsym(RTLD_NEXT, "fopen");
    real_fopen64 = (fopen_fn)dlsym(RTLD_NEXT, "fopen64");
    real_rename = (int (*)(const char *, const char *))dlsym(RTLD_NEXT, "rename");
    real_mkstemp = (int (*)(char *))dlsym(RTLD_NEXT, "mkstemp");
    real_mkstemp64 = (int (*)(char *))dlsym(RTLD_NEXT, "mkstemp64");
}

struct failing {
    FILE *real;
    size_t written, limit;
};

static ssize_t failing_write(void *cookie, const char *buf, size_t size)
{
    struct failing *f = cookie;
    if (f->written >= f->limit) {
        errno = ENOSPC;
        return 0; /* glibc: 0 (or -1) is an error; stdio sets the error flag */
    }
    size_t n = size;
    if (n > f->limit - f->written)
        n = f->limit - f->written;
    n = fwrite(buf, 1, n, f->real);
    fflush(f->real);
    f->written += n;
    return (ssize_t)n;
}

static ssize_t failing_read(void *cookie, char *buf, size_t size)
{
    struct failing *f = cookie;
    return (ssize_t)fread(buf, 1, size, f->real);
}

static int failing_seek(void *cookie, off64_t *offset, int whence)
{
    struct failing *f = cookie;
    if (fseeko(f->real, (off_t)*offset, whence) != 0)
        return -1;
    *offset = (off64_t)ftello(f->real);
    return 0;
}

static int failing_close(void *cookie)
{
    struct failing *f = cookie;
    int rc = fclose(f->real);
    free(f);
    return rc;
}


static int for_writing(const char *mode) { return mode && (strchr(mode, 'w') || strchr(mode, 'a') || strchr(mode, '+')); }

static FILE *wrap(FILE *real, const char *path, const char *mode)
{
    const char *match = getenv("UF_FAIL_WRITE");
    if (!real || !match || !*match || !path || !strstr(path, match) || !for_writing(mode))
        return real;
    struct failing *f = calloc(1, sizeof *f);
    if (!f)
        return real;
    const char *after = getenv("UF_FAIL_AFTER");
    f->real = real;
    f->limit = after ? strtoul(after, NULL, 10) : 0;
    cookie_io_functions_t io = {failing_read, failing_write, failing_seek, failing_close};
    FILE *fp = fopencookie(f, mode, io);
    if (!fp) {
        free(f);
        return real;
    }
    return fp;
}

FILE *fopen(const char *path, const char *mode)
{
    return wrap(real_fopen(path, mode), path, mode);
}

FILE *fopen64(const char *path, const char *mode)
{
    return wrap(real_fopen64(path, mode), path, mode);
}

int rename(const char *from, const char *to)
{
    const char *match = getenv("UF_FAIL_RENAME");
    if (match && *match && ((from && strstr(from, match)) || (to && strstr(to, match)))) {
        errno = EIO;
        return -1;
    }
    return real_rename(from, to);
}

/* ---- allocations ---- */

#ifdef UF_FAIL_ALLOC
extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);

static long malloc_budget = -1; /* -1: not armed */

static int allocation_fails(void)
{
    if (malloc_budget < 0)
        return 0;
    if (malloc_budget == 0) {
        errno = ENOMEM;
        return 1;
    }
    malloc_budget--;
    return 0;
}

void *malloc(size_t n)
{
    return allocation_fails() ? NULL : __libc_malloc(n);
}

void *calloc(size_t count, size_t n)
{
    return allocation_fails() ? NULL : __libc_calloc(count, n);
}

void *realloc(void *p, size_t n)
{
    return allocation_fails() ? NULL : __libc_realloc(p, n);
}

static void arm_after(const char *path)
{
    const char *match = getenv("UF_FAIL_MALLOC_MATCH");
    const char *budget = getenv("UF_FAIL_MALLOC");
    if (malloc_budget < 0 && budget && *budget && match && *match && path && strstr(path, match))
        malloc_budget = strtol(budget, NULL, 10);
}

int mkstemp(char *path)
{
    int fd = real_mkstemp(path);
    if (fd >= 0)
        arm_after(path);
    return fd;
}

int mkstemp64(char *path)
{
    int fd = real_mkstemp64(path);
    if (fd >= 0)
        arm_after(path);
    return fd;
}
#endif
