/* SPDX-License-Identifier: MIT */
/* Plain-text rendering of a guide. Every string passes through text_sanitize() and is wrapped
 * with text_wrap(), so the output holds no control bytes and no line is wider than asked. */
#include "guide_print.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "guide.h"
#include "text.h"
#include "xalloc.h"

struct printer {
    FILE *out;
    int width;
    unsigned flags;
    bool started; /* something was printed: headings get a blank line above */
};

/* Writes already sanitised text s wrapped to `width` columns, every line after `indent`
 * spaces. */
static void put_lines(const struct printer *p, const char *s, size_t len, int indent)
{
    struct text_line *lines;
    size_t n = text_wrap(s, len, p->width - indent, &lines);
    for (size_t i = 0; i < n; i++) {
        if (lines[i].len > 0) {
            fprintf(p->out, "%*s", indent, "");
        }
        fwrite(s + lines[i].start, 1, lines[i].len, p->out);
        fputc('\n', p->out);
    }
    free(lines);
}

/* Writes text wrapped to the page. The first line starts with `first` (safe text: our own or
 * sanitised), the following ones with as many spaces as it is wide. When that would leave
 * fewer than 16 columns, `first` gets lines of its own and the text follows indented by 2. */
static void put_wrapped(const struct printer *p, const char *text, const char *first)
{
    size_t len;
    char *s = text_sanitize(text, strlen(text), p->flags, &len);
    int indent = first != NULL ? text_width(first, strlen(first)) : 0;
    if (first != NULL && indent > p->width - 16) {
        put_lines(p, first, strlen(first), 0);
        put_lines(p, s, len, 2);
        free(s);
        return;
    }
    struct text_line *lines;
    size_t n = text_wrap(s, len, p->width - indent, &lines);
    for (size_t i = 0; i < n; i++) {
        if (i == 0 && first != NULL) {
            fputs(first, p->out);
        } else if (lines[i].len > 0) {
            fprintf(p->out, "%*s", indent, "");
        }
        fwrite(s + lines[i].start, 1, lines[i].len, p->out);
        fputc('\n', p->out);
    }
    free(lines);
    free(s);
}

/* A heading, wrapped when wider than the page, underlined to its widest line. */
static void put_heading(struct printer *p, const char *title, char rule)
{
    size_t len;
    char *s = text_sanitize(title, strlen(title), p->flags | TEXT_ONE_LINE, &len);
    struct text_line *lines;
    size_t n = text_wrap(s, len, p->width, &lines);
    int widest = 0;
    fputs(p->started ? "\n" : "", p->out);
    p->started = true;
    for (size_t i = 0; i < n; i++) {
        fwrite(s + lines[i].start, 1, lines[i].len, p->out);
        fputc('\n', p->out);
        widest = lines[i].width > widest ? lines[i].width : widest;
    }
    for (int i = 0; i < widest; i++) {
        fputc(rule, p->out);
    }
    fputc('\n', p->out);
    free(lines);
    free(s);
}

/* "  Label          text" for one stat, labels padded to a common column. */
static void put_stat(const struct printer *p, const struct guide_stat *st)
{
    if (!st->present) {
        return;
    }
    size_t len;
    char *label = text_sanitize(st->label, strlen(st->label), p->flags | TEXT_ONE_LINE, &len);
    int pad = 16 - text_width(label, len);
    char *first = xasprintf("  %s%*s ", label, pad > 0 ? pad : 0, "");
    free(label);
    put_wrapped(p, st->text, first);
    free(first);
}

static void print_info(struct printer *p, const struct guide *g)
{
    put_heading(p, g->title, '=');
    if (g->intro != NULL) {
        fputc('\n', p->out);
        put_wrapped(p, g->intro, NULL);
    }
    const struct guide_stats *st = &g->stats;
    if (st->salary.present || st->growth.present || st->time.present || st->difficulty.present) {
        fputc('\n', p->out);
        put_stat(p, &st->salary);
        put_stat(p, &st->growth);
        put_stat(p, &st->time);
        put_stat(p, &st->difficulty);
    }
    for (size_t i = 0; i < g->n_overview; i++) {
        put_heading(p, g->overview[i].title, '-');
        fputc('\n', p->out);
        put_wrapped(p, g->overview[i].text, NULL);
    }
}

static void print_path(struct printer *p, const struct guide *g)
{
    put_heading(p, g->path_title, '-');
    for (size_t i = 0; i < g->n_phases; i++) {
        const struct guide_phase *ph = &g->phases[i];
        char *title = ph->start_month > 0 ? xasprintf("%s (Months %d-%d)", ph->title,
                                                      ph->start_month, ph->end_month)
                                          : xstrdup(ph->title);
        char prefix[32];
        snprintf(prefix, sizeof prefix, "%zu. ", i + 1);
        fputc('\n', p->out);
        put_wrapped(p, title, prefix);
        free(title);
        if (ph->duration != NULL) {
            put_wrapped(p, ph->duration, "   Duration: ");
        }
        fputc('\n', p->out);
        if (ph->summary != NULL) {
            put_wrapped(p, ph->summary, "   ");
            fputc('\n', p->out);
        }
        if (ph->actions_title != NULL) {
            put_wrapped(p, ph->actions_title, "   ");
        }
        for (size_t j = 0; j < ph->n_actions; j++) {
            /* A sub-action is indented under its parent. */
            char bullet[64];
            unsigned depth = ph->actions[j].depth < 8 ? ph->actions[j].depth : 8;
            snprintf(bullet, sizeof bullet, "   %*s- ", (int)depth * 2, "");
            const struct guide_action *a = &ph->actions[j];
            char *text = a->personal ? xasprintf("%s (mine)", a->text) : NULL;
            put_wrapped(p, text != NULL ? text : a->text, bullet);
            free(text);
        }
    }
}

static void print_certs(struct printer *p, const struct guide *g)
{
    put_heading(p, g->certs_title, '-');
    for (size_t i = 0; i < g->n_certs; i++) {
        const struct guide_cert *c = &g->certs[i];
        fputc('\n', p->out);
        put_wrapped(p, c->name, NULL);
        put_wrapped(p, c->issuer, "  Issuer: ");
        put_wrapped(p, c->description, "  ");
    }
}

static void print_faq(struct printer *p, const struct guide *g)
{
    put_heading(p, g->faq_title, '-');
    for (size_t i = 0; i < g->n_faqs; i++) {
        fputc('\n', p->out);
        put_wrapped(p, g->faqs[i].question, "Q: ");
        put_wrapped(p, g->faqs[i].answer, "A: ");
    }
}

int guide_print(const struct guide *g, int width, unsigned text_flags, FILE *out)
{
    struct printer p = {.out = out, .width = width < 20 ? 20 : width, .flags = text_flags};
    print_info(&p, g);
    if (g->n_phases > 0) {
        print_path(&p, g);
    }
    if (g->n_certs > 0) {
        print_certs(&p, g);
    }
    if (g->n_faqs > 0) {
        print_faq(&p, g);
    }
    if (g->cta != NULL) {
        put_heading(&p, g->cta->title, '-');
        fputc('\n', out);
        put_wrapped(&p, g->cta->text, NULL);
        if (g->cta->button != NULL) {
            fputc('\n', out);
            put_wrapped(&p, g->cta->button, "> ");
        }
    }
    return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}
