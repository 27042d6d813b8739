#include "cli/config.h"
#include "cli/operate.h"
#include "common/messages.h"

#include <stdio.h>

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
    if (fflush(stdout) != 0 || ferror(stdout))
        status = UF_EXIT_FATAL;
    uf_config_free(&config);
    return (int)status;
}
