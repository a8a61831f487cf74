/* SPDX-License-Identifier: MIT */
/* md4c_scan: the floor for any md4c-based loader. Reads the file into memory, then runs
 * md_parse() over it with callbacks that only count (with the flags trail parses a plan with).
 * Prints the count so the work cannot be optimised away.
 *
 * Usage: md4c_scan FILE (exit 1 on a read or parse error) */
#include <md4c.h>
#include <stdio.h>
#include <stdlib.h>

#include "guide_md.h"

static unsigned long count;

static int on_block(MD_BLOCKTYPE type, void *detail, void *user)
{
    (void)type, (void)detail, (void)user;
    count++;
    return 0;
}

static int on_span(MD_SPANTYPE type, void *detail, void *user)
{
    (void)type, (void)detail, (void)user;
    count++;
    return 0;
}

static int on_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *user)
{
    (void)type, (void)text, (void)size, (void)user;
    count++;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: md4c_scan FILE\n", stderr);
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (f == NULL) {
        perror(argv[1]);
        return 1;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf != NULL) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap) {
            break;
        }
        cap *= 2;
        char *nb = realloc(buf, cap);
        if (nb == NULL) {
            free(buf);
        }
        buf = nb;
    }
    fclose(f);
    if (buf == NULL) {
        fputs("md4c_scan: out of memory\n", stderr);
        return 1;
    }
    MD_PARSER parser = {
        .flags = GUIDE_MD_PARSER_FLAGS,
        .enter_block = on_block,
        .leave_block = on_block,
        .enter_span = on_span,
        .leave_span = on_span,
        .text = on_text,
    };
    int rc = md_parse(buf, (MD_SIZE)n, &parser, NULL);
    free(buf);
    printf("%lu\n", count);
    return rc == 0 ? 0 : 1;
}
