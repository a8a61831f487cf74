/* SPDX-License-Identifier: MIT */
/* yaml_scan: the floor for any libyaml loader. Reads each file into memory the way the trail
 * loader does, then calls yaml_parser_parse() in a loop and deletes each event: nothing else.
 * Prints the number of events so the work cannot be optimised away.
 *
 * Usage: yaml_scan FILE... (exit 1 on a read or parse error) */
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

static unsigned char *scan_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        perror(path);
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    unsigned char *buf = malloc(cap);
    for (;;) {
        if (buf == NULL) {
            fputs("yaml_scan: out of memory\n", stderr);
            fclose(f);
            return NULL;
        }
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap) {
            break;
        }
        cap *= 2;
        unsigned char *nb = realloc(buf, cap);
        if (nb == NULL) {
            free(buf);
        }
        buf = nb;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        perror(path);
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

static long scan_events(const char *path, const unsigned char *buf, size_t len)
{
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        return -1;
    }
    yaml_parser_set_input_string(&parser, buf, len);
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
    long events = 0;
    for (;;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            fprintf(stderr, "%s: %s\n", path, parser.problem ? parser.problem : "parse error");
            events = -1;
            break;
        }
        int done = ev.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&ev);
        events++;
        if (done) {
            break;
        }
    }
    yaml_parser_delete(&parser);
    return events;
}

int main(int argc, char **argv)
{
    long total = 0;
    for (int i = 1; i < argc; i++) {
        size_t len;
        unsigned char *buf = scan_read(argv[i], &len);
        if (buf == NULL) {
            return 1;
        }
        long n = scan_events(argv[i], buf, len);
        free(buf);
        if (n < 0) {
            return 1;
        }
        total += n;
    }
    printf("%ld events\n", total);
    return 0;
}
