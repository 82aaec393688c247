/* sensevm_board.h — boards/microbit.board as scripts/board.py (the boards infrastructure)
 * writes it: generated once with `board.py header boards/microbit.board` and committed
 * until the build generates it. Do not edit by hand: change the .board file. */
#ifndef SENSEVM_BOARD_H
#define SENSEVM_BOARD_H

#include <sensevm/hal.h>

#define SVM_BOARD_NAME "microbit"
#define SVM_BOARD_DESCRIPTION "BBC micro:bit v1 (nRF51822, Cortex-M0)"
#define SVM_BOARD_CHIP "nrf51"
#define SVM_BOARD_CPU "cortex-m0"
#define SVM_BOARD_FPU "none"
#define SVM_BOARD_QEMU_MACHINE "microbit"
#define SVM_BOARD_CLOCK_HZ 16000000u
#define SVM_BOARD_FLASH_BASE 0x0u
#define SVM_BOARD_FLASH_SIZE 0x40000u
#define SVM_BOARD_FLASH_PAGE "0x400"
#define SVM_BOARD_FIRMWARE_SIZE 0x18000u
#define SVM_BOARD_RAM_BASE 0x20000000u
#define SVM_BOARD_RAM_SIZE 0x4000u
#define SVM_BOARD_SLOT_A 0x18000u
#define SVM_BOARD_SLOT_B 0x20000u
#define SVM_BOARD_SLOT_SIZE 0x8000u
#define SVM_BOARD_CONTAINERS 2u
#define SVM_BOARD_INBOX 0x38000u
#define SVM_BOARD_INBOX_SIZE 0x4000u
#define SVM_BOARD_CONTAINER_RAM 0x2400u
#define SVM_BOARD_DEFAULT_HEAP 2048u
#define SVM_BOARD_DEFAULT_STACK 512u
#define SVM_BOARD_CONSOLE "uart0"
#define SVM_BOARD_IS_MICROBIT 1

/* Devices: index = HAL device id (svm_hal_t.devs). */
#define SVM_BOARD_NDEVS 28u
#define SVM_BOARD_DEV_LED0 0u /* led R1C1 out */
#define SVM_BOARD_DEV_LED1 1u /* led R2C4 out */
#define SVM_BOARD_DEV_LED2 2u /* led R1C2 out */
#define SVM_BOARD_DEV_LED3 3u /* led R2C5 out */
#define SVM_BOARD_DEV_LED4 4u /* led R1C3 out */
#define SVM_BOARD_DEV_LED5 5u /* led R3C4 out */
#define SVM_BOARD_DEV_LED6 6u /* led R3C5 out */
#define SVM_BOARD_DEV_LED7 7u /* led R3C6 out */
#define SVM_BOARD_DEV_LED8 8u /* led R3C7 out */
#define SVM_BOARD_DEV_LED9 9u /* led R3C8 out */
#define SVM_BOARD_DEV_LED10 10u /* led R2C2 out */
#define SVM_BOARD_DEV_LED11 11u /* led R1C9 out */
#define SVM_BOARD_DEV_LED12 12u /* led R2C3 out */
#define SVM_BOARD_DEV_LED13 13u /* led R3C9 out */
#define SVM_BOARD_DEV_LED14 14u /* led R2C1 out */
#define SVM_BOARD_DEV_LED15 15u /* led R1C8 out */
#define SVM_BOARD_DEV_LED16 16u /* led R1C7 out */
#define SVM_BOARD_DEV_LED17 17u /* led R1C6 out */
#define SVM_BOARD_DEV_LED18 18u /* led R1C5 out */
#define SVM_BOARD_DEV_LED19 19u /* led R1C4 out */
#define SVM_BOARD_DEV_LED20 20u /* led R3C3 out */
#define SVM_BOARD_DEV_LED21 21u /* led R2C7 out */
#define SVM_BOARD_DEV_LED22 22u /* led R3C1 out */
#define SVM_BOARD_DEV_LED23 23u /* led R2C6 out */
#define SVM_BOARD_DEV_LED24 24u /* led R3C2 out */
#define SVM_BOARD_DEV_BUTTON0 25u /* button P0.17 in */
#define SVM_BOARD_DEV_BUTTON1 26u /* button P0.26 in */
#define SVM_BOARD_DEV_UART0 27u /* uart UART0 io */
#define SVM_BOARD_DEVICES { \
    {"led0", SVM_DEV_LED}, \
    {"led1", SVM_DEV_LED}, \
    {"led2", SVM_DEV_LED}, \
    {"led3", SVM_DEV_LED}, \
    {"led4", SVM_DEV_LED}, \
    {"led5", SVM_DEV_LED}, \
    {"led6", SVM_DEV_LED}, \
    {"led7", SVM_DEV_LED}, \
    {"led8", SVM_DEV_LED}, \
    {"led9", SVM_DEV_LED}, \
    {"led10", SVM_DEV_LED}, \
    {"led11", SVM_DEV_LED}, \
    {"led12", SVM_DEV_LED}, \
    {"led13", SVM_DEV_LED}, \
    {"led14", SVM_DEV_LED}, \
    {"led15", SVM_DEV_LED}, \
    {"led16", SVM_DEV_LED}, \
    {"led17", SVM_DEV_LED}, \
    {"led18", SVM_DEV_LED}, \
    {"led19", SVM_DEV_LED}, \
    {"led20", SVM_DEV_LED}, \
    {"led21", SVM_DEV_LED}, \
    {"led22", SVM_DEV_LED}, \
    {"led23", SVM_DEV_LED}, \
    {"led24", SVM_DEV_LED}, \
    {"button0", SVM_DEV_BUTTON}, \
    {"button1", SVM_DEV_BUTTON}, \
    {"uart0", SVM_DEV_UART}, \
}
/* Pins, same order: "PA10" (port letter, pin number) or "-" */
#define SVM_BOARD_PINS { \
    "R1C1", \
    "R2C4", \
    "R1C2", \
    "R2C5", \
    "R1C3", \
    "R3C4", \
    "R3C5", \
    "R3C6", \
    "R3C7", \
    "R3C8", \
    "R2C2", \
    "R1C9", \
    "R2C3", \
    "R3C9", \
    "R2C1", \
    "R1C8", \
    "R1C7", \
    "R1C6", \
    "R1C5", \
    "R1C4", \
    "R3C3", \
    "R2C7", \
    "R3C1", \
    "R2C6", \
    "R3C2", \
    "P0.17", \
    "P0.26", \
    "UART0", \
}

#endif
