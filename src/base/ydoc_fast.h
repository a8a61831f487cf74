/* SPDX-License-Identifier: MIT */
/* A reader of the block YAML that libyaml's emitter writes for trail (the progress file, its
 * undo records and resume positions), without libyaml: that YAML is mostly short keys and
 * values one per line, and libyaml spends about a hundred instructions on each byte of it.
 *
 * It gives the events libyaml's parser gives for the same text, with the same marks (line,
 * and column in characters), or gives up on the first line it does not take, and the text is
 * then read by libyaml. It takes a subset of block YAML only (ydoc_fast.c says which), and no
 * text that libyaml would refuse. */
#ifndef TRAIL_YDOC_FAST_H
#define TRAIL_YDOC_FAST_H

#include <stddef.h>
#include <yaml.h>

/* Sends the events of the document in the len bytes of buf to emit, from the first
 * collection's start to its end (no stream or document events). Returns 1 when it read it all;
 * 0 when it gave up (the events sent so far must be dropped); -1 when emit returned a
 * negative value, which stops it. */
int ydoc_fast_read(const char *buf, size_t len, int (*emit)(void *, const yaml_event_t *),
                   void *ctx);

#endif
