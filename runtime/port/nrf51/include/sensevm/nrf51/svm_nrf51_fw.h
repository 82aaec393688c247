/* SPDX-License-Identifier: MIT
 * svm_nrf51_fw.h — what the micro:bit firmware does with its flash at boot, as a library
 * that the firmware (nrf51_main.c) and the board tests share:
 *   1. inbox: container k's inbox (SVM_BOARD_INBOX + k * SVM_BOARD_INBOX_SIZE, where the
 *      combined .hex or a programmer puts a new image) holding an image that differs from
 *      the one container k boots is validated and installed into k's inactive slot; a bad
 *      one is refused with a console message and the old slot keeps running;
 *   2. boot: the newest committed, intact, re-validated slot of k (svl_boot_select) runs,
 *      in place, as a scheduled container whose memory comes from the container RAM pool;
 *      the scheduler refuses an image that claims a device the board lacks;
 *   3. the scheduler links the containers and runs them.
 * Messages ("container 0: ...") go through `say`; nothing here prints by itself.
 */
#ifndef SVM_NRF51_FW_H
#define SVM_NRF51_FW_H

#include <sensevm/vmsched.h>

#include <sensevm/nrf51/svm_nrf51.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The scheduler's slice budget and cost estimate on this chip (nrf51_fw.c). */
#define SVM_NRF51_FUEL 1000u
#define SVM_NRF51_NS_PER_FUEL 5000u

typedef struct svm_nrf51_fw {
    svm_nrf51_t *port;
    svm_sched_t sched;
    svm_box_t box[SVM_BOARD_CONTAINERS];
    svl_boot_t boot[SVM_BOARD_CONTAINERS];
    uint8_t *pool; /* container RAM (heap, stacks, contexts) */
    size_t pool_size, pool_used;
    uint8_t work[256]; /* the validator's scratch */
    void (*say)(void *user, const char *msg);
    void *user;
    svm_write_fn write;                     /* container output (NULL: the console) */
    void *write_user[SVM_BOARD_CONTAINERS]; /* its user argument, per container */
} svm_nrf51_fw_t;

/* Container k's A/B slots as pages of the port's flash window (which starts at
 * SVM_BOARD_SLOT_A), and its inbox's address. */
svl_slots_t svm_nrf51_slots(unsigned k);
const uint8_t *svm_nrf51_inbox(unsigned k);

void svm_nrf51_fw_init(svm_nrf51_fw_t *fw, svm_nrf51_t *port, void *pool, size_t pool_size);

/* Step 1 for container k. Returns 1 installed, 0 nothing to do (empty inbox, or its image
 * already boots), -1 refused (invalid image, or the install failed: the old slot stays). */
int svm_nrf51_fw_inbox(svm_nrf51_fw_t *fw, unsigned k);

/* Step 2 for container k (heap/stack 0 = the manifest's). Returns 0, or -1 (nothing
 * bootable, no RAM, refused by the scheduler) with the reason said. */
int svm_nrf51_fw_boot(svm_nrf51_fw_t *fw, unsigned k, uint32_t heap, uint32_t stack);

/* Step 3: link the added containers. 0 or -1 (said). */
int svm_nrf51_fw_link(svm_nrf51_fw_t *fw);

#ifdef __cplusplus
}
#endif
#endif
