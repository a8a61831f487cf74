/* SPDX-License-Identifier: MIT */
/* Configuration file reader. Line-oriented and forgiving: every problem is a located warning
 * and the line is skipped, because a typo in a config file must never stop the program. Lines
 * are bounded (4 KiB) and so is the file (64 KiB). */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "xalloc.h"

#define CONFIG_MAX_LINE 4096
#define CONFIG_MAX_SIZE (64 * 1024)

char *config_default_path(void)
{
    const char *xdg = getenv("XDG_CONFIG_HOME");
    if (xdg != NULL && xdg[0] == '/') {
        return xasprintf("%s/trail/config", xdg);
    }
    const char *home = getenv("HOME");
    if (home == NULL || home[0] == '\0') {
        return NULL;
    }
    return xasprintf("%s/.config/trail/config", home);
}

const char *config_theme_name(enum config_theme theme)
{
    switch (theme) {
    case CONFIG_THEME_DEFAULT:
        return "default";
    case CONFIG_THEME_LIGHT:
        return "light";
    case CONFIG_THEME_MONOCHROME:
        return "monochrome";
    }
    return "default";
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t') {
        s++;
    }
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) {
        s[--n] = '\0';
    }
    return s;
}

/* Printable ASCII only, for values echoed in warnings and names stored. */
static int is_plain(const char *s)
{
    for (; *s != '\0'; s++) {
        if ((unsigned char)*s < 0x21 || (unsigned char)*s > 0x7e) {
            return 0;
        }
    }
    return 1;
}

static void set_value(struct config *c, const char *key, const char *value, unsigned line,
                      unsigned kcol, unsigned vcol, struct diag *d)
{
    if (strcmp(key, "theme") == 0) {
        for (int t = CONFIG_THEME_DEFAULT; t <= CONFIG_THEME_MONOCHROME; t++) {
            if (strcmp(value, config_theme_name((enum config_theme)t)) == 0) {
                c->theme = (enum config_theme)t;
                return;
            }
        }
        diag_add(d, DIAG_WARNING, c->path, line, vcol,
                 "theme must be default, light or monochrome (line ignored)");
    } else if (strcmp(key, "guide") == 0) {
        free(c->guide);
        c->guide = xstrdup(value);
        c->guide_line = line;
        c->guide_col = vcol;
    } else if (strcmp(key, "hours_per_week") == 0) {
        char *end = NULL;
        long h = strtol(value, &end, 10);
        if (end == value || *end != '\0' || h < CONFIG_HOURS_MIN || h > CONFIG_HOURS_MAX) {
            diag_add(d, DIAG_WARNING, c->path, line, vcol,
                     "hours_per_week must be a whole number from %d to %d (line ignored)",
                     CONFIG_HOURS_MIN, CONFIG_HOURS_MAX);
            return;
        }
        c->hours_per_week = (unsigned)h;
    } else if (strcmp(key, "mouse") == 0) {
        if (strcmp(value, "on") == 0 || strcmp(value, "off") == 0) {
            c->mouse_off = strcmp(value, "off") == 0;
        } else {
            diag_add(d, DIAG_WARNING, c->path, line, vcol,
                     "mouse must be on or off (line ignored)");
        }
    } else if (strncmp(key, "key.", 4) == 0 && key[4] != '\0') {
        c->bindings = xreallocarray(c->bindings, c->n_bindings + 1, sizeof *c->bindings);
        c->bindings[c->n_bindings++] = (struct config_binding){.action = xstrdup(key + 4),
                                                               .key = xstrdup(value),
                                                               .line = line,
                                                               .action_col = kcol + 4,
                                                               .key_col = vcol};
    } else {
        diag_add(d, DIAG_WARNING, c->path, line, kcol, "unknown setting '%s' (line ignored)", key);
    }
}

static void parse_line(struct config *c, char *text, unsigned line, struct diag *d)
{
    char *s = trim(text);
    if (s[0] == '\0' || s[0] == '#') {
        return;
    }
    char *eq = strchr(s, '=');
    if (eq == NULL) {
        diag_add(d, DIAG_WARNING, c->path, line, (unsigned)(s - text) + 1,
                 "expected 'key = value' (line ignored)");
        return;
    }
    *eq = '\0';
    char *key = trim(s), *value = trim(eq + 1);
    unsigned vcol = (unsigned)(value - text) + 1;
    if (key[0] == '\0' || !is_plain(key)) {
        diag_add(d, DIAG_WARNING, c->path, line, (unsigned)(s - text) + 1,
                 "a setting name must be printable ASCII without spaces (line ignored)");
    } else if (value[0] == '\0' || !is_plain(value)) {
        diag_add(d, DIAG_WARNING, c->path, line, vcol,
                 "'%s' needs a value of printable ASCII without spaces (line ignored)", key);
    } else {
        set_value(c, key, value, line, (unsigned)(key - text) + 1, vcol, d);
    }
}

int config_load(struct config *c, const char *path, struct diag *d)
{
    *c = (struct config){0};
    FILE *f = fopen(path, "re");
    if (f == NULL) {
        if (errno == ENOENT || errno == ENOTDIR) {
            return 0;
        }
        diag_add(d, DIAG_WARNING, path, 0, 0, "cannot read: %s (using defaults)", strerror(errno));
        return -1;
    }
    c->path = xstrdup(path);
    char *buf = NULL;
    size_t cap = 0, total = 0;
    unsigned line = 0;
    ssize_t n;
    while ((n = getline(&buf, &cap, f)) > 0) {
        line++;
        total += (size_t)n;
        if (total > CONFIG_MAX_SIZE) {
            diag_add(d, DIAG_WARNING, path, line, 1, "file longer than 64 KiB; the rest ignored");
            break;
        }
        if (buf[n - 1] == '\n') {
            buf[--n] = '\0';
        }
        if (n > CONFIG_MAX_LINE) {
            diag_add(d, DIAG_WARNING, path, line, 1, "line longer than 4096 bytes (ignored)");
        } else if (memchr(buf, '\0', (size_t)n) != NULL || !text_utf8_valid(buf, (size_t)n, NULL)) {
            diag_add(d, DIAG_WARNING, path, line, 1, "not valid UTF-8 text (line ignored)");
        } else {
            parse_line(c, buf, line, d);
        }
    }
    free(buf);
    fclose(f);
    return 0;
}

void config_free(struct config *c)
{
    for (size_t i = 0; i < c->n_bindings; i++) {
        free(c->bindings[i].action);
        free(c->bindings[i].key);
    }
    free(c->bindings);
    free(c->guide);
    free(c->path);
    *c = (struct config){0};
}
