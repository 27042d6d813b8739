#include "output/output.h"

#include "common/util.h"
#include "output/manifest.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Temporary files alive right now, for cleanup on signals and fatal exits. */
enum { MAX_PENDING = 64 };
static char *pending[MAX_PENDING];
static bool handlers_installed;
/* Why this thread's last output failed, 0 if unknown: outputs may be
 * written by several threads at once (operate.c). */
static _Thread_local int failure_errno;
/* Guards pending and held against those threads. */
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
/* The held folder, its lock and the permissions outputs get. */
static char *held_dir;
static int lock_fd = -1;
static mode_t file_mode = 0644;

/* ---- signals ----
 * The signals that end a run. A thread that creates a temporary file, or
 * changes the lists, or commits, blocks them and counts itself in busy, so
 * that a file never exists unrecorded and a commit is never cut in half. A
 * handler running on another thread sets dying and waits for busy to drain
 * before it removes the temporary files; a thread that finds dying set
 * waits for the end instead of creating anything. */
static sigset_t stop_signals;
static atomic_int busy;
static atomic_bool dying;

/* A child process writing one of the temporary files (the workbook): it is
 * stopped before the files are removed, or it could create its file again
 * after the removal (libxlsxwriter opens its file only when closing). */
static atomic_int writer_pid;

void uf_output_writer_done(void) { atomic_store(&writer_pid, 0); }

static void remove_pending(void)
{
    int pid = atomic_exchange(&writer_pid, 0);
    if (pid > 0) {
        kill(pid, SIGKILL); /* both async-signal-safe */
        waitpid(pid, NULL, 0);
    }
    for (size_t i = 0; i < MAX_PENDING; i++)
        if (pending[i])
            unlink(pending[i]);
    for (size_t i = 0; i < nheld; i++)
        unlink(held[i].temp_path);
}

static void guard_enter(sigset_t *old)
{
    pthread_sigmask(SIG_BLOCK, &stop_signals, old);
    atomic_fetch_add(&busy, 1);
    while (atomic_load(&dying)) {
        atomic_fetch_sub(&busy, 1);
        for (;;)
            pause(); /* the handler on another thread ends the process */
    }
}

static void guard_leave(const sigset_t *old)
{
    atomic_fetch_sub(&busy, 1);
    pthread_sigmask(SIG_SETMASK, old, NULL);
}

int uf_output_fork_writer(void)
{
    sigset_t old;
    guard_enter(&old); /* no signal between the fork and the record */
    fflush(stdout);    /* nothing buffered may be written twice */
    fflush(stderr);
    pid_t pid = fork();
    if (pid > 0)
        atomic_store(&writer_pid, pid);
    guard_leave(&old);
    return pid;
}

