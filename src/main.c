#include "cli/config.h"
#include "cli/operate.h"
#include "common/messages.h"

#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <sys/stat.h>

/* stdout is a pipe whose reading end is closed (EPIPE on write). */
static bool stdout_reader_gone(void)
{
    struct stat st;
    struct pollfd p = {.fd = fileno(stdout), .events = POLLOUT};
    return fstat(p.fd, &st) == 0 && S_ISFIFO(st.st_mode) && poll(&p, 1, 0) == 1 && (p.revents & POLLERR);
}

int main(int argc, char **argv)
{
    uf_config config;
    if (!uf_config_parse(&config, argc, argv)) {
        uf_config_free(&config);
        return UF_EXIT_FATAL;
    }
    uf_exit status = UF_EXIT_OK;
    if (config.help)
        fputs(uf_msg_text(UF_MSG_CLI_USAGE), stdout);
    else if (config.version)
        printf("uppfolj %s\n", UF_VERSION);
    else
        status = uf_operate(&config);
    /* A reader that went away (| less, quit early) is no failure of the
     * run: the reports are written. Any other failing stdout is. */
    if ((fflush(stdout) != 0 || ferror(stdout)) && !stdout_reader_gone())
        status = UF_EXIT_FATAL;
    uf_config_free(&config);
    return (int)status;
}
