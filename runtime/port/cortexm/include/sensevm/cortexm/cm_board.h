/* SPDX-License-Identifier: MIT
 * cm_board.h — the memory map the Cortex-M port uses on QEMU's MPS2 boards (mps2-an385,
 * Cortex-M3; mps2-an386, Cortex-M4F). The 4 MiB SSRAM at 0 stands in for flash:
 *   0x00000000 .. 0x001fffff  firmware (the cross files cap picolibc.ld's __flash_size)
 *   0x00200000 .. 0x002fffff  the slot area: A/B slots of the installer (cm_flash.c)
 *   0x00300000 .. 0x003fffff  the image inbox: an image flashed separately (Intel HEX or
 *                             raw, e.g. QEMU -device loader), installed by the firmware
 *   0x20000000 .. 0x203fffff  RAM (data, bss, heap, stack)
 * A real board changes these numbers and cm_flash.c's three functions (docs/porting.md).
 */
#ifndef SVM_CM_BOARD_H
#define SVM_CM_BOARD_H

#define SVM_CM_SLOT_AREA 0x00200000u
#define SVM_CM_SLOT_AREA_SIZE 0x00100000u
#define SVM_CM_FLASH_PAGE 4096u /* emulated erase unit */
#define SVM_CM_FLASH_UNIT 4u    /* emulated write unit */
#define SVM_CM_SLOT_PAGES 16u   /* 64 KiB per slot: 8 containers x 2 slots in the area */
#define SVM_CM_INBOX 0x00300000u
#define SVM_CM_INBOX_SIZE 0x00100000u

#define SVM_CM_CPU_HZ 25000000u /* MPS2 FPGA system clock; SysTick runs on it */
#define SVM_CM_TICK_HZ 1000u    /* SysTick period: 1 ms */
/* External interrupts used as the stand-ins' interrupt lines: nothing on these lines is
 * enabled, so they fire only when the port pends them (svm_cm_button, svm_cm_uart_rx). */
#define SVM_CM_IRQ_BUTTON 30u
#define SVM_CM_IRQ_UART 31u
#define SVM_CM_NIRQ 32u

#endif
