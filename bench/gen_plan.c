/* SPDX-License-Identifier: MIT */
/* gen_plan: writes a deterministic Markdown learning plan of about SIZE megabytes, shaped like
 * the large plans on GitHub: a title and an introduction, headings nested four levels deep,
 * sections of task items with nested sub-items, links, emphasis, code spans, HTML comments
 * and non-ASCII text. For the load and first-frame figures of bench/run.sh.
 *
 * Usage: gen_plan FILE SIZE_MB */
#include <stdio.h>
#include <stdlib.h>

static const char *const words[] = {
    "gradient",  "tensor",  "pipeline", "kubernetes", "latency", "drift",    "feature",
    "cache",     "schema",  "cluster",  "embedding",  "vector",  "résumé",   "naïve",
    "façade",    "日本語",  "index",    "shard",      "replica", "window",   "checkpoint",
    "optimizer", "dataset", "label",    "metric",     "monitor", "rollback", "canary",
};
#define N_WORDS (sizeof words / sizeof words[0])

static unsigned long long state = 88172645463325252ULL;

static unsigned next(void)
{
    state ^= state << 13, state ^= state >> 7, state ^= state << 17;
    return (unsigned)(state >> 32);
}

static void phrase(FILE *f, int n)
{
    for (int i = 0; i < n; i++) {
        fprintf(f, "%s%s", i ? " " : "", words[next() % N_WORDS]);
    }
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fputs("usage: gen_plan FILE SIZE_MB\n", stderr);
        return 2;
    }
    FILE *f = fopen(argv[1], "w");
    if (f == NULL) {
        perror(argv[1]);
        return 1;
    }
    long target = atol(argv[2]) * 1024L * 1024L;
    fputs("# Generated Learning Plan\n\nA plan generated for the benchmark, with "
          "[a link](https://example.org/plan) and *emphasis*.\n",
          f);
    for (long sec = 1; ftell(f) < target; sec++) {
        int level = 2 + (int)(sec % 4);
        fprintf(f, "\n%.*s Section %ld: ", level, "######", sec);
        phrase(f, 3);
        fputs("\n\nWhy this matters: ", f);
        phrase(f, 12);
        fputs(". <!-- a note to the author -->\n\n", f);
        for (int i = 0; i < 12; i++) {
            fprintf(f, "%s- [%c] Item %ld.%d: **", i % 4 == 3 ? "  " : "", i % 5 == 0 ? 'x' : ' ',
                    sec, i);
            phrase(f, 2);
            fputs("** ", f);
            phrase(f, 4);
            if (i % 3 == 0) {
                fprintf(f, " ([docs](https://example.org/%ld/%d))", sec, i);
            }
            if (i % 4 == 1) {
                fputs(" with `code()`", f);
            }
            fputc('\n', f);
        }
    }
    return fclose(f) == 0 ? 0 : 1;
}
