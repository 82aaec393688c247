/* SPDX-License-Identifier: MIT
 * fw_golden.c — the runtime's golden programs on the mps2-an386 target (golden/golden_run.c):
 * installed into a flash slot of the Cortex-M port, run in heap and stack pools of a 128 KB
 * board; every one must run, with the desktop's stdout, stderr and exit status.
 */
#include <sensevm/vm.h>

#include "fw_install.h"
#include "golden/golden.h"

#define HEAP_POOL (96u * 1024u)
#define STACK_POOL (20u * 1024u)
static uint8_t heap_pool[HEAP_POOL] __attribute__((aligned(8)));
static uint32_t stack_pool[STACK_POOL / 4u];
static char cap[2048];

int main(void)
{
    golden_board_t b = {"mps2-an386", fw_flash(), fw_slots(0), heap_pool,  HEAP_POOL,
                        stack_pool,   STACK_POOL, cap,         sizeof cap, 0};
    b.min_ran = (unsigned)golden_nprogs;
    return golden_main(&b);
}
