#include "render/output.h"

#include "common/util.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Temporary files alive right now, for cleanup on signals and fatal exits. */
enum { MAX_PENDING = 64 };
static char *pending[MAX_PENDING];
static bool handlers_installed;
/* Why this thread's last output failed, 0 if unknown: outputs may be
 * written by several threads at once (operate.c). */
static _Thread_local int failure_errno;
/* Guards pending and held against those threads; the signal handlers read
 * them without it (they only unlink, which is async-signal-safe). */
static pthread_mutex_t lists_lock = PTHREAD_MUTEX_INITIALIZER;

int uf_output_failure_errno(void) { return failure_errno; }

void uf_output_set_failure_errno(int e) { failure_errno = e; }

/* Finished outputs waiting for uf_output_release, when held. */
typedef struct held_output {
    char *temp_path, *path;
} held_output;
static bool holding;
static held_output *held;
static size_t nheld, held_cap;

static void remove_pending(void)
{
    for (size_t i = 0; i < MAX_PENDING; i++)
        if (pending[i])
            unlink(pending[i]);
    for (size_t i = 0; i < nheld; i++)
        unlink(held[i].temp_path);
}

static void on_signal(int sig)
{
    remove_pending(); /* unlink is async-signal-safe */
    signal(sig, SIG_DFL);
    raise(sig);
}

/* A crash (in a library that did not check a failed malloc, say) must not
 * leave temporary files either. The handler that was there before (the
 * default, or a sanitizer's) is put back and gets the signal: a fault
 * happens again when the handler returns, a sent signal is sent again. */
static const int crash_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
enum { NCRASH = sizeof crash_signals / sizeof crash_signals[0] };
static struct sigaction crash_previous[NCRASH];

static void on_crash(int sig, siginfo_t *info, void *context)
{
    (void)context;
    remove_pending();
    for (size_t i = 0; i < NCRASH; i++)
        if (crash_signals[i] == sig)
            sigaction(sig, &crash_previous[i], NULL);
    if (info->si_code <= 0) /* sent (kill, raise, abort), not a fault */
        raise(sig);
}

static void track(char *temp_path)
{
    pthread_mutex_lock(&lists_lock);
    if (!handlers_installed) {
        handlers_installed = true;
        signal(SIGINT, on_signal);
        signal(SIGTERM, on_signal);
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_sigaction = on_crash;
        sa.sa_flags = SA_SIGINFO;
        sigemptyset(&sa.sa_mask);
        for (size_t i = 0; i < NCRASH; i++)
            sigaction(crash_signals[i], &sa, &crash_previous[i]);
        uf_set_fatal_hook(remove_pending);
    }
    for (size_t i = 0; i < MAX_PENDING; i++) {
        if (!pending[i]) {
            pending[i] = temp_path;
            break;
        }
    }
    pthread_mutex_unlock(&lists_lock);
}

static void untrack(const char *temp_path)
{
    pthread_mutex_lock(&lists_lock);
    for (size_t i = 0; i < MAX_PENDING; i++)
        if (pending[i] == temp_path)
            pending[i] = NULL;
    pthread_mutex_unlock(&lists_lock);
}

uf_error uf_output_make_dirs(const char *dir)
{
    char *copy = uf_xstrdup(dir);
    for (char *p = copy + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(copy, 0777) != 0 && errno != EEXIST) {
            failure_errno = errno;
            free(copy);
            return UF_ERROR_WRITE;
        }
        *p = '/';
    }
    bool ok = mkdir(copy, 0777) == 0 || errno == EEXIST;
    if (!ok)
        failure_errno = errno;
    struct stat st;
    if (ok && !(stat(copy, &st) == 0 && S_ISDIR(st.st_mode))) {
        failure_errno = ENOTDIR;
        ok = false;
    }
    free(copy);
    return ok ? UF_OK : UF_ERROR_WRITE;
}

uf_error uf_output_begin(uf_output *o, const char *path)
{
    *o = (uf_output){0};
    const char *slash = strrchr(path, '/');
    size_t dir_len = slash ? (size_t)(slash - path) + 1 : 0;
    size_t n = strlen(path) + 16;
    o->temp_path = uf_xmalloc(n);
    /* ".name.XXXXXX" in the same folder, so that rename never crosses file systems. */
    snprintf(o->temp_path, n, "%.*s.%s.XXXXXX", (int)dir_len, path, path + dir_len);
    int fd = mkstemp(o->temp_path);
    if (fd < 0) {
        failure_errno = errno;
        free(o->temp_path);
        o->temp_path = NULL;
        return UF_ERROR_WRITE;
    }
    close(fd);
    track(o->temp_path); /* before anything else can run out of memory */
    o->path = uf_xstrdup(path);
    return UF_OK;
}

uf_error uf_output_open_stream(uf_output *o, const char *path)
{
    uf_error err = uf_output_begin(o, path);
    if (err != UF_OK)
        return err;
    o->fp = fopen(o->temp_path, "wb");
    if (!o->fp) {
        failure_errno = errno;
        uf_output_abort(o);
        return UF_ERROR_WRITE;
    }
    return UF_OK;
}

uf_error uf_output_commit(uf_output *o)
{
    bool ok = true;
    errno = 0;
    if (o->fp) {
        ok = fflush(o->fp) == 0 && !ferror(o->fp);
        ok = (fclose(o->fp) == 0) && ok;
        o->fp = NULL;
    }
    /* Readable like any report, not just by us (mkstemp makes 0600). */
    ok = ok && chmod(o->temp_path, 0644) == 0;
    if (ok && holding) {
        pthread_mutex_lock(&lists_lock);
        uf_grow(&held, &held_cap, nheld + 1, sizeof(held_output));
        held[nheld++] = (held_output){o->temp_path, o->path};
        pthread_mutex_unlock(&lists_lock);
        untrack(o->temp_path);
        *o = (uf_output){0};
        return UF_OK;
    }
    ok = ok && rename(o->temp_path, o->path) == 0;
    if (!ok) {
        failure_errno = errno;
        uf_output_abort(o);
        return UF_ERROR_WRITE;
    }
    untrack(o->temp_path);
    free(o->temp_path);
    free(o->path);
    *o = (uf_output){0};
    return UF_OK;
}

void uf_output_hold(void) { holding = true; }

uf_error uf_output_release(bool keep)
{
    uf_error err = UF_OK;
    holding = false;
    for (size_t i = 0; i < nheld; i++) {
        bool renamed = keep && err == UF_OK && rename(held[i].temp_path, held[i].path) == 0;
        if (!renamed) {
            if (keep && err == UF_OK) {
                err = UF_ERROR_WRITE;
                failure_errno = errno;
            }
            unlink(held[i].temp_path);
        }
        free(held[i].temp_path);
        free(held[i].path);
    }
    free(held);
    held = NULL;
    nheld = held_cap = 0;
    return err;
}

void uf_output_abort(uf_output *o)
{
    if (o->fp)
        fclose(o->fp);
    if (o->temp_path) {
        unlink(o->temp_path);
        untrack(o->temp_path);
    }
    free(o->temp_path);
    free(o->path);
    *o = (uf_output){0};
}