static void on_signal(int sig)
{
    atomic_store(&dying, true);
    /* At most ten seconds: a rename stuck on a dead network folder must not
     * make the run unkillable by ^C. */
    struct timespec ms = {0, 1000000};
    for (int i = 0; i < 10000 && atomic_load(&busy) > 0; i++)
        nanosleep(&ms, NULL);
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

static void install_handlers(void)
{
    pthread_mutex_lock(&lists_lock);
    if (!handlers_installed) {
        handlers_installed = true;
        sigemptyset(&stop_signals);
        sigaddset(&stop_signals, SIGINT);
        sigaddset(&stop_signals, SIGTERM);
        sigaddset(&stop_signals, SIGHUP); /* a closed terminal ends the run as ^C does */
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sa.sa_mask = stop_signals; /* one cleanup at a time per thread */
        sigaction(SIGINT, &sa, NULL);
        sigaction(SIGTERM, &sa, NULL);
        sigaction(SIGHUP, &sa, NULL);
        memset(&sa, 0, sizeof sa);
        sa.sa_sigaction = on_crash;
        sa.sa_flags = SA_SIGINFO;
        sigemptyset(&sa.sa_mask);
        for (size_t i = 0; i < NCRASH; i++)
            sigaction(crash_signals[i], &sa, &crash_previous[i]);
        uf_set_fatal_hook(remove_pending);
    }
    pthread_mutex_unlock(&lists_lock);
}

/* Called inside a guard. */
static void track(char *temp_path)
{
    pthread_mutex_lock(&lists_lock);
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
    sigset_t old;
    guard_enter(&old);
    pthread_mutex_lock(&lists_lock);
    for (size_t i = 0; i < MAX_PENDING; i++)
        if (pending[i] == temp_path)
            pending[i] = NULL;
    pthread_mutex_unlock(&lists_lock);
    guard_leave(&old);
}

uf_error uf_output_make_dirs(const char *dir)
{
    if (!*dir) {
        failure_errno = ENOENT;
        return UF_ERROR_WRITE;
    }
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
    install_handlers();
    const char *slash = strrchr(path, '/');
    size_t dir_len = slash ? (size_t)(slash - path) + 1 : 0;
    size_t n = strlen(path) + 16;
    char *temp_path = uf_xmalloc(n);
    char *final_path = uf_xstrdup(path); /* before the file exists: out of memory leaves nothing */
    /* ".name.XXXXXX" in the same folder, so that rename never crosses file systems. */
    snprintf(temp_path, n, "%.*s.%s.XXXXXX", (int)dir_len, path, path + dir_len);
    sigset_t old;
    guard_enter(&old);
    int fd = mkstemp(temp_path);
    int e = errno;
    if (fd >= 0)
        track(temp_path); /* created and recorded with no signal between */
    guard_leave(&old);
    if (fd < 0) {
        failure_errno = e;
        free(temp_path);
        free(final_path);
        return UF_ERROR_WRITE;
    }
    close(fd);
    o->temp_path = temp_path;
    o->path = final_path;
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

/* Moves a finished output from pending to held, with no moment where a
 * signal handler would see it in neither. */
static void hold_output(uf_output *o)
{
    sigset_t old;
    guard_enter(&old);
    pthread_mutex_lock(&lists_lock);
    uf_grow(&held, &held_cap, nheld + 1, sizeof(held_output));
    held[nheld++] = (held_output){o->temp_path, o->path};
    for (size_t i = 0; i < MAX_PENDING; i++)
        if (pending[i] == o->temp_path)
            pending[i] = NULL;
    pthread_mutex_unlock(&lists_lock);
    guard_leave(&old);
    *o = (uf_output){0};
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
    /* Readable as the user's umask says, like any file they make
     * (mkstemp makes 0600). */
    ok = ok && chmod(o->temp_path, file_mode) == 0;
    if (ok && holding) {
        hold_output(o);
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

/* ---- the held run ---- */

static mode_t read_umask(void)
{
    mode_t mask = umask(0); /* no other thread runs yet (see output.h) */
    umask(mask);
    return mask;
}

/* flock, not fcntl: the lock stays with this open file and is not lost
 * when some library closes another descriptor on the same file. */
static uf_error take_lock(const char *dir)
{
    char *path = uf_path_join(dir, UF_OUTPUT_LOCK);
    lock_fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    free(path);
    if (lock_fd < 0) {
        failure_errno = errno;
        return UF_ERROR_WRITE;
    }
    struct timespec step = {0, 100 * 1000000};
    for (int tries = 0; flock(lock_fd, LOCK_EX | LOCK_NB) != 0; tries++) {
        if ((errno != EWOULDBLOCK && errno != EINTR) || tries == 50) { /* five seconds */
            failure_errno = errno == EINTR ? EWOULDBLOCK : errno;
            close(lock_fd);
            lock_fd = -1;
            return UF_ERROR_WRITE;
        }
        nanosleep(&step, NULL);
    }
    return UF_OK;
}

uf_error uf_output_hold(const char *dir)
{
    install_handlers();
    file_mode = 0666 & ~read_umask();
    uf_error err = take_lock(dir);
    if (err != UF_OK)
        return err;
    held_dir = uf_xstrdup(dir);
    holding = true;
    return UF_OK;
}

static int by_path(const void *a, const void *b)
{
    return strcmp(((const held_output *)a)->path, ((const held_output *)b)->path);
}

/* ".NAME.XXXXXX" from a run that was killed (SIGKILL, a power cut) before
 * it could clean up: removed when this run writes NAME in the same folder.
 * The lock guarantees that no other run's temporary file is there now. */
static void remove_leftovers_in(const char *dir, size_t dir_len)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        size_t n = strlen(de->d_name);
        if (n < 9 || de->d_name[0] != '.' || de->d_name[n - 7] != '.')
            continue;
        char *path = uf_xmalloc(dir_len + n);
        snprintf(path, dir_len + n, "%.*s/%.*s", (int)dir_len, dir, (int)(n - 8), de->d_name + 1);
        held_output key = {NULL, path};
        bool ours = bsearch(&key, held, nheld, sizeof *held, by_path) != NULL;
        free(path);
        if (ours) {
            path = uf_path_join(dir, de->d_name);
            unlink(path);
            free(path);
        }
    }
    closedir(d);
}

static void remove_leftovers(void)
{
    if (nheld == 0)
        return;
    qsort(held, nheld, sizeof *held, by_path);
    const char *last = NULL;
    size_t last_len = 0;
    for (size_t i = 0; i < nheld; i++) {
        const char *slash = strrchr(held[i].path, '/');
        size_t len = slash ? (size_t)(slash - held[i].path) : 0;
        if (!slash || (last && len == last_len && strncmp(last, held[i].path, len) == 0))
            continue;
        char *dir = uf_xstrndup(held[i].path, len);
        remove_leftovers_in(dir, len);
        free(dir);
        last = held[i].path;
        last_len = len;
    }
}

static const char *below_held_dir(const char *path)
{
    size_t n = strlen(held_dir);
    return strncmp(path, held_dir, n) == 0 && path[n] == '/' ? path + n + 1 : NULL;
}

/* The manifest of what is about to be renamed into place, itself held (and
 * renamed last). Sizes and times are the temporary files': rename keeps
 * both. */
static uf_error write_manifest(const uf_manifest *before, uf_manifest *now)
{
    for (size_t i = 0; i < nheld; i++) {
        struct stat st;
        const char *rel = below_held_dir(held[i].path);
        if (rel && stat(held[i].temp_path, &st) == 0)
            uf_manifest_add(now, rel, &st);
    }
    uf_manifest_carry(before, now, held_dir);
    uf_output out;
    char *path = uf_path_join(held_dir, UF_OUTPUT_MANIFEST);
    uf_error err = uf_output_open_stream(&out, path);
    free(path);
    if (err != UF_OK)
        return err;
    if (!uf_manifest_write(now, out.fp)) {
        failure_errno = errno;
        uf_output_abort(&out);
        return UF_ERROR_WRITE;
    }
    return uf_output_commit(&out);
}

static uf_error rename_held(void)
{
    for (size_t i = 0; i < nheld; i++) {
        if (rename(held[i].temp_path, held[i].path) != 0) {
            failure_errno = errno;
            return UF_ERROR_WRITE;
        }
        held[i].temp_path[0] = '\0'; /* renamed: nothing to remove */
    }
    return UF_OK;
}

static void drop_held(void)
{
    for (size_t i = 0; i < nheld; i++) {
        if (held[i].temp_path[0])
            unlink(held[i].temp_path);
        free(held[i].temp_path);
        free(held[i].path);
    }
    free(held);
    held = NULL;
    nheld = held_cap = 0;
}

uf_error uf_output_release(bool keep)
{
    uf_error err = UF_OK;
    uf_manifest before = {0}, now = {0};
    if (keep && held_dir) {
        uf_manifest_read(&before, held_dir);
        err = write_manifest(&before, &now);
        keep = err == UF_OK;
    }
    holding = false;
    sigset_t old;
    guard_enter(&old);
    if (keep) {
        err = rename_held();
        if (err == UF_OK && held_dir)
            uf_manifest_remove_stale(&before, &now, held_dir);
    }
    remove_leftovers();
    drop_held();
    guard_leave(&old);
    uf_manifest_free(&before);
    uf_manifest_free(&now);
    if (lock_fd >= 0)
        close(lock_fd); /* drops the lock */
    lock_fd = -1;
    free(held_dir);
    held_dir = NULL;
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
