/* SPDX-License-Identifier: MIT */
/* trail: command line. Parses options, finds and loads the guide, then hands over to the
 * browser or runs one of the non-interactive commands (--check, --print). Command-line errors
 * are printed before the screen is touched. */
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "diag.h"
#include "guide.h"
#include "guide_locate.h"
#include "guide_md.h"
#include "guide_print.h"
#include "item_cmd.h"
#include "json_report.h"
#include "progress_journal.h"
#include "evidence_cmd.h"
#include "portfolio.h"
#include "progress_merge_file.h"
#include "progress_report.h"
#include "progress_personal.h"
#include "progress_reattach.h"
#include "progress_store.h"
#include "today_report.h"
#include "search.h"
#include "status_line.h"
#include "usage.h"
#include "text.h"
#include "ui.h"
#include "wiring.h"
#include "xalloc.h"
#include "ydoc.h"

enum exit_status { EXIT_OK = 0, EXIT_INVALID = 1, EXIT_ERROR = 2 };

enum mode {
    MODE_BROWSE,
    MODE_CHECK,
    MODE_PRINT,
    MODE_SEARCH,
    MODE_PROGRESS,
    MODE_EXPORT,
    MODE_RESET,
    MODE_LIST,
    MODE_START,
    MODE_IMPORT,
    MODE_LIST_KEYS, /* hidden: the browser's key table, for the documentation's tests */
    MODE_RESTORE,
    MODE_MARK,
    MODE_NOTE,
    MODE_LIST_IDS,
    MODE_STATUS,
    MODE_MERGE_FILE,
    MODE_UNDO,
    MODE_LOG,
    MODE_AGENDA,
    MODE_ATTACH,
    MODE_DETACH,
    MODE_VERIFY,
};

struct options {
    enum mode mode;
    const char *content;            /* --content or --check DIR */
    struct guide_seen content_seen; /* what was learnt of a plan given as GUIDE: guide_md.h */
    const char *guide_id;
    const char *query;          /* --search */
    const char *state;          /* --state */
    const char *format;         /* --export */
    bool yes;                   /* --yes */
    bool left;                  /* --left */
    struct progress_date start; /* --start; year 0 for 'none' */
    const char *import;         /* --import */
    bool over_reset;            /* --over-reset */
    const char *backup;         /* --restore=BACKUP, NULL to list the backups */
    int width;
    bool mouse;
    enum progress_state mark;  /* --mark, trail done|todo|doing|skip */
    const char *item;          /* the item --mark and --note change */
    const char *note;          /* the note's text, "-" for standard input */
    const char *status_format; /* --format */
    bool color;                /* --color */
    bool json;                 /* --json */
    const char *merge[3];      /* trail merge-file BASE OURS THEIRS */
    const char *target;        /* --attach, --detach: the path or URL */
    const char *description;   /* --description */
    const char *credential;    /* --credential */
    const char *resume_file;   /* --merge: the JSON Resume file to merge into */
    const char *mode_opt;      /* the option or command word that chose the mode, or NULL */
    const char *mode_arg;      /* its argument ("" for none) */
    const char *width_arg;     /* --width as given */
    bool check_dir;            /* --check=DIR named the content directory */
    bool with_notes;           /* --with-notes */
    bool with_paths;           /* --with-paths */
    unsigned log_minutes;      /* --log DURATION */
};

static int parse_width(const char *s)
{
    char *end;
    long n = strtol(s, &end, 10);
    if (*end != '\0' || n < 20 || n > 1000) {
        return -1;
    }
    return (int)n;
}

static bool is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The shell commands' words and arguments (after the options, which getopt moved first):
 * "done ITEM", "note ITEM TEXT", and the arguments --mark and --note take from the operands.
 * Returns 0, or -1 after printing a usage error. */
static int parse_command(int argc, char **argv, struct options *o)
{
    const char *word = optind < argc ? argv[optind] : NULL;
    enum progress_state state;
    bool command =
        word != NULL && (item_cmd_parse_state(word, &state) == 0 || strcmp(word, "note") == 0 ||
                         strcmp(word, "undo") == 0 || strcmp(word, "merge-file") == 0);
    /* After an option that takes no operand but GUIDE, a command word is a second command. */
    if (command && o->mode != MODE_BROWSE && o->mode != MODE_MARK && o->mode != MODE_NOTE &&
        o->mode != MODE_CHECK && o->mode != MODE_RESTORE && o->mode != MODE_ATTACH &&
        o->mode != MODE_DETACH) {
        fprintf(stderr,
                "trail: --%s and the command '%s' do not go together: run one command "
                "at a time\n",
                o->mode_opt, word);
        return -1;
    }
    if (o->mode == MODE_BROWSE && word != NULL && item_cmd_parse_state(word, &o->mark) == 0 &&
        strcmp(word, "in-progress") != 0 && strcmp(word, "skipped") != 0) {
        o->mode = MODE_MARK;
        optind++;
    } else if (o->mode == MODE_BROWSE && word != NULL && strcmp(word, "merge-file") == 0) {
        if (argc - optind != 4) {
            fprintf(stderr, "trail: merge-file takes BASE OURS THEIRS (git's %%O %%A %%B)\n");
            return -1;
        }
        o->mode = MODE_MERGE_FILE;
        for (int i = 0; i < 3; i++) {
            o->merge[i] = argv[optind + 1 + i];
        }
        optind += 4;
    } else if (o->mode == MODE_BROWSE && word != NULL && strcmp(word, "undo") == 0) {
        o->mode = MODE_UNDO;
        optind++;
    } else if (o->mode == MODE_BROWSE && word != NULL && strcmp(word, "note") == 0) {
        o->mode = MODE_NOTE;
        optind++;
        o->item = optind < argc ? argv[optind++] : NULL;
    }
    if ((o->mode == MODE_MARK || o->mode == MODE_LOG) && o->item == NULL) {
        o->item = optind < argc ? argv[optind++] : NULL;
    }
    if (o->mode == MODE_NOTE) {
        o->note = optind < argc ? argv[optind++] : NULL;
    }
    if (o->mode == MODE_ATTACH || o->mode == MODE_DETACH) {
        o->target = optind < argc ? argv[optind++] : NULL;
        if (o->target == NULL) {
            fprintf(stderr, "trail: --%s ITEM takes a PATH or URL after ITEM\n",
                    o->mode == MODE_ATTACH ? "attach" : "detach");
            return -1;
        }
    }
    if ((o->mode == MODE_MARK || o->mode == MODE_NOTE || o->mode == MODE_LOG) && o->item == NULL) {
        fprintf(stderr, "trail: name the item to change (an id, a prefix or words)\n"
                        "Try 'trail --help'.\n");
        return -1;
    }
    if (o->mode == MODE_NOTE && o->note == NULL) {
        fprintf(stderr, "trail: give the note's text, or '-' to read it from standard input\n");
        return -1;
    }
    return 0;
}

