#include "common/error.h"

#include "common/messages.h"

/* The error enum and the catalogue's ERR_ block are kept in the same order. */
const char *uf_strerror(uf_error err)
{
    if ((unsigned)err >= UF_ERROR_COUNT)
        err = UF_ERROR_USAGE;
    return uf_msg_text((uf_msg)(UF_MSG_ERR_OK + (int)err));
}

_Static_assert(UF_MSG_ERR_CAIRO - UF_MSG_ERR_OK == UF_ERROR_CAIRO,
               "the catalogue's ERR_ block must follow uf_error");
