/* SPDX-License-Identifier: MIT
 * mb_golden.c — the runtime's golden programs that fit the micro:bit
 * (tests/target/golden/golden_run.c): each image is installed into a flash slot through the
 * NVMC, boot-selected and run in place by the interpreter compiled for ARMv6-M, in the
 * board's container RAM: a heap pool of HEAP_POOL and a stack pool of STACK_POOL bytes.
 * 20 of the 23 fit (the others' .opts ask for more heap or stack than 16 KB hold;
 * trap_underflow left the list when the loader's static stack check began refusing it).
 */
#include <sensevm/vm.h>

#include "../../target/golden/golden.h"
#include "svm_nrf51_fw.h"

#define HEAP_POOL (6u * 1024u)
#define STACK_POOL 1536u
static uint8_t heap_pool[HEAP_POOL] __attribute__((aligned(8)));
static uint32_t stack_pool[STACK_POOL / 4u];
static char cap[1280];
static svm_nrf51_t port;

int main(void)
{
    svm_nrf51_init(&port);
    golden_board_t b = {"the micro:bit", svm_nrf51_flash_svl(&port.flash), svm_nrf51_slots(0),
                        heap_pool, HEAP_POOL, stack_pool, STACK_POOL, cap, sizeof cap, 20};
    return golden_main(&b);
}