/* Records the option that chose the mode, refusing a second mode: two commands in one run are
 * a usage error that names both, never the last one silently. The same option given again with
 * the same argument is harmless. Returns 0, or -1 after printing why. */
static int choose_mode(struct options *o, enum mode before, const char *given, const char *arg)
{
    if (before == MODE_BROWSE && o->mode_opt == NULL) {
        o->mode_opt = given;
        o->mode_arg = arg;
        return 0;
    }
    if (strcmp(o->mode_opt, given) == 0 && strcmp(o->mode_arg, arg) == 0 && o->mode == before) {
        return 0;
    }
    if (strcmp(o->mode_opt, given) == 0 && o->mode_arg[0] != '\0' && arg[0] != '\0') {
        fprintf(stderr, "trail: --%s is given twice ('%s' and '%s')\n", given, o->mode_arg, arg);
    } else if (strcmp(o->mode_opt, given) == 0) {
        fprintf(stderr, "trail: --%s is given twice\n", given);
    } else {
        fprintf(stderr, "trail: --%s and --%s do not go together: run one command at a time\n",
                o->mode_opt, given);
    }
    return -1;
}

/* A setting that takes a value (--content, --state, --width, --format) may be given once, or
 * again with the same value; `name` is how the first one was given. Returns 0, or -1 after
 * printing why. */
static int set_once(const char **slot, const char *name, const char *given, const char *arg)
{
    if (*slot != NULL && strcmp(*slot, arg) != 0) {
        if (strcmp(name, given) == 0) {
            fprintf(stderr, "trail: --%s is given twice ('%s' and '%s')\n", given, *slot, arg);
        } else {
            fprintf(stderr, "trail: --%s and --%s both name the content directory\n", name, given);
        }
        return -1;
    }
    *slot = arg;
    return 0;
}

/* The options that only change how one command works, given without it, and GUIDE given to
 * --list-keys: usage errors, never ignored in silence (--list GUIDE marks GUIDE selected). Returns
 * -1 to continue, or an exit status. */
static int check_settings(const struct options *o)
{
    if (o->yes && o->mode != MODE_RESET) {
        fprintf(stderr, "trail: --yes goes with --reset\n");
        return EXIT_ERROR;
    }
    if (o->width_arg != NULL && o->mode != MODE_PRINT && o->mode != MODE_STATUS) {
        fprintf(stderr, "trail: --width goes with --print or --status\n");
        return EXIT_ERROR;
    }
    if (!o->mouse && o->mode != MODE_BROWSE) {
        fprintf(stderr,
                "trail: --no-mouse goes with the browser, not with --%s (to leave the mouse "
                "alone every time, set mouse = off in the config file)\n",
                o->mode_opt != NULL ? o->mode_opt : "a command");
        return EXIT_ERROR;
    }
    if (o->guide_id != NULL && o->mode == MODE_LIST_KEYS) {
        fprintf(stderr, "trail: --list-keys takes no GUIDE ('%s'): it lists the browser's keys\n",
                o->guide_id);
        return EXIT_ERROR;
    }
    return -1;
}

/* What getopt_long() found wrong with word (c is ':' for a missing argument, '?' else). */
static void bad_option(int c, const char *word, const struct option *longopts)
{
    if (c == ':') {
        fprintf(stderr, "trail: %s needs an argument\n", word);
        return;
    }
    size_t len = strcspn(word, "=");
    int matches = 0;
    for (size_t i = 0; strncmp(word, "--", 2) == 0 && longopts[i].name != NULL; i++) {
        if (strlen(longopts[i].name) == len - 2 &&
            strncmp(longopts[i].name, word + 2, len - 2) == 0) {
            matches = 1; /* the exact name wins over the longer ones it begins */
            break;
        }
        matches += strncmp(longopts[i].name, word + 2, len - 2) == 0;
    }
    if (matches > 1) {
        fprintf(stderr, "trail: ambiguous option '%.*s'\n", (int)len, word);
    } else if (strncmp(word, "--", 2) == 0 && matches == 1) {
        fprintf(stderr, "trail: %.*s takes no argument\n", (int)len, word);
    } else if (strncmp(word, "--", 2) == 0 || optopt == 0) {
        fprintf(stderr, "trail: unknown option '%.*s'\n", (int)len, word);
    } else {
        fprintf(stderr, "trail: unknown option '-%c'\n", optopt);
    }
}

