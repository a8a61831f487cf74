/* SPDX-License-Identifier: MIT */
/* gen_guide: writes a synthetic trail guide of about a given size, for the benchmarks.
 *
 * The guide is valid for `trail --check` (docs/content-format.md): guide.yaml with every key,
 * a career path of many phases with many key actions, certifications, and thousands of FAQ
 * entries whose answers are paragraphs of varied words, some of them non-ASCII (accented
 * Latin, Greek, Cyrillic, CJK). About 90% of the bytes are FAQ answers, as in a real guide
 * that grows. Every scalar stays far below the loader's 64 KiB limit and every line below 100
 * columns. The text is synthetic and says so; it is generated from a fixed seed, so the same
 * size always gives the same files.
 *
 * Usage: gen_guide DIR MEGABYTES  (DIR is created if missing; MEGABYTES may be fractional) */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define GEN_LINE_WIDTH 84 /* bytes per folded line, before indentation: under 100 columns */
#define GEN_QUOTED_MAX 70 /* bytes in a short quoted text */

/* A vocabulary of plain ASCII words, mixed with accented, Greek, Cyrillic and CJK ones so that
 * folding and column counting have work to do. */
static const char *const gen_ascii[] = {
    "model",      "data",     "pipeline",  "training",  "inference",    "feature",
    "deployment", "latency",  "gradient",  "tensor",    "batch",        "cluster",
    "monitoring", "drift",    "schema",    "registry",  "container",    "kubernetes",
    "python",     "pandas",   "numpy",     "pytorch",   "tensorflow",   "evaluation",
    "accuracy",   "recall",   "precision", "embedding", "transformer",  "attention",
    "vector",     "search",   "index",     "scalable",  "reliable",     "production",
    "experiment", "notebook", "portfolio", "interview", "system",       "design",
    "throughput", "hardware", "GPU",       "TPU",       "quantization", "serving",
    "the",        "a",        "of",        "and",       "to",           "in",
    "with",       "for",      "on",        "is",        "are",          "that",
    "when",       "each",     "every",     "more",      "than",         "into",
};
#define GEN_N_ASCII (sizeof gen_ascii / sizeof gen_ascii[0])

/* About one word in ten comes from here. */
static const char *const gen_other[] = {
    "café",   "naïve",  "résumé", "Straße", "façade",   "señor",    "coöperate", "Øresund",
    "Łódź",   "œuvre",  "Ærø",    "déjà",   "Αθήνα",    "δεδομένα", "μοντέλο",   "Ελλάδα",
    "данные", "модель", "Москва", "ёлка",   "обучение", "機械学習", "データ",    "模型",
};
#define GEN_N_OTHER (sizeof gen_other / sizeof gen_other[0])

struct gen {
    uint64_t rng;
    const char *dir;
};

static uint64_t gen_next(struct gen *g)
{
    /* xorshift64*: fast, deterministic, good enough for word choice. */
    g->rng ^= g->rng >> 12;
    g->rng ^= g->rng << 25;
    g->rng ^= g->rng >> 27;
    return g->rng * 2685821657736338717ull;
}

static unsigned gen_below(struct gen *g, unsigned n)
{
    return (unsigned)(gen_next(g) >> 33) % n;
}

static const char *gen_word(struct gen *g)
{
    if (gen_below(g, 10) == 0) {
        return gen_other[gen_below(g, GEN_N_OTHER)];
    }
    return gen_ascii[gen_below(g, GEN_N_ASCII)];
}

static FILE *gen_open(const struct gen *g, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", g->dir, name);
    FILE *f = fopen(path, "w");
    if (f == NULL) {
        fprintf(stderr, "gen_guide: cannot write %s: %s\n", path, strerror(errno));
        exit(1);
    }
    return f;
}

static void gen_close(FILE *f, const char *name)
{
    if (ferror(f) || fclose(f) != 0) {
        fprintf(stderr, "gen_guide: error writing %s\n", name);
        exit(1);
    }
}

/* Writes a folded (>-) block of about `bytes` bytes of words, indented by `indent` spaces. The
 * first word is capitalised-free on purpose: a folded plain word never needs quoting. Returns
 * the bytes written. */
static size_t gen_paragraph(struct gen *g, FILE *f, int indent, size_t bytes)
{
    size_t written = 0, col = 0;
    fputs(">-\n", f);
    while (written < bytes) {
        const char *w = gen_word(g);
        size_t len = strlen(w);
        if (col == 0) {
            fprintf(f, "%*s%s", indent, "", w);
            col = len;
        } else if (col + 1 + len > GEN_LINE_WIDTH) {
            fprintf(f, "\n%*s%s", indent, "", w);
            col = len;
        } else {
            fprintf(f, " %s", w);
            col += 1 + len;
        }
        written += len + 1;
    }
    fputs(gen_below(g, 8) == 0 ? ".\n" : " end.\n", f);
    return written;
}

/* A short double-quoted text of up to n words (no word in the vocabulary needs escaping). */
static void gen_words_quoted(struct gen *g, FILE *f, unsigned n)
{
    size_t used = 0;
    fputc('"', f);
    for (unsigned i = 0; i < n; i++) {
        const char *w = gen_word(g);
        if (i > 0 && used + 1 + strlen(w) > GEN_QUOTED_MAX) {
            break;
        }
        fprintf(f, "%s%s", i ? " " : "", w);
        used += strlen(w) + (i > 0);
    }
    fputc('"', f);
}

