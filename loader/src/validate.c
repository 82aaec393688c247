/* SPDX-License-Identifier: MIT
 * validate.c — placeholder until the validator lands. */
#include <sensevm/loader.h>