/* Returns -1 to continue, or an exit status. */
static int parse_options(int argc, char **argv, struct options *o)
{
    enum {
        OPT_CONTENT = 256,
        OPT_CHECK,
        OPT_PRINT,
        OPT_SEARCH,
        OPT_PROGRESS,
        OPT_LIST,
        OPT_EXPORT,
        OPT_RESET,
        OPT_YES,
        OPT_STATE,
        OPT_WIDTH,
        OPT_NO_MOUSE,
        OPT_LEFT,
        OPT_START,
        OPT_IMPORT,
        OPT_LIST_KEYS,
        OPT_OVER_RESET,
        OPT_RESTORE,
        OPT_MARK,
        OPT_NOTE,
        OPT_LIST_IDS,
        OPT_STATUS,
        OPT_FORMAT,
        OPT_COLOR,
        OPT_JSON,
        OPT_LOG,
        OPT_AGENDA,
        OPT_ATTACH,
        OPT_DETACH,
        OPT_DESCRIPTION,
        OPT_CREDENTIAL,
        OPT_VERIFY,
        OPT_WITH_NOTES,
        OPT_WITH_PATHS,
        OPT_MERGE,
    };
    static const struct option longopts[] = {
        {"content", required_argument, NULL, OPT_CONTENT},
        {"check", optional_argument, NULL, OPT_CHECK},
        {"print", no_argument, NULL, OPT_PRINT},
        {"search", required_argument, NULL, OPT_SEARCH},
        {"progress", no_argument, NULL, OPT_PROGRESS},
        {"list", no_argument, NULL, OPT_LIST},
        {"export", required_argument, NULL, OPT_EXPORT},
        {"reset", no_argument, NULL, OPT_RESET},
        {"yes", no_argument, NULL, OPT_YES},
        {"state", required_argument, NULL, OPT_STATE},
        {"width", required_argument, NULL, OPT_WIDTH},
        {"no-mouse", no_argument, NULL, OPT_NO_MOUSE},
        {"left", no_argument, NULL, OPT_LEFT},
        {"start", required_argument, NULL, OPT_START},
        {"import", required_argument, NULL, OPT_IMPORT},
        {"list-keys", no_argument, NULL, OPT_LIST_KEYS},
        {"over-reset", no_argument, NULL, OPT_OVER_RESET},
        {"restore", optional_argument, NULL, OPT_RESTORE},
        {"mark", required_argument, NULL, OPT_MARK},
        {"note", required_argument, NULL, OPT_NOTE},
        {"list-ids", no_argument, NULL, OPT_LIST_IDS},
        {"status", no_argument, NULL, OPT_STATUS},
        {"format", required_argument, NULL, OPT_FORMAT},
        {"color", no_argument, NULL, OPT_COLOR},
        {"json", no_argument, NULL, OPT_JSON},
        {"log", required_argument, NULL, OPT_LOG},
        {"agenda", no_argument, NULL, OPT_AGENDA},
        {"attach", required_argument, NULL, OPT_ATTACH},
        {"detach", required_argument, NULL, OPT_DETACH},
        {"description", required_argument, NULL, OPT_DESCRIPTION},
        {"credential", required_argument, NULL, OPT_CREDENTIAL},
        {"verify", no_argument, NULL, OPT_VERIFY},
        {"with-notes", no_argument, NULL, OPT_WITH_NOTES},
        {"with-paths", no_argument, NULL, OPT_WITH_PATHS},
        {"merge", required_argument, NULL, OPT_MERGE},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    int c;
    int at = -1;
    opterr = 0; /* getopt would name the binary's path: trail says what is wrong itself */
    while ((c = getopt_long(argc, argv, ":hV", longopts, &at)) != -1) {
        /* --check and --restore take an optional argument: "" stands for none. */
        const char *arg = optarg != NULL ? optarg : "";
        const char *given = at >= 0 ? longopts[at].name : "";
        at = -1;
        /* The options that choose a mode set it from MODE_BROWSE, which none of them sets. */
        enum mode before = o->mode;
        o->mode = MODE_BROWSE;
        switch (c) {
        case OPT_CONTENT:
            if (set_once(&o->content, o->check_dir ? "check=DIR" : given, given, arg) != 0) {
                return EXIT_ERROR;
            }
            break;
        case OPT_CHECK: /* --check=DIR; --check DIR is the operand below */
            o->mode = MODE_CHECK;
            if (arg[0] != '\0' && set_once(&o->content, o->check_dir ? "check=DIR" : "content",
                                           "check=DIR", arg) != 0) {
                return EXIT_ERROR;
            }
            o->check_dir = o->check_dir || arg[0] != '\0';
            break;
        case OPT_PRINT:
            o->mode = MODE_PRINT;
            break;
        case OPT_SEARCH:
            o->mode = MODE_SEARCH;
            o->query = arg;
            break;
        case OPT_PROGRESS:
            o->mode = MODE_PROGRESS;
            break;
        case OPT_LIST:
            o->mode = MODE_LIST;
            break;
        case OPT_EXPORT:
            if (strcmp(arg, "markdown") != 0 && strcmp(arg, "json") != 0 &&
                strcmp(arg, "portfolio") != 0 && strcmp(arg, "jsonresume") != 0 &&
                strcmp(arg, "ics") != 0) {
                fprintf(stderr,
                        "trail: --export takes 'markdown', 'json', 'portfolio', 'jsonresume' "
                        "or 'ics', not '%s'\n",
                        arg);
                return EXIT_ERROR;
            }
            o->mode = MODE_EXPORT;
            o->format = arg;
            break;
        case OPT_RESET:
            o->mode = MODE_RESET;
            break;
        case OPT_YES:
            o->yes = true;
            break;
        case OPT_STATE:
            if (arg[0] == '\0') {
                fprintf(stderr, "trail: --state needs a file name\n");
                return EXIT_ERROR;
            }
            if (set_once(&o->state, given, given, arg) != 0) {
                return EXIT_ERROR;
            }
            break;
        case OPT_WIDTH:
            if (set_once(&o->width_arg, given, given, arg) != 0) {
                return EXIT_ERROR;
            }
            if ((o->width = parse_width(arg)) < 0) {
                fprintf(stderr, "trail: --width takes a number from 20 to 1000, not '%s'\n", arg);
                return EXIT_ERROR;
            }
            break;
        case OPT_NO_MOUSE:
            o->mouse = false;
            break;
        case OPT_LEFT:
            o->left = true;
            break;
        case OPT_START:
            o->mode = MODE_START;
            if (strcmp(arg, "none") != 0 && progress_date_parse(arg, &o->start) != 0) {
                fprintf(stderr, "trail: --start: '%s' is %s; give a date YYYY-MM-DD or 'none'\n",
                        arg, progress_date_problem(arg));
                return EXIT_ERROR;
            }
            break;
        case OPT_IMPORT:
            o->mode = MODE_IMPORT;
            o->import = arg;
            break;
        case OPT_LIST_KEYS:
            o->mode = MODE_LIST_KEYS;
            break;
        case OPT_OVER_RESET:
            o->over_reset = true;
            break;
        case OPT_RESTORE:
            o->mode = MODE_RESTORE;
            o->backup = arg[0] != '\0' ? arg : NULL;
            break;
        case OPT_MARK:
            if (item_cmd_parse_state(arg, &o->mark) != 0) {
                fprintf(stderr, "trail: --mark takes todo, doing, done or skip, not '%s'\n", arg);
                return EXIT_ERROR;
            }
            o->mode = MODE_MARK;
            break;
        case OPT_NOTE:
            o->mode = MODE_NOTE;
            o->item = arg;
            break;
        case OPT_LIST_IDS:
            o->mode = MODE_LIST_IDS;
            break;
        case OPT_STATUS:
            o->mode = MODE_STATUS;
            break;
        case OPT_FORMAT:
            if (set_once(&o->status_format, given, given, arg) != 0) {
                return EXIT_ERROR;
            }
            break;
        case OPT_COLOR:
            o->color = true;
            break;
        case OPT_JSON:
            o->json = true;
            break;
        case OPT_AGENDA:
            o->mode = MODE_AGENDA;
            break;
        case OPT_LOG: {
            char *why = NULL;
            if (progress_duration_parse(arg, &o->log_minutes, &why) != 0) {
                fprintf(stderr, "trail: --log: %s\n", why);
                free(why);
                return EXIT_ERROR;
            }
            o->mode = MODE_LOG;
            break;
        }
        case OPT_ATTACH:
        case OPT_DETACH:
            o->mode = c == OPT_ATTACH ? MODE_ATTACH : MODE_DETACH;
            o->item = arg;
            break;
        case OPT_DESCRIPTION:
            o->description = arg;
            break;
        case OPT_CREDENTIAL:
            o->credential = arg;
            break;
        case OPT_VERIFY:
            o->mode = MODE_VERIFY;
            break;
        case OPT_WITH_NOTES:
            o->with_notes = true;
            break;
        case OPT_WITH_PATHS:
            o->with_paths = true;
            break;
        case OPT_MERGE:
            o->resume_file = arg;
            break;
        case 'h':
            cli_usage(stdout);
            return EXIT_OK;
        case 'V':
            printf("trail %s\n", TRAIL_VERSION);
            return EXIT_OK;
        default:
            bad_option(c, argv[optind - 1], longopts);
            fputs("Try 'trail --help' for more information.\n", stderr);
            return EXIT_ERROR;
        }
        if (o->mode == MODE_BROWSE) {
            o->mode = before;
        } else if (choose_mode(o, before, given, arg) != 0) {
            return EXIT_ERROR;
        }
    }
    if (parse_command(argc, argv, o) != 0) {
        return EXIT_ERROR;
    }
    if (optind < argc && o->mode == MODE_CHECK && o->content == NULL) {
        o->content = argv[optind++]; /* trail --check DIR */
    } else if (optind < argc && o->mode == MODE_RESTORE && o->backup == NULL &&
               (argc - optind == 2 || is_file(argv[optind]))) {
        o->backup = argv[optind++]; /* trail --restore BACKUP [GUIDE] */
    }
    if (optind < argc) {
        o->guide_id = argv[optind++];
    }
    if (o->guide_id != NULL && o->content == NULL &&
        guide_md_is_plan(o->guide_id, &o->content_seen)) {
        o->content = o->guide_id; /* trail PLAN.md */
        o->guide_id = NULL;
    }
    if (optind < argc) {
        fprintf(stderr, "trail: unexpected argument '%s'\nTry 'trail --help'.\n", argv[optind]);
        return EXIT_ERROR;
    }
    if (o->left && o->mode != MODE_PROGRESS) {
        fprintf(stderr, "trail: --left goes with --progress\n");
        return EXIT_ERROR;
    }
    if ((o->description != NULL || o->credential != NULL) && o->mode != MODE_ATTACH) {
        fprintf(stderr, "trail: --description and --credential go with --attach\n");
        return EXIT_ERROR;
    }
    bool portfolio = o->mode == MODE_EXPORT && strcmp(o->format, "portfolio") == 0;
    bool resume = o->mode == MODE_EXPORT && strcmp(o->format, "jsonresume") == 0;
    if (((o->with_notes || o->with_paths) && !portfolio) || (o->resume_file != NULL && !resume)) {
        fprintf(stderr, "trail: --with-notes and --with-paths go with --export portfolio, --merge "
                        "with --export jsonresume\n");
        return EXIT_ERROR;
    }
    if ((o->status_format != NULL || o->color) && o->mode != MODE_STATUS) {
        fprintf(stderr, "trail: --format and --color go with --status\n");
        return EXIT_ERROR;
    }
    if (o->json && o->mode != MODE_STATUS && o->mode != MODE_CHECK && o->mode != MODE_LIST &&
        o->mode != MODE_SEARCH && o->mode != MODE_PROGRESS && o->mode != MODE_AGENDA) {
        fprintf(stderr, "trail: --json goes with --progress, --list, --search, --check, "
                        "--status or --agenda\n");
        return EXIT_ERROR;
    }
    if (o->json && o->left) {
        fprintf(stderr, "trail: --json does not go with --left (the JSON holds every action)\n");
        return EXIT_ERROR;
    }
    char *why = NULL;
    if (status_line_check(o->status_format, &why) != 0) {
        fprintf(stderr, "trail: --format: %s\n", why);
        free(why);
        return EXIT_ERROR;
    }
    if (o->over_reset && o->mode != MODE_IMPORT) {
        fprintf(stderr, "trail: --over-reset goes with --import\n");
        return EXIT_ERROR;
    }
    return check_settings(o);
}

/* Text flags for output to a stream: UTF-8 when the locale (or, for a pipe, C.UTF-8) allows. */
static unsigned output_flags(bool tty)
{
    if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0) {
        return 0;
    }
    if (!tty && setlocale(LC_CTYPE, "C.UTF-8") != NULL) {
        return 0;
    }
    return TEXT_ASCII;
}

