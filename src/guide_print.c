/* Plain-text rendering of a guide. Every string passes through text_sanitize() and is wrapped
 * with text_wrap(), so the output holds no control bytes and no line is wider than asked. */
#include "guide_print.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "guide.h"
#include "text.h"

struct printer {
    FILE *out;
    int width;
    unsigned flags;
    bool started; /* something was printed: headings get a blank line above */
};

/* Writes text wrapped to the printer's width, each line after `first` (the prefix of the first
 * line) or `indent` spaces (the following ones). The prefix's width is that of the indent. */
static void put_wrapped(const struct printer *p, const char *text, const char *first,
                        int indent)
{
    size_t len;
    char *s = text_sanitize(text, strlen(text), p->flags, &len);
    struct text_line *lines;
    int avail = p->width - indent > 10 ? p->width - indent : 10;
    size_t n = text_wrap(s, len, avail, &lines);
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
    char first[256];
    snprintf(first, sizeof first, "  %s%*s ", label, pad > 0 ? pad : 0, "");
    free(label);
    put_wrapped(p, st->text, first, 19);
}

static void print_info(struct printer *p, const struct guide *g)
{
    put_heading(p, g->title, '=');
    if (g->intro != NULL) {
        fputc('\n', p->out);
        put_wrapped(p, g->intro, NULL, 0);
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
        put_wrapped(p, g->overview[i].text, NULL, 0);
    }
}

static void print_path(struct printer *p, const struct guide *g)
{
    put_heading(p, g->path_title, '-');
    for (size_t i = 0; i < g->n_phases; i++) {
        const struct guide_phase *ph = &g->phases[i];
        char title[512], prefix[32];
        if (ph->start_month > 0) {
            snprintf(title, sizeof title, "%s (Months %d-%d)", ph->title, ph->start_month,
                     ph->end_month);
        } else {
            snprintf(title, sizeof title, "%s", ph->title);
        }
        snprintf(prefix, sizeof prefix, "\n%zu. ", i + 1);
        put_wrapped(p, title, prefix, 3);
        if (ph->duration != NULL) {
            put_wrapped(p, ph->duration, "   Duration: ", 13);
        }
        fputc('\n', p->out);
        put_wrapped(p, ph->summary, "   ", 3);
        fputc('\n', p->out);
        if (ph->actions_title != NULL) {
            put_wrapped(p, ph->actions_title, "   ", 3);
        }
        for (size_t j = 0; j < ph->n_actions; j++) {
            put_wrapped(p, ph->actions[j].text, "   - ", 5);
        }
    }
}

static void print_certs(struct printer *p, const struct guide *g)
{
    put_heading(p, g->certs_title, '-');
    for (size_t i = 0; i < g->n_certs; i++) {
        const struct guide_cert *c = &g->certs[i];
        fputc('\n', p->out);
        put_wrapped(p, c->name, NULL, 0);
        put_wrapped(p, c->issuer, "  Issuer: ", 10);
        put_wrapped(p, c->description, "  ", 2);
    }
}

static void print_faq(struct printer *p, const struct guide *g)
{
    put_heading(p, g->faq_title, '-');
    for (size_t i = 0; i < g->n_faqs; i++) {
        fputc('\n', p->out);
        put_wrapped(p, g->faqs[i].question, "Q: ", 3);
        put_wrapped(p, g->faqs[i].answer, "A: ", 3);
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
        put_wrapped(&p, g->cta->text, NULL, 0);
        if (g->cta->button != NULL) {
            fputc('\n', out);
            put_wrapped(&p, g->cta->button, "> ", 2);
        }
    }
    return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}
