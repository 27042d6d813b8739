/* Running a command: read → plan and validate → dataset → consolidate →
 * render (curl's tool_operate). */
#ifndef UF_OPERATE_H
#define UF_OPERATE_H

#include "cli/config.h"

uf_exit uf_operate(const uf_config *config);

#endif