static int print_width(int asked)
{
    if (asked > 0) {
        return asked;
    }
    struct winsize ws;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
        return ws.ws_col;
    }
    return 80;
}

/* A failed write to stdout (a full disk, a closed pipe) is an error whatever the result. */
static int check_output(int rc)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "trail: error writing to standard output\n");
        return EXIT_ERROR;
    }
    return rc;
}

static char *store_path(const struct options *o);

/* A Markdown plan's saved progress that no item matches any more (progress_reattach.h), as
 * warnings: it stays in the progress file, which is only read here. */
static void check_orphans(const struct options *o, struct guide *g, const char *dir, struct diag *d)
{
    char *path = store_path(o);
    struct progress_store *s = path != NULL ? progress_store_open_read(path) : NULL;
    if (s != NULL) {
        progress_personal_apply(g, progress_store_doc(s)); /* items take their saved ids back */
        const char **ids;
        size_t n = progress_orphans(g, progress_store_doc(s), &ids);
        for (size_t i = 0; i < n; i++) {
            char q[64];
            diag_add(d, DIAG_WARNING, dir, 0, 0,
                     "saved progress of '%s' matches no item of the plan: orphaned, kept in %s",
                     diag_quote(ids[i], q, sizeof q), path);
        }
        free((void *)ids);
        progress_store_close(s);
    }
    free(path);
}

