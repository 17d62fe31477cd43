/*
 * The check harness of the bridge's host self-tests: ok() counts and prints
 * failures with their line; selftest_finish() prints the "N passed, N failed"
 * line make check reads and gives the exit code.  The Makefile links every
 * bridge unix source into each self-test, so no entry point needs a stub.
 */
#ifndef SELFTEST_H
#define SELFTEST_H

#include <stdarg.h>
#include <stdio.h>

static unsigned int passed, failed;

#define ok(cond, ...) ok_(__LINE__, (cond), __VA_ARGS__)
static int ok_(int line, int cond, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int ok_(int line, int cond, const char *fmt, ...)
{
    va_list args;

    if (cond) { passed++; return 1; }
    failed++;
    printf("line %d: FAIL: ", line);
    va_start(args, fmt);
    vprintf(fmt, args);
    va_end(args);
    putchar('\n');
    return 0;
}

static int selftest_finish(void)
{
    printf("%u passed, %u failed\n", passed, failed);
    return failed != 0;
}

#endif
