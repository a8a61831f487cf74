/* SPDX-License-Identifier: MIT */
/* Block YAML put together by hand, for the files trail writes in one fixed shape without
 * libyaml's emitter: the journal's lines (progress_journal.c) and the shell's undo records
 * (undo_record.c). A scalar is written plain when it reads back as exactly itself, else
 * double-quoted with every character YAML would read differently escaped; either way libyaml
 * reads the same string back (tests/unit/test_yaml_out.c checks it). */
#ifndef TRAIL_YAML_OUT_H
#define TRAIL_YAML_OUT_H

#include <stdbool.h>
#include <stddef.h>

/* Text being written: *buf (malloc'ed, NUL-terminated past *len, grown as needed) holds *len
 * bytes in *cap. The fields point at the owner's, so that a structure can keep its text. */
struct yaml_out {
    char **buf;
    size_t *len, *cap;
};

/* Whether the len bytes at s read as exactly themselves as a plain YAML scalar in a block
 * sequence or as a mapping key, with room to spare: printable ASCII without the characters
 * that start or end YAML syntax, and no word a reader could take for a null or a boolean. */
bool yaml_out_plain_safe(const char *s, size_t len);

/* Appends the n bytes at s as they are. */
void yaml_out_put(struct yaml_out *o, const char *s, size_t n);

/* Appends the len bytes at s (valid UTF-8) as a scalar: plain when yaml_out_plain_safe(),
 * else double-quoted. */
void yaml_out_scalar(struct yaml_out *o, const char *s, size_t len);

#endif