static int run_check(const struct options *o, const char *dir, struct diag *d)
{
    bool json = o->json;
    struct guide *g = guide_load(dir, GUIDE_PART_ALL | GUIDE_LOAD_CHECK, d);
    if (g != NULL && g->markdown) {
        check_orphans(o, g, dir, d);
    }
    if (json) {
        int rc = g == NULL || d->errors > 0 ? EXIT_INVALID : EXIT_OK;
        rc = check_output(json_report_check(dir, g, d, stdout) == 0 ? rc : EXIT_ERROR);
        guide_free(g);
        return rc;
    }
    diag_print(d, stderr);
    if (g == NULL || d->errors > 0) {
        fprintf(stderr, "trail: %s: invalid (%zu error%s, %zu warning%s)\n", dir, d->errors,
                d->errors == 1 ? "" : "s", d->warnings, d->warnings == 1 ? "" : "s");
        guide_free(g);
        return EXIT_INVALID;
    }
    size_t actions = guide_count_actions(g);
    printf("%s: valid guide '%s': %zu phase%s, %zu key action%s, %zu certification%s, "
           "%zu question%s%s\n",
           dir, g->id, g->n_phases, g->n_phases == 1 ? "" : "s", actions, actions == 1 ? "" : "s",
           g->n_certs, g->n_certs == 1 ? "" : "s", g->n_faqs, g->n_faqs == 1 ? "" : "s",
           d->warnings > 0 ? " (with warnings)" : "");
    guide_free(g);
    return EXIT_OK;
}

/* The progress file: --state, else $TRAIL_STATE, else ~/.trail_progress.yaml. A new string, or
 * NULL (with a message) only when no home directory is known. */
static char *store_path(const struct options *o)
{
    char *path = o->state != NULL ? xstrdup(o->state) : progress_default_path();
    if (path == NULL) {
        fprintf(stderr, "trail: no home directory to keep progress in; use --state FILE or "
                        "TRAIL_STATE\n");
    }
    return path;
}

/* Opens the progress file, for reading only in the modes that only report (they create no
 * file); NULL (with a message) only when no home directory is known. */
static struct progress_store *open_store(const struct options *o)
{
    char *path = store_path(o);
    bool reading = o->mode == MODE_PROGRESS || o->mode == MODE_EXPORT || o->mode == MODE_LIST;
    /* The quick changes from the shell hold the lock from reading to saving; not a note read
     * from standard input, which may take as long as the person typing it. */
    bool change = o->mode == MODE_MARK || o->mode == MODE_UNDO || o->mode == MODE_LOG ||
                  (o->mode == MODE_NOTE && strcmp(o->note, "-") != 0);
    struct progress_store *s = path == NULL ? NULL
                               : reading    ? progress_store_open_read(path)
                               : change     ? progress_store_open_change(path)
                                            : progress_store_open(path);
    free(path);
    return s;
}

/* trail note ITEM TEXT|-: the text from the argument or from standard input. */
static int run_note(const struct options *o, const struct guide *g, struct progress_store *s,
                    unsigned flags)
{
    if (strcmp(o->note, "-") != 0) {
        return item_cmd_note(g, s, o->item, o->note, strlen(o->note), flags, stdout, stderr);
    }
    size_t len = 0;
    char *text = ydoc_read_fd(STDIN_FILENO, 0, &len);
    if (text == NULL) {
        perror("trail: cannot read the note from standard input");
        return EXIT_INVALID;
    }
    int rc = item_cmd_note(g, s, o->item, text, len, flags, stdout, stderr);
    free(text);
    return rc;
}

static void load_config(struct config *c, struct diag *d);

/* The learner's hours per week from the config file (0 when not set); quiet about the rest. */
static unsigned config_hours(void)
{
    struct config cfg = {0};
    load_config(&cfg, NULL);
    unsigned h = cfg.hours_per_week;
    config_free(&cfg);
    return h;
}

static int run_progress(const struct options *o, struct guide *g)
{
    struct progress_store *s = open_store(o);
    if (s == NULL) {
        return EXIT_ERROR;
    }
    progress_personal_apply(g, progress_store_doc(s)); /* the learner's own actions */
    progress_report_notices(s, stderr);
    unsigned flags = output_flags(isatty(STDOUT_FILENO));
    int rc;
    if ((o->mode == MODE_PROGRESS && o->json) ||
        (o->mode == MODE_EXPORT && strcmp(o->format, "json") == 0)) {
        rc = progress_report_json(g, s, stdout);
    } else if (o->mode == MODE_PROGRESS && o->left) {
        rc = progress_report_left(g, s, flags, stdout);
    } else if (o->mode == MODE_PROGRESS) {
        rc = progress_report_text(g, s, flags, stdout);
        if (rc == 0 &&
            today_report_progress(g, progress_store_doc(s), config_hours(), progress_date_today(),
                                  print_width(0), flags, stdout) != 0) {
            rc = EXIT_ERROR;
        }
    } else if (o->mode == MODE_EXPORT && strcmp(o->format, "ics") == 0) {
        rc = today_report_ics(g, progress_store_doc(s), config_hours(), progress_date_today(),
                              stdout) == 0
                 ? EXIT_OK
                 : EXIT_ERROR;
    } else if (o->mode == MODE_START) {
        rc = progress_report_start(g, s, o->start, flags, stdout, stderr);
    } else if (o->mode == MODE_IMPORT) {
        rc = progress_report_import(g, s, o->import, o->over_reset, stdout, stderr);
    } else if (o->mode == MODE_MARK) {
        rc = item_cmd_mark(g, s, o->item, o->mark, flags, stdout, stderr);
    } else if (o->mode == MODE_UNDO) {
        rc = item_cmd_undo(g, s, flags, stdout, stderr);
    } else if (o->mode == MODE_LOG) {
        rc = item_cmd_log(g, s, o->item, o->log_minutes, flags, stdout, stderr);
    } else if (o->mode == MODE_NOTE) {
        rc = run_note(o, g, s, flags);
    } else if (o->mode == MODE_ATTACH) {
        struct evidence_cmd_piece piece = {
            .target = o->target, .description = o->description, .credential = o->credential};
        rc = evidence_cmd_attach(g, s, o->item, &piece, flags, stdout, stderr);
    } else if (o->mode == MODE_DETACH) {
        rc = evidence_cmd_detach(g, s, o->item, o->target, flags, stdout, stderr);
    } else if (o->mode == MODE_VERIFY) {
        rc = evidence_cmd_verify(g, s, NULL, flags, stdout, stderr);
    } else if (o->mode == MODE_EXPORT && strcmp(o->format, "portfolio") == 0) {
        struct portfolio_options po = {.notes = o->with_notes, .paths = o->with_paths};
        rc = portfolio_markdown(g, progress_store_doc(s), &po, stdout);
    } else if (o->mode == MODE_EXPORT && strcmp(o->format, "jsonresume") == 0) {
        rc = portfolio_jsonresume(g, progress_store_doc(s), o->resume_file, stdout, stderr);
    } else if (o->mode == MODE_RESTORE) {
        rc = progress_report_restore(g, s, o->backup, stdout, stderr);
    } else if (o->mode == MODE_EXPORT) {
        rc = progress_report_markdown(g, s, flags, stdout);
    } else {
        rc = progress_report_reset(g, s, o->yes, stdin, stdout, stderr);
    }
    progress_store_close(s);
    return check_output(rc);
}

