/* LD_PRELOAD shim for tests/hardening/output.sh: a slow file system, so
 * that a test can hit the moments that are otherwise a few microseconds
 * wide (a signal during the rename phase, or between mkstemp and the
 * cleanup list; a second run beside the first one's renames).
 *
 * For paths containing $UF_SLOW_MATCH (default: every path):
 *   rename()   sleeps $UF_SLOW_RENAME_MS milliseconds before renaming;
 *   mkstemp()  sleeps $UF_SLOW_MKSTEMP_MS milliseconds after creating;
 *   open()     sleeps $UF_SLOW_OPEN_MS milliseconds after opening (a
 *              submission being read, for tests/read_jobs.sh).
 * Before the first such sleep it creates the file $UF_SLOW_MARK (if set),
 * so that the test knows the moment has come.
 *
 * The program under test is not changed: the shim works on old code too,
 * which is how its regressions are shown to fail before the fix. Built
 * without sanitizers; with an ASan binary run it with
 * ASAN_OPTIONS=verify_asan_link_order=0. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int (*real_rename)(const char *, const char *);
static int (*real_mkstemp)(char *), (*real_mkstemp64)(char *);
static int (*real_open)(const char *, int, ...), (*real_open64)(const char *, int, ...);

__attribute__((constructor)) static void resolve(void)
{
    real_rename = (int (*)(const char *, const char *))dlsym(RTLD_NEXT, "rename");
    real_mkstemp = (int (*)(char *))dlsym(RTLD_NEXT, "mkstemp");
    real_mkstemp64 = (int (*)(char *))dlsym(RTLD_NEXT, "mkstemp64");
    real_open = (int (*)(const char *, int, ...))dlsym(RTLD_NEXT, "open");
    real_open64 = (int (*)(const char *, int, ...))dlsym(RTLD_NEXT, "open64");
}

static int matches(const char *path)
{
    const char *match = getenv("UF_SLOW_MATCH");
    return !match || !*match || (path && strstr(path, match));
}

static void slow_down(const char *var)
{
    const char *ms = getenv(var);
    long n = ms ? strtol(ms, NULL, 10) : 0;
    if (n <= 0)
        return;
    const char *mark = getenv("UF_SLOW_MARK");
    if (mark && *mark) {
        int fd = real_open(mark, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
        if (fd >= 0)
            close(fd);
    }
    struct timespec t = {n / 1000, (n % 1000) * 1000000L};
    while (nanosleep(&t, &t) != 0)
        ;
}

int rename(const char *from, const char *to)
{
    if (matches(to))
        slow_down("UF_SLOW_RENAME_MS");
    return real_rename(from, to);
}

int mkstemp(char *path)
{
    int fd = real_mkstemp(path);
    if (fd >= 0 && matches(path))
        slow_down("UF_SLOW_MKSTEMP_MS");
    return fd;
}

int mkstemp64(char *path)
{
    int fd = real_mkstemp64(path);
    if (fd >= 0 && matches(path))
        slow_down("UF_SLOW_MKSTEMP_MS");
    return fd;
}

/* The mode is passed on whatever the flags: harmless when unused. */
static int open_slowly(int (*real)(const char *, int, ...), const char *path, int flags, va_list ap)
{
    mode_t mode = (mode_t)va_arg(ap, int);
    int fd = real(path, flags, mode);
    if (fd >= 0 && getenv("UF_SLOW_OPEN_MS") && matches(path))
        slow_down("UF_SLOW_OPEN_MS");
    return fd;
}

int open(const char *path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    int fd = open_slowly(real_open, path, flags, ap);
    va_end(ap);
    return fd;
}

int open64(const char *path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    int fd = open_slowly(real_open64, path, flags, ap);
    va_end(ap);
    return fd;
}