static void gen_info(struct gen *g)
{
    FILE *f = gen_open(g, "guide.yaml");
    fputs("# A synthetic guide written by bench/gen_guide for the benchmarks.\n"
          "format: 1\n"
          "id: bench-synthetic\n"
          "title: \"Synthetic Benchmark Guide\"\n"
          "short_title: \"Synthetic\"\n"
          "intro: ",
          f);
    gen_paragraph(g, f, 2, 400);
    fputs("stats:\n"
          "  salary:\n    label: \"Avg. Salary\"\n    text: \"$1 - $2\"\n"
          "    min: 1\n    max: 2\n    currency: USD\n"
          "  growth:\n    label: \"Job Growth\"\n    text: \"+1% by 2030\"\n"
          "    percent: 1\n    by_year: 2030\n"
          "  time_to_career:\n    label: \"Time to Career\"\n    text: \"1-2 months\"\n"
          "    min_months: 1\n    max_months: 2\n"
          "  difficulty:\n    label: \"Difficulty\"\n    text: \"Advanced\"\n"
          "    level: advanced\n"
          "overview:\n",
          f);
    for (int i = 0; i < 4; i++) {
        fprintf(f, "  - title: \"Synthetic overview block %d\"\n    text: ", i + 1);
        gen_paragraph(g, f, 6, 600);
    }
    fputs("call_to_action:\n  title: \"Synthetic closing\"\n  text: ", f);
    gen_paragraph(g, f, 4, 200);
    fputs("  button: \"Start\"\n", f);
    gen_close(f, "guide.yaml");
}

static void gen_path(struct gen *g, size_t bytes)
{
    FILE *f = gen_open(g, "career-path.yaml");
    fputs("title: \"Career Path\"\nphases:\n", f);
    size_t done = 0;
    for (unsigned p = 0; p == 0 || done < bytes; p++) {
        unsigned month = p % 600 + 1;
        long start = ftell(f);
        fprintf(f,
                "  - id: phase-%u\n    title: \"Synthetic phase %u\"\n"
                "    start_month: %u\n    end_month: %u\n    duration: \"1 month\"\n"
                "    summary: ",
                p, p + 1, month, month);
        gen_paragraph(g, f, 6, 300);
        fputs("    actions_title: \"Key Actions\"\n    actions:\n", f);
        for (unsigned a = 0; a < 60; a++) {
            fprintf(f, "      - id: phase-%u/action-%u\n        text: ", p, a);
            gen_words_quoted(g, f, 4 + gen_below(g, 6));
            fputc('\n', f);
        }
        done += (size_t)(ftell(f) - start);
    }
    gen_close(f, "career-path.yaml");
}

/* Writes one entry of a list file (entry i). */
typedef void gen_entry_fn(struct gen *g, FILE *f, unsigned i);

/* Writes file `name`: the header, then entries until about `bytes` of them (one at least). */
static void gen_list(struct gen *g, const char *name, const char *header, size_t bytes,
                     gen_entry_fn *entry)
{
    FILE *f = gen_open(g, name);
    fputs(header, f);
    size_t done = 0;
    for (unsigned i = 0; i == 0 || done < bytes; i++) {
        long start = ftell(f);
        entry(g, f, i);
        done += (size_t)(ftell(f) - start);
    }
    gen_close(f, name);
}

static void gen_cert(struct gen *g, FILE *f, unsigned c)
{
    fprintf(f, "  - id: cert-%u\n    name: \"Synthetic certificate %u\"\n    issuer: ", c, c + 1);
    gen_words_quoted(g, f, 3);
    fputs("\n    description: ", f);
    gen_paragraph(g, f, 6, 250);
}

static void gen_question(struct gen *g, FILE *f, unsigned q)
{
    fprintf(f, "  - id: question-%u\n    question: ", q);
    gen_words_quoted(g, f, 4 + gen_below(g, 6));
    fputs("\n    answer: ", f);
    gen_paragraph(g, f, 6, 300 + gen_below(g, 900));
    fputc('\n', f);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fputs("Usage: gen_guide DIR MEGABYTES\n", stderr);
        return 2;
    }
    char *end;
    double mb = strtod(argv[2], &end);
    if (*end != '\0' || !(mb > 0.0) || mb > 60.0) {
        fprintf(stderr, "gen_guide: MEGABYTES must be a number in (0, 60], not '%s'\n", argv[2]);
        return 2;
    }
    if (mkdir(argv[1], 0755) < 0 && errno != EEXIST) {
        fprintf(stderr, "gen_guide: cannot create %s: %s\n", argv[1], strerror(errno));
        return 1;
    }
    struct gen g = {.rng = 0x9e3779b97f4a7c15ull, .dir = argv[1]};
    size_t total = (size_t)(mb * 1e6);
    gen_info(&g);
    gen_path(&g, total / 20);
    gen_list(&g, "certifications.yaml", "title: \"Recommended Certifications\"\ncertifications:\n",
             total / 20, gen_cert);
    gen_list(&g, "faq.yaml", "title: \"Frequently Asked Questions\"\nquestions:\n",
             total - 2 * (total / 20) - 4000, gen_question);
    return 0;
}