/* The config file, read into c. Its warnings go to d when the browser starts (which also checks
 * its key bindings); the commands that print keep quiet about settings that only the browser
 * uses, so d is then NULL. */
static void load_config(struct config *c, struct diag *d)
{
    struct diag quiet = {0};
    char *cpath = config_default_path();
    if (cpath != NULL) {
        config_load(c, cpath, d != NULL ? d : &quiet);
        free(cpath);
    }
    diag_free(&quiet);
}

/* The one rule for which guide the browser and every command act on: GUIDE (or a --content
 * directory that is itself a guide), else the config's `guide =` when the content directory
 * holds it (a located warning when it holds several guides but not that one), else the default
 * guide, else the only guide. v[] is the content directory's catalog (n guides; may be empty
 * when GUIDE was given). Returns a new path, or NULL: with an error in d, or, when
 * `picker` is true and the directory holds several guides but neither the configured nor
 * (for the browser, which then shows the picker) any chosen one. *seen gets what finding it
 * learned of its guide.yaml, for guide_load_seen(). */
static char *choose_guide(const struct options *o, const struct config *c,
                          const struct guide_entry *v, size_t n, bool picker,
                          struct guide_seen *seen, struct diag *d)
{
    memset(seen, 0, sizeof *seen);
    if (o->guide_id != NULL) {
        return guide_locate(o->content, o->guide_id, seen, d);
    }
    if (o->content_seen.plan) {
        *seen = o->content_seen; /* trail PLAN.md: the plan is the guide */
        return xstrdup(o->content);
    }
    for (size_t i = 0; c->guide != NULL && i < n; i++) {
        if (strcmp(v[i].id, c->guide) == 0) {
            *seen = v[i].seen;
            return xstrdup(v[i].dir);
        }
    }
    if (c->guide != NULL && n > 1) { /* with one guide, there is nothing to choose */
        diag_add(d, DIAG_WARNING, c->path, c->guide_line, c->guide_col,
                 "no guide '%s' in the content directory (setting ignored)", c->guide);
    }
    if (picker) {
        if (n == 1) {
            *seen = v[0].seen;
        }
        return n == 1 ? xstrdup(v[0].dir) : NULL;
    }
    return guide_locate(o->content, NULL, seen, d);
}

/* The guide a command acts on (choose_guide(), which fills *seen); its warnings and errors are
 * printed unless quiet (--list only marks it, and needs none). Returns a new path, or NULL
 * (after printing why). */
static char *command_guide(const struct options *o, bool quiet, struct guide_seen *seen)
{
    struct config cfg = {0};
    struct diag d = {0};
    struct guide_entry *v = NULL;
    size_t n = 0;
    if (o->guide_id == NULL) {
        load_config(&cfg, NULL);
        struct diag none = {0}; /* guide_locate() below says what is missing */
        n = cfg.guide != NULL ? guide_catalog(o->content, &o->content_seen, &v, &none) : 0;
        diag_free(&none);
    }
    char *dir = choose_guide(o, &cfg, v, n, false, seen, &d);
    if (!quiet) {
        diag_print(&d, stderr);
    }
    guide_entries_free(v, n);
    config_free(&cfg);
    diag_free(&d);
    return dir;
}

/* The messages of `all` about the file at path, copied into out. */
static void diag_of_file(const struct diag *all, const char *path, struct diag *out)
{
    for (size_t i = 0; path != NULL && i < all->n; i++) {
        const struct diag_msg *m = &all->msgs[i];
        if (m->file != NULL && strcmp(m->file, path) == 0) {
            diag_add(out, m->level, m->file, m->line, m->col, "%s", m->text);
        }
    }
}

/* The browser. The warnings (about the config file's settings and key bindings, in line
 * order) are printed before the screen starts, so they stay on the terminal after it, and the
 * config file's are shown inside the browser too; a bad line never stops trail. */
static int run_browser(const struct options *o)
{
    struct diag d = {0};
    struct config cfg = {0};
    load_config(&cfg, &d);
    struct ui_options uo = {.mouse = o->mouse && !cfg.mouse_off,
                            .theme = cfg.theme,
                            .hours_per_week = cfg.hours_per_week};
    struct ui_keys *keys = ui_keys_new(&cfg, &d);
    uo.keys = keys;
    struct guide_entry *v = NULL;
    size_t n = o->guide_id != NULL ? 0 : guide_catalog(o->content, &o->content_seen, &v, &d);
    struct guide_seen seen;
    char *dir = choose_guide(o, &cfg, v, n, true, &seen, &d);
    /* guide.yaml only: the browser loads the career path after its first frame. */
    struct guide *g =
        dir != NULL ? guide_load_seen(dir, &seen, GUIDE_PART_INFO | GUIDE_LOAD_CACHED, &d) : NULL;
    diag_sort(&d);
    diag_print(&d, stderr);
    struct diag cw = {0};
    diag_of_file(&d, cfg.path, &cw);
    uo.warnings = &cw;
    int rc = EXIT_ERROR;
    char *path = NULL;
    /* The browser opens the progress file itself, after its first frame. */
    if ((g != NULL || (dir == NULL && n > 1)) && (path = store_path(o)) != NULL) {
        uo.store_path = path;
        uo.guides = v;
        uo.n_guides = n;
        rc = ui_run(g, &uo);
    }
    free(path);
    guide_free(g);
    free(dir);
    guide_entries_free(v, n);
    ui_keys_free(keys);
    config_free(&cfg);
    diag_free(&cw);
    diag_free(&d);
    return rc;
}

/* trail --search: the guide and the learner's notes, as / in the browser searches them. The
 * progress file is only read (none is created); without one there are no notes. Matches are
 * highlighted on a terminal only. */
static int run_search(const struct options *o, struct guide *g, unsigned flags)
{
    char *path = o->state != NULL ? xstrdup(o->state) : progress_default_path();
    struct progress_store *s = path != NULL ? progress_store_open_read(path) : NULL;
    free(path);
    const struct progress *p = s != NULL ? progress_store_doc(s) : NULL;
    progress_personal_apply(g, p); /* the learner's own actions are searched as the guide's */
    int rc;
    if (o->json) {
        rc = json_report_search(g, p, o->query, stdout);
        rc = rc == 2 ? EXIT_ERROR : rc;
    } else {
        rc = search_print(g, p, o->query, flags, isatty(STDOUT_FILENO), stdout) == 0 ? EXIT_OK
                                                                                     : EXIT_INVALID;
    }
    progress_store_close(s);
    return check_output(rc);
}

