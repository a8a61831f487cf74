/* SPDX-License-Identifier: MIT */
/* Shared by the libFuzzer harnesses and by the replay driver that runs their inputs in the normal
 * build. Harnesses are shaped like the fuzzers in tmux (fuzz/input-fuzzer.c): initialise once,
 * bound the input, work on a NUL-terminated copy. A property that does not hold aborts with a
 * message naming it, so libFuzzer (or the replay test) reports the input that broke it. */
#ifndef TRAIL_FUZZ_COMMON_H
#define TRAIL_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

/* The harness entry points (libFuzzer's names). */
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Aborts with "property failed: what" when cond is false. */
#define FUZZ_CHECK(cond, what) fuzz_check((cond), (what), __FILE__, __LINE__)
void fuzz_check(int cond, const char *what, const char *file, int line);

/* Sets LC_ALL to C.UTF-8 (widths are then wcwidth()'s in a UTF-8 locale); aborts if the
 * system has no UTF-8 locale, since every width property would be meaningless. */
void fuzz_init_locale(void);

/* Makes a new directory "$TMPDIR/trail-fuzz-XXXXXX" (/tmp when TMPDIR is not absolute) and
 * writes its path to dir (size bytes, 64 are enough); aborts naming who when it cannot. */
void fuzz_make_dir(char *dir, size_t size, const char *who);

/* True when the property named id is listed in $TRAIL_FUZZ_SKIP (comma-separated): how a known,
 * reported and still open finding is kept from stopping every fuzz run. docs/security.md lists
 * the ids in use and what they stand for. */
int fuzz_skipped(const char *id);

/* A NUL-terminated copy of the input; caller frees. */
char *fuzz_copy(const uint8_t *data, size_t size);

/* Checks that the len bytes at s could be written to a terminal: no NUL, no C0 control but '\n'
 * (none at all when one_line), no DEL, no C1 control, no bidi control and no zero-width character
 * text_sanitize() drops; and valid UTF-8 unless utf8_id names a skipped property. */
void fuzz_check_terminal_safe(const char *s, size_t len, int one_line, const char *utf8_id,
                              const char *what);

/* Checks every message of d as it would be printed (diag_format) with
 * fuzz_check_terminal_safe() (property "diag-raw"), and, when located is set, that every error
 * about a file has a line and a column. */
void fuzz_check_diag(const struct diag *d, int located);

#endif
