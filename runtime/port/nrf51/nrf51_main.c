/* SPDX-License-Identifier: MIT
 * nrf51_main.c — the micro:bit firmware `sensevm-microbit`: the UART console, then for each
 * container the inbox install and the slot boot (svm_nrf51_fw.h), then the container
 * scheduler forever, with `wfi` whenever nothing is runnable. State changes of the
 * containers (done, exited, stopped by a fault) are reported on the console.
 *
 * Standard streams and _exit are defined here, so that nothing of picolibc's semihosting
 * library (which the cross file links for the tests) reaches the firmware: a semihosting
 * BKPT without a debugger would hard-fault a real micro:bit.
 */
#include <stdio.h>
#include <string.h>

#include <sensevm/nrf51/svm_nrf51_fw.h>

static int uart_putc(char c, FILE *f)
{
    (void)f;
    uint8_t b = (uint8_t)c;
    svm_nrf51_console_write(&b, 1);
    return b;
}

static FILE uart_file = FDEV_SETUP_STREAM(uart_putc, NULL, NULL, _FDEV_SETUP_WRITE);
FILE *const stdin = &uart_file;
FILE *const stdout = &uart_file;
FILE *const stderr = &uart_file;

void _exit(int status)
{
    (void)status;
    svm_nrf51_reset();
}

void svm_nrf51_fault_isr(void)
{
    static const char msg[] = "\r\nsensevm: hard fault outside the VM: stopped\r\n";
    svm_nrf51_uart_write((const uint8_t *)msg, sizeof msg - 1);
    for (;;)
        __asm volatile("wfi");
}

static void say(void *user, const char *msg)
{
    (void)user;
    printf("%s\n", msg);
}

static svm_nrf51_t port;
static svm_nrf51_fw_t fw;
/* The container RAM: what the board description gives containers (the link fails if the
 * firmware's own data, this pool and the C stack do not fit the 16 KB). */
static uint8_t pool[SVM_BOARD_CONTAINER_RAM] __attribute__((aligned(8)));

static void report(unsigned k, uint8_t *seen)
{
    const svm_container_t *c = &fw.box[k].c;
    if (c->state == *seen)
        return;
    *seen = c->state;
    const char *name = fw.boot[k].image.manifest.name;
    switch (c->state) {
    case SVM_K_DONE: printf("container %u '%s': done\n", k, name); break;
    case SVM_K_EXITED:
        printf("container %u '%s': exited with status %ld\n", k, name, (long)c->exit_status);
        break;
    case SVM_K_STOPPED:
        printf("container %u '%s': stopped: %s at pc 0x%lx in context %u\n", k, name,
               svm_trap_message(c->fault.reason), (unsigned long)c->fault.pc,
               (unsigned)c->fault.ctx);
        break;
    default: break;
    }
}

int main(void)
{
    svm_nrf51_init(&port);
    printf("\nsensevm %s: %s, %lu KB RAM, %lu bytes for containers\n", SVM_BOARD_NAME,
           SVM_BOARD_DESCRIPTION, (unsigned long)(SVM_BOARD_RAM_SIZE / 1024u),
           (unsigned long)sizeof pool);
    svm_nrf51_fw_init(&fw, &port, pool, sizeof pool);
    fw.say = say;
    int booted[SVM_BOARD_CONTAINERS] = {0};
    for (unsigned k = 0; k < SVM_BOARD_CONTAINERS; k++) {
        svm_nrf51_fw_inbox(&fw, k);
        booted[k] = svm_nrf51_fw_boot(&fw, k, 0, 0) == 0;
    }
    if (fw.sched.n == 0 || svm_nrf51_fw_link(&fw) != 0) {
        printf("sensevm: no container to run\n");
        for (;;)
            port.hal.sleep_until(&port, UINT64_MAX);
    }
    uint8_t seen[SVM_BOARD_CONTAINERS];
    for (unsigned k = 0; k < SVM_BOARD_CONTAINERS; k++)
        seen[k] = SVM_K_ACTIVE;
    for (;;) {
        int r = svm_sched_step(&fw.sched);
        for (unsigned k = 0; k < SVM_BOARD_CONTAINERS; k++)
            if (booted[k])
                report(k, &seen[k]);
        if (r == SVM_STEP_FINISHED || r == SVM_STEP_STUCK) {
            printf("sensevm: all containers %s\n", r == SVM_STEP_FINISHED ? "finished" : "stuck");
            for (;;)
                __asm volatile("wfi");
        }
    }
}