/* The progress file, read without a lock or a trace (nothing is created) and without its
 * journal; NULL when there is none. */
static struct progress *peek_progress(const struct options *o)
{
    char *path = o->state != NULL ? xstrdup(o->state) : progress_default_path();
    bool found = false;
    struct progress *p =
        path != NULL ? progress_store_peek_with(path, PROGRESS_PARSE_NO_JOURNAL, &found) : NULL;
    free(path);
    return p;
}

/* The learner's own actions spliced into g from the progress file; none when there is none. */
static void peek_personal(const struct options *o, struct guide *g)
{
    struct progress *p = peek_progress(o);
    if (p != NULL) {
        progress_personal_apply(g, p);
    }
    progress_free(p);
}

/* trail --print: the guide with the learner's own actions, and after its career path the
 * learner's timeline when the progress file gives a start date. */
static int run_print(const struct options *o, struct guide *g, unsigned flags)
{
    int width = print_width(o->width);
    struct progress *p = peek_progress(o);
    struct view_doc timeline;
    view_doc_init(&timeline, width < 20 ? 20 : width, flags & TEXT_ASCII);
    if (p != NULL) {
        progress_personal_apply(g, p);
        if (progress_find_guide(p, g->id) != NULL) {
            today_report_timeline(&timeline, g, p, config_hours(), progress_date_today());
        }
    }
    int rc = guide_print(g, &timeline, width, flags, stdout) == 0 ? EXIT_OK : EXIT_ERROR;
    view_doc_free(&timeline);
    progress_free(p);
    return check_output(rc);
}

static int run_guide(const struct options *o, struct guide *g)
{
    unsigned flags = output_flags(isatty(STDOUT_FILENO));
    if (o->mode == MODE_LIST_IDS) {
        peek_personal(o, g);
    }
    switch (o->mode) {
    case MODE_SEARCH:
        return run_search(o, g, flags);
    case MODE_PRINT:
        return run_print(o, g, flags);
    case MODE_PROGRESS:
    case MODE_EXPORT:
    case MODE_RESET:
    case MODE_START:
    case MODE_IMPORT:
    case MODE_RESTORE:
    case MODE_MARK:
    case MODE_NOTE:
    case MODE_UNDO:
    case MODE_LOG:
    case MODE_ATTACH:
    case MODE_DETACH:
    case MODE_VERIFY:
        return run_progress(o, g);
    case MODE_LIST_IDS:
        return check_output(item_cmd_list_ids(g, stdout));
    case MODE_BROWSE: /* run_browser() */
    case MODE_STATUS: /* run_status() */
    case MODE_AGENDA: /* run_agenda() */
    case MODE_MERGE_FILE:
    case MODE_CHECK:
    case MODE_LIST:
    case MODE_LIST_KEYS:
        break;
    }
    return EXIT_ERROR;
}

/* Which parts a mode needs before it starts: the browser loads the rest on first use. */
static unsigned parts_for(enum mode mode)
{
    switch (mode) {
    case MODE_PRINT:
    case MODE_SEARCH:
    case MODE_CHECK:
        return GUIDE_PART_ALL;
    case MODE_NOTE: /* of guide.yaml, these need only the guide's id */
    case MODE_LOG:
        return GUIDE_PART_HEAD | GUIDE_PART_PATH | GUIDE_PART_CERTS | GUIDE_LOAD_CACHED;
    case MODE_MARK:
    case MODE_UNDO:
        return GUIDE_PART_HEAD | GUIDE_PART_PATH | GUIDE_LOAD_CACHED;
    case MODE_PROGRESS:
    case MODE_EXPORT:
    case MODE_LIST_IDS:
    case MODE_ATTACH:
    case MODE_DETACH:
    case MODE_VERIFY:
        return GUIDE_PART_INFO | GUIDE_PART_PATH | GUIDE_PART_CERTS;
    case MODE_LIST:
    case MODE_RESET:
    case MODE_START:
    case MODE_IMPORT:
    case MODE_RESTORE:
    case MODE_AGENDA:
    case MODE_STATUS:
    case MODE_MERGE_FILE:
    case MODE_BROWSE:
    case MODE_LIST_KEYS:
        break;
    }
    return GUIDE_PART_INFO | GUIDE_PART_PATH;
}

/* trail --list: "id  title  progress" for every guide of the content directory; the one the
 * other commands act on (choose_guide()) is marked "(selected)". */
static int run_list(const struct options *o)
{
    struct diag d = {0};
    struct guide_entry *v;
    size_t n = guide_catalog(o->content, &o->content_seen, &v, &d);
    struct guide_seen seen;
    char *chosen = n > 0 ? command_guide(o, true, &seen) : NULL;
    struct progress_store *s = n > 0 ? open_store(o) : NULL;
    if (s == NULL) {
        diag_print(&d, stderr);
        free(chosen);
        guide_entries_free(v, n);
        diag_free(&d);
        return EXIT_ERROR;
    }
    unsigned flags = output_flags(isatty(STDOUT_FILENO)) | TEXT_ONE_LINE;
    int rc = EXIT_OK;
    if (o->json) {
        json_report_list_begin(stdout);
    }
    for (size_t i = 0; i < n; i++) {
        struct guide *g = guide_load_seen(v[i].dir, &v[i].seen, GUIDE_PART_PATH, &d);
        bool selected = chosen != NULL && strcmp(chosen, v[i].dir) == 0;
        struct progress_counts c = {0};
        if (g != NULL) {
            progress_count_guide(progress_store_doc(s), g, &c);
        }
        if (o->json) {
            json_report_list_guide(v[i].id, v[i].dir, g, progress_percent(&c), selected, i == 0,
                                   stdout);
            rc = g == NULL ? EXIT_INVALID : rc;
            guide_free(g);
            continue;
        }
        if (g == NULL) {
            printf("%-20s (invalid: run trail --check %s)\n", v[i].id, v[i].dir);
            rc = EXIT_INVALID;
            continue;
        }
        char *title = text_sanitize(g->title, strlen(g->title), flags, NULL);
        size_t actions = guide_count_actions(g);
        printf("%-20s %s  (%zu key action%s, %u%% done)%s\n", v[i].id, title, actions,
               actions == 1 ? "" : "s", progress_percent(&c), selected ? " (selected)" : "");
        free(title);
        guide_free(g);
    }
    if (o->json && json_report_list_end(stdout) != 0) {
        rc = EXIT_ERROR;
    }
    progress_store_close(s);
    free(chosen);
    guide_entries_free(v, n);
    diag_free(&d);
    return check_output(rc);
}

