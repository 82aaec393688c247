/* SPDX-License-Identifier: MIT
 * nd2_golden.c — the runtime's golden programs on the Netduino Plus 2 (STM32F405, QEMU
 * netduinoplus2; tests/target/golden/golden_run.c), TAP on the console USART: each image is
 * installed through the STM32F4 flash driver into a slot of the flash interface model (two
 * 4 KiB sectors in RAM: QEMU models no flash interface), boot-selected and run in place in
 * the board's RAM, with the desktop's stdout, stderr and exit status.
 */
#include <stdlib.h>

#include <sensevm/vm.h>

#include "golden.h"
#include <sensevm/stm32f4/st_flash_model.h>
#include <sensevm/stm32f4/svm_stm32f4.h>

#define HEAP_POOL (88u * 1024u)
#define STACK_POOL (16u * 1024u)
static uint8_t heap_pool[HEAP_POOL] __attribute__((aligned(8)));
static uint32_t stack_pool[STACK_POOL / 4u];
static char cap[2048];
static uint8_t area[2 * 4096] __attribute__((aligned(8)));
static svm_st_sector_t sectors[2];
static svm_st_model_t model;
static svm_st_flash_t flash;
static svm_st_t port;

int main(void)
{
    svm_st_init(&port);
    for (unsigned i = 0; i < 2; i++)
        sectors[i] = (svm_st_sector_t){(uint32_t)(uintptr_t)area + 4096u * i, 4096u};
    svm_st_model_init(&model, area, sectors, 2);
    svm_st_flash_init(&flash, &svm_st_model_bus, &model, sectors, 2, 0, 2);
    golden_board_t b = {"netduinoplus2", svm_st_flash_svl(&flash),
                        {{0, 1}, 1},     heap_pool,
                        HEAP_POOL,       stack_pool,
                        STACK_POOL,      cap,
                        sizeof cap,      0};
    b.min_ran = (unsigned)golden_nprogs;
    exit(golden_main(&b));
}
