/* bt.console as a C string (regen.sh) */
extern const char bt_console[];
const char bt_console[] =
    "Fatal error: exception Not_found\n"
    "in container 'bt' context 0\n"
    "svm-bt c44501ede10d92c0 0x38 r0x6a r0x7e r0x96 0xa3 r0xaf r0xc5\n"
    ;