/* trail --status: reads the progress file without a lock or a trace, and only what the line
 * shows: the journal only for the streak, the guide's parts the format names; prints nothing
 * when this guide has no progress. */
static int run_status(const struct options *o)
{
    char *path = store_path(o);
    bool found = false;
    unsigned parse =
        o->json || status_line_needs_journal(o->status_format) ? 0 : PROGRESS_PARSE_NO_JOURNAL;
    struct progress *p = path != NULL ? progress_store_peek_with(path, parse, &found) : NULL;
    free(path);
    struct guide_seen seen;
    char *dir = p != NULL ? command_guide(o, false, &seen) : NULL;
    struct diag d = {0};
    unsigned parts =
        o->json ? GUIDE_PART_INFO | GUIDE_PART_PATH : status_line_parts(o->status_format);
    struct guide *g =
        dir != NULL ? guide_load_seen(dir, &seen, parts | GUIDE_LOAD_CACHED, &d) : NULL;
    int rc = p != NULL && g == NULL ? EXIT_ERROR : EXIT_OK;
    diag_print(&d, stderr);
    if (g != NULL && progress_find_guide(p, g->id) != NULL) {
        progress_personal_apply(g, p); /* the next action may be the learner's own */
        unsigned flags = output_flags(isatty(STDOUT_FILENO));
        struct progress_date today = progress_date_today();
        rc = o->json ? status_line_json(g, p, today, stdout)
                     : status_line_print(g, p, o->status_format, o->width, o->color, today, flags,
                                         stdout);
        rc = check_output(rc == 0 ? EXIT_OK : EXIT_INVALID);
    }
    guide_free(g);
    free(dir);
    diag_free(&d);
    progress_free(p);
    return rc;
}

/* trail --agenda: like --status, reads only what it prints (no lock, no trace, not the
 * journal); silent and 0 without a start date. */
static int run_agenda(const struct options *o)
{
    char *path = store_path(o);
    bool found = false;
    struct progress *p =
        path != NULL ? progress_store_peek_with(path, PROGRESS_PARSE_NO_JOURNAL, &found) : NULL;
    free(path);
    struct guide_seen seen;
    char *dir = p != NULL ? command_guide(o, false, &seen) : NULL;
    struct diag d = {0};
    struct guide *g =
        dir != NULL
            ? guide_load_seen(dir, &seen, GUIDE_PART_INFO | GUIDE_PART_PATH | GUIDE_LOAD_CACHED, &d)
            : NULL;
    int rc = p != NULL && g == NULL ? EXIT_ERROR : EXIT_OK;
    diag_print(&d, stderr);
    if (g != NULL && progress_find_guide(p, g->id) != NULL) {
        progress_personal_apply(g, p); /* the learner's own actions are planned too */
    }
    if (o->json && rc == EXIT_OK) {
        const struct guide *known = g != NULL && progress_find_guide(p, g->id) != NULL ? g : NULL;
        rc = check_output(
            today_report_agenda_json(known, p, config_hours(), progress_date_today(), stdout) == 0
                ? EXIT_OK
                : EXIT_ERROR);
    } else if (g != NULL && progress_find_guide(p, g->id) != NULL) {
        unsigned flags = output_flags(isatty(STDOUT_FILENO));
        rc = check_output(
            today_report_agenda(g, p, config_hours(), progress_date_today(), flags, stdout) == 0
                ? EXIT_OK
                : EXIT_ERROR);
    }
    guide_free(g);
    free(dir);
    diag_free(&d);
    progress_free(p);
    return rc;
}

/* trail merge-file BASE OURS THEIRS: git runs it quietly; only problems are printed. */
static int run_merge_file(const struct options *o)
{
    char *why = NULL;
    int rc = progress_merge_files(o->merge[1], o->merge[2], &why);
    if (why != NULL) {
        fputs("trail: merge-file: ", stderr);
        fputs(why, stderr);
        fputc('\n', stderr);
        free(why);
    }
    return rc == 0 ? EXIT_OK : EXIT_INVALID;
}

/* trail --list-keys: the browser's key table as the configuration leaves it, one binding a
 * line (key, action, screens, description), like tmux list-keys -N. */
static int run_list_keys(void)
{
    struct diag d = {0};
    struct config cfg = {0};
    load_config(&cfg, &d);
    struct ui_keys *keys = ui_keys_new(&cfg, &d);
    diag_sort(&d);
    diag_print(&d, stderr);
    ui_list_keys(keys, stdout);
    ui_keys_free(keys);
    config_free(&cfg);
    diag_free(&d);
    return check_output(EXIT_OK);
}

static int run(const struct options *o)
{
    if (o->mode == MODE_LIST) {
        return run_list(o);
    }
    if (o->mode == MODE_STATUS) {
        return run_status(o);
    }
    if (o->mode == MODE_AGENDA) {
        return run_agenda(o);
    }
    if (o->mode == MODE_MERGE_FILE) {
        return run_merge_file(o);
    }
    if (o->mode == MODE_LIST_KEYS) {
        return run_list_keys();
    }
    char *cause = NULL;
    if (o->mode == MODE_BROWSE && ui_check_terminal(&cause) < 0) {
        fprintf(stderr, "trail: %s; try 'trail --print' to read the guide as text\n", cause);
        free(cause);
        return EXIT_ERROR;
    }
    if (o->mode == MODE_BROWSE) {
        return run_browser(o);
    }
    struct guide_seen seen;
    char *dir = command_guide(o, false, &seen);
    if (dir == NULL) {
        return EXIT_ERROR;
    }
    struct diag d = {0};
    int rc = EXIT_ERROR;
    if (o->mode == MODE_CHECK) {
        rc = run_check(o, dir, &d);
    } else {
        struct guide *g = guide_load_seen(dir, &seen, parts_for(o->mode), &d);
        if (g == NULL) {
            diag_print(&d, stderr);
        } else {
            rc = run_guide(o, g);
        }
        guide_free(g);
    }
    free(dir);
    diag_free(&d);
    return rc;
}

int main(int argc, char **argv)
{
    /* The character set is all trail takes from the locale: its messages are English, its
     * numbers and dates have fixed formats. LC_CTYPE alone also spares loading a dozen locale
     * files at every start. */
    setlocale(LC_CTYPE, "");
    struct options o = {.mode = MODE_BROWSE, .mouse = true};
    int rc = parse_options(argc, argv, &o);
    if (rc >= 0) {
        return rc;
    }
    return run(&o);
}
