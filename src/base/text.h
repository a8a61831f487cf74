/* SPDX-License-Identifier: MIT */
/* Untrusted text made safe and measurable for a terminal, and wrapped by display width.
 *
 * Every string that reaches the screen (or --print output) goes through text_sanitize() first.
 * Its output is valid UTF-8 in which every code point has wcwidth() >= 0: no C0 control (CR and
 * BS included), no DEL, no C1 control, no bidi control and no invisible zero-width character.
 * Code point by code point:
 *   - '\n' is kept (it separates lines); with TEXT_ONE_LINE it becomes a space.
 *   - TAB becomes a space; any other C0 byte c becomes the control picture U+2400 + c (ESC ->
 *     U+241B, NUL -> U+2400, CR -> U+240D); DEL becomes U+2421. The bytes after an ESC are
 *     ordinary characters, so "\e[31m" shows as "\u241B[31m" and does nothing.
 *   - C1 controls (U+0080-U+009F), bidi controls (U+061C, U+200E-U+200F, U+202A-U+202E,
 *     U+2066-U+2069) and every code point wcwidth() calls non-printable (unassigned, U+2028,
 *     U+FFFE, ...) become U+FFFD, as does each byte of invalid UTF-8 (one U+FFFD per byte;
 *     overlong forms, surrogates and truncated sequences are invalid).
 *   - U+00AD, U+180E, U+200B-U+200D, U+2060 and U+FEFF are dropped.
 *   - Combining marks (wcwidth 0) are kept after their base; one first on a line (at the start
 *     of the text, after a '\n', or after only dropped characters) gets U+25CC as its base.
 * Sanitising is total (any bytes in) and idempotent: sanitising the output again with the same
 * flags returns it unchanged. The output holds no NUL, so it is also a C string.
 *
 * Widths are terminal columns as wcwidth() counts them for the current LC_CTYPE (the caller
 * must have called setlocale()). In a non-UTF-8 locale pass TEXT_ASCII: every non-ASCII code
 * point that is not dropped (placeholders and marks included) becomes one '?', so the output is
 * printable ASCII plus '\n'. */
#ifndef TRAIL_TEXT_H
#define TRAIL_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum text_flags {
    TEXT_ONE_LINE = 1u << 0, /* '\n' becomes a space too */
    TEXT_ASCII = 1u << 1,    /* non-ASCII becomes '?' */
};

/* Decodes the UTF-8 sequence at s (n > 0 bytes available). Returns the bytes consumed (>= 1)
 * and sets *cp, or returns 1 and sets *cp to UINT32_MAX for an invalid or truncated sequence
 * (overlong forms, surrogates and code points above U+10FFFF are invalid). */
size_t text_utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Encodes cp (<= U+10FFFF) into out (room for 4 bytes); returns the byte count. */
size_t text_utf8_encode(uint32_t cp, char *out);

/* True when the n bytes at s are valid UTF-8. On false, *bad (if not NULL) gets the offset of
 * the first invalid byte. */
bool text_utf8_valid(const char *s, size_t n, size_t *bad);

/* Joins the n strings of parts into buf as snprintf() would write them one after another:
 * returns the joined length, and writes what fits below size, NUL-terminated (size may be 0,
 * buf then NULL, to learn the length). For text built on a hot path, where snprintf's format
 * parsing costs more than the copying. */
size_t text_join(char *buf, size_t size, const char *const *parts, size_t n);

/* Returns a new sanitised copy of the len bytes at s (s may hold NUL bytes), NUL-terminated;
 * caller frees. *out_len (if not NULL) gets its length without the NUL. Never fails (aborts on
 * out-of-memory). */
char *text_sanitize(const char *s, size_t len, unsigned flags, size_t *out_len);

/* What text_sanitize() draws for one decoded code point cp (UINT32_MAX for an invalid byte;
 * never '\n'), without TEXT_ASCII's '?': the code point drawn, or TEXT_SANITIZE_DROP when cp is
 * dropped. prev is the code point drawn before it on the line (0 when none, and always 0 for
 * TEXT_ASCII output). *zero_width is set when the result is a combining mark. For code that
 * must follow the sanitiser's output from the original text (search highlights). */
#define TEXT_SANITIZE_DROP UINT32_MAX
uint32_t text_sanitize_cp(uint32_t cp, uint32_t prev, bool *zero_width);

/* Display width in columns of sanitised text: the sum of wcwidth() over its code points. A '\n'
 * counts 0; on unsanitised input an invalid byte or a non-printable code point counts 1 (what
 * U+FFFD would take). Saturates at INT_MAX. */
int text_width(const char *s, size_t len);

/* The columns untrusted NUL-terminated s takes once sanitised with flags (TEXT_ONE_LINE and
 * TEXT_ASCII as the caller draws it). */
int text_untrusted_width(const char *s, unsigned flags);

/* The number of bytes of sanitised text s that fit in max_cols columns, never splitting a
 * character or separating a combining mark from its base (marks after the last character that
 * fits are included; a wide character that would need one column more is left out). Stops
 * before the first '\n'. *cols (if not NULL) gets their width (<= max_cols; 0 when
 * max_cols <= 0). */
size_t text_fit(const char *s, size_t len, int max_cols, int *cols);

/* The bytes of sanitised text s (len bytes, one line) to keep before an ellipsis when it is cut
 * to max_cols columns: what text_fit() keeps, shortened to a word's end when one is in the
 * last half ("basic software", not "basic software engineering pra"), without the spaces
 * before it nor a word of punctuation alone ("Production &"). */
size_t text_fit_words(const char *s, size_t len, int max_cols);

/* The marks trail puts in text it builds: between two facts on one line (" · ", " - " for
 * TEXT_ASCII output) and where text is cut ("…", "..."). One place decides them, so that every
 * screen and report reads alike and the layout can find a line's separators. */
const char *text_sep(unsigned flags);
const char *text_ellipsis(unsigned flags);

/* One wrapped line: a byte range of the sanitised text (never holding '\n') and its width in
 * columns. A line never ends in a space. */
struct text_line {
    size_t start, len;
    int width;
};

/* Wraps sanitised text greedily to `width` columns (a width below 1 counts as 1).
 *   - Lines break at runs of ' ' (U+0020 only, and not one carrying a combining mark; U+00A0
 *     and other spaces never break); the run at a soft break belongs to neither line. Spaces
 *     at the start of a paragraph (indentation) are kept unless the first word does not fit
 *     after them; spaces at its end are dropped.
 *   - A word that does not fit on the current line starts the next one; a word wider than a
 *     whole line is then broken at a cluster boundary, filling each line. A combining mark is
 *     never separated from its base and a wide character never straddles the edge: it moves to
 *     the next line. Only a single character wider than `width` (a 2-column character at width
 *     1) overflows: it gets a line of its own whose width exceeds `width`.
 *   - Each '\n' ends a line, so "\n\n" gives an empty line between paragraphs and a line of
 *     only spaces gives an empty line; a trailing '\n' adds no empty line after it.
 * O(n) in len. Returns the number of lines and stores a new array in *lines (caller frees);
 * empty text gives 0 lines and *lines = NULL. */
size_t text_wrap(const char *s, size_t len, int width, struct text_line **lines);

#endif
