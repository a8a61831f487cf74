/* Untrusted text made safe and measurable for a terminal, and wrapped by display width.
 *
 * Every string that reaches the screen (or --print output) goes through text_sanitize() first:
 * its output is valid UTF-8 holding no C0 control (CR, BS and TAB included; TAB becomes a
 * space), no DEL, no C1 control, no bidi control (U+061C, U+200E-200F, U+202A-202E,
 * U+2066-2069) and no zero-width or otherwise non-printable code point. Control bytes become
 * visible placeholders (U+2400 "control pictures", e.g. ESC -> U+241B, DEL -> U+2421; C1 ->
 * U+FFFD), bidi controls become U+FFFD, zero-width characters are dropped, invalid UTF-8 bytes
 * become U+FFFD, and a combining mark with no base gets U+25CC as its base. Sanitising is total
 * and idempotent. '\n' is kept (it separates lines) unless TEXT_ONE_LINE is given.
 *
 * Widths are terminal columns as wcwidth() counts them for the current LC_CTYPE (the caller
 * must have called setlocale()). With TEXT_ASCII (a non-UTF-8 locale) every non-ASCII
 * character becomes '?', so the output is plain printable ASCII. */
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

/* Returns a new sanitised copy of the len bytes at s (caller frees); *out_len (if not NULL)
 * gets its length. Never fails (aborts on out-of-memory). */
char *text_sanitize(const char *s, size_t len, unsigned flags, size_t *out_len);

/* Display width in columns of sanitised text (no '\n' expected; a '\n' counts 0). */
int text_width(const char *s, size_t len);

/* The number of bytes of sanitised text s that fit in max_cols columns, never splitting a
 * character or separating a combining mark from its base; *cols (if not NULL) gets their
 * width. */
size_t text_fit(const char *s, size_t len, int max_cols, int *cols);

/* One wrapped line: a byte range of the sanitised text and its width in columns. Trailing
 * spaces at a soft break are not part of the line. */
struct text_line {
    size_t start, len;
    int width;
};

/* Wraps sanitised text to `width` columns (width >= 1). Breaks after spaces; a word wider than
 * the line is broken at a character boundary; '\n' forces a break and "\n\n" gives an empty
 * line between paragraphs. A wide character never straddles the edge. Returns the number of
 * lines and stores a new array in *lines (caller frees); empty text gives 0 lines. */
size_t text_wrap(const char *s, size_t len, int width, struct text_line **lines);

#endif
