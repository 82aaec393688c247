/* SPDX-License-Identifier: MIT
 * fw_lua.c — Lua 5.4 (Debian's lua5.4 source, scripts/fetch-lua-src.sh) on the Cortex-M4
 * board, for bench/target/run.sh: runs the Lua program that QEMU's `-device loader` put in
 * the image inbox (0x00300000, NUL-terminated text) with the base, coroutine, string,
 * table and math libraries. The program is parsed first; bench_start()/bench_stop()
 * bracket only its run (lua_pcall), as fw_bench.c brackets Sense-VM's run of an image
 * already validated and installed. The allocator counts the largest heap Lua ever held.
 * Exit status 0 when the program ran without error.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lauxlib.h"
#include "lua.h"
#include "lualib.h"

#define INBOX 0x00300000u
#define INBOX_SIZE 0x00100000u

/* Marks for the instruction-counting QEMU plugin (bench/target/insncount.c). */
__attribute__((noinline)) void bench_start(void) { __asm volatile("" ::: "memory"); }
__attribute__((noinline)) void bench_stop(void) { __asm volatile("" ::: "memory"); }

static size_t cur, peak;

static void *counting_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    (void)ud;
    if (ptr == NULL)
        osize = 0; /* osize is then the kind of object, not a size */
    if (nsize == 0) {
        free(ptr);
        cur -= osize;
        return NULL;
    }
    void *p = realloc(ptr, nsize);
    if (p != NULL) {
        cur = cur - osize + nsize;
        if (cur > peak)
            peak = cur;
    }
    return p;
}

int main(void)
{
    const char *src = (const char *)(uintptr_t)INBOX;
    size_t n = strnlen(src, INBOX_SIZE);
    if (n == 0 || n == INBOX_SIZE) {
        fprintf(stderr, "fw_lua: no program in the inbox (-device loader,file=P.lua,addr=0x%x)\n",
                INBOX);
        return 1;
    }
    lua_State *L = lua_newstate(counting_alloc, NULL);
    if (L == NULL)
        return 1;
    static const luaL_Reg libs[] = {{LUA_GNAME, luaopen_base},
                                    {LUA_COLIBNAME, luaopen_coroutine},
                                    {LUA_STRLIBNAME, luaopen_string},
                                    {LUA_TABLIBNAME, luaopen_table},
                                    {LUA_MATHLIBNAME, luaopen_math}};
    for (size_t i = 0; i < sizeof libs / sizeof libs[0]; i++) {
        luaL_requiref(L, libs[i].name, libs[i].func, 1);
        lua_pop(L, 1);
    }
    if (luaL_loadbuffer(L, src, n, "=inbox") != LUA_OK) {
        fprintf(stderr, "fw_lua: %s\n", lua_tostring(L, -1));
        return 1;
    }
    bench_start();
    int rc = lua_pcall(L, 0, 0, 0);
    bench_stop();
    if (rc != LUA_OK) {
        fprintf(stderr, "fw_lua: %s\n", lua_tostring(L, -1));
        return 1;
    }
    fprintf(stderr, "fw_lua: peak heap %lu bytes\n", (unsigned long)peak);
    lua_close(L);
    return 0;
}
