/* SPDX-License-Identifier: MIT */
/* Search over the Machine Learning Engineer guide, built in code with the texts of the source
 * document, and the --search printer's output and exit codes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <locale.h>

#include "input.h"
#include "search.h"
#include "test_search_util.h"

#define ML_FAQ_PHD      0
#define ML_FAQ_HARDWARE 4

static struct guide *ml_guide(void)
{
    struct guide *g = tg_new();
    g->title = tg_str(g, "Machine Learning Engineer");
    g->intro = tg_str(
        g, "In 2026, the AI revolution is accelerating, and Machine Learning Engineers are the "
           "architects building the intelligent systems that power everything from autonomous "
           "vehicles to personalized medicine. This is your moment to transition from theory to "
           "production and command a top-tier salary in one of tech's most dynamic fields.");
    tg_add_overview(
        g, "What You'll Learn",
        "A Machine Learning Engineer bridges the gap between data science research and software "
        "engineering, designing, building, and deploying scalable ML systems into production. "
        "Day-to-day, they collaborate with data scientists to operationalize models, develop "
        "robust ML pipelines, manage infrastructure, and ensure models perform reliably at scale. "
        "This role is critical for turning AI prototypes into real-world applications that drive "
        "business value and innovation.");
    tg_add_phase(g, "Foundation Building (Months 1-3)",
                 "Solidify core prerequisites in Python, software engineering, statistics, and "
                 "linear algebra. Complete introductory ML courses and build basic projects.");
    tg_add_action(g, "Master Python programming and key libraries (NumPy, Pandas)");
    tg_add_action(g, "Complete an online specialization in Machine Learning fundamentals");
    tg_add_action(g, "Build 2-3 end-to-end ML projects (e.g., image classifier, regression model)");
    tg_add_action(g, "Learn Git and basic software engineering practices");
    tg_add_action(g, "Refresh core math (linear algebra, calculus, probability)");
    tg_add_phase(g, "Specialization & Deep Learning (Months 4-6)",
                 "Dive into deep learning frameworks and advanced ML concepts. Focus on model "
                 "development and begin learning deployment basics.");
    tg_add_action(g, "Gain proficiency in TensorFlow and/or PyTorch through courses and tutorials");
    tg_add_action(g, "Study neural network architectures (CNNs, RNNs, Transformers)");
    tg_add_action(g, "Complete a substantial deep learning project (portfolio centerpiece)");
    tg_add_action(g, "Learn basics of cloud computing (AWS/GCP free tier)");
    tg_add_action(g, "Start exploring MLOps concepts and tools like MLflow");
    tg_add_phase(g, "Production & MLOps Focus (Months 7-9)",
                 "Shift focus from model building to production engineering. Learn to "
                 "containerize, deploy, monitor, and scale ML systems.");
    tg_add_action(g, "Learn Docker and Kubernetes for containerization and orchestration");
    tg_add_action(g, "Deploy models using cloud services (SageMaker, Vertex AI) and custom APIs");
    tg_add_action(g, "Build a CI/CD pipeline for an ML project");
    tg_add_action(g, "Gain experience with data pipeline tools (Spark, Airflow)");
    tg_add_action(g, "Contribute to open-source ML projects or replicate a published system");
    tg_add_phase(g, "Job Search & Portfolio Polishing (Months 10-12)",
                 "Prepare for the job market by refining your portfolio, practicing interviews, "
                 "and applying strategically.");
    tg_add_action(g, "Develop a comprehensive portfolio with 3-5 production-ready projects");
    tg_add_action(g, "Practice coding interviews (LeetCode, system design for ML)");
    tg_add_action(g, "Network with professionals via LinkedIn, meetups, and conferences");
    tg_add_action(g, "Tailor your resume to highlight ML engineering achievements");
    tg_add_action(g, "Apply for roles, starting with internships or junior positions");
    tg_add_cert(g, "AWS Certified Machine Learning \xe2\x80\x93 Specialty",
                "Amazon Web Services (AWS)",
                "Validates ability to build, train, tune, and deploy ML models on AWS. Highly "
                "relevant for cloud-centric ML engineering roles.");
    tg_add_cert(g, "Google Professional Machine Learning Engineer", "Google Cloud",
                "Certifies skills in designing, building, and productionizing ML models on Google "
                "Cloud using best practices.");
    tg_add_cert(g, "TensorFlow Developer Certificate", "TensorFlow (Google)",
                "Demonstrates foundational proficiency in building and training ML models using "
                "TensorFlow. Good for validating core framework skills.");
    tg_add_cert(g, "Azure AI Engineer Associate", "Microsoft",
                "Focuses on designing and implementing AI solutions on Azure, including ML "
                "workloads. Useful for Azure-centric organizations.");
    tg_add_cert(g, "Databricks Certified Machine Learning Associate", "Databricks",
                "Assesses skills in using Databricks for ML lifecycle management, including "
                "feature engineering, training, and deployment.");
    tg_add_faq(g, "Do I need a PhD to become a Machine Learning Engineer?",
               "No, a PhD is not required for most ML Engineer roles. While beneficial for "
               "research-heavy positions, the role prioritizes engineering and deployment skills. "
               "A strong portfolio, relevant experience, and a Master's or even Bachelor's degree "
               "in a related field combined with demonstrated projects can be sufficient. The key "
               "is proving you can build and ship reliable ML systems.");
    tg_add_faq(
        g, "What's the main difference between a Data Scientist and an ML Engineer?",
        "Data Scientists focus more on exploratory data analysis, statistical modeling, and "
        "business insights, often working in notebooks to prototype models. ML Engineers focus on "
        "taking those prototypes, writing production-grade code, building scalable infrastructure, "
        "and deploying models into live systems. The ML Engineer role is more software-engineering "
        "intensive, ensuring models are reliable, efficient, and maintainable.");
    tg_add_faq(g, "Is the job market for ML Engineers oversaturated?",
               "While entry-level competition is strong, the demand for skilled ML Engineers who "
               "can actually deploy and maintain systems remains very high and is projected to "
               "grow. The saturation is often at the beginner level; professionals with proven "
               "skills in MLOps, system design, and production engineering are in short supply. "
               "Specializing in high-demand areas like LLM ops, computer vision, or scalable "
               "inference can further differentiate you.");
    tg_add_faq(g, "Can I become an ML Engineer remotely or through self-study?",
               "Absolutely. Many successful ML Engineers are self-taught or have transitioned via "
               "online courses and bootcamps. Building a strong portfolio of public projects "
               "(e.g., on GitHub) that demonstrate end-to-end ML pipeline development is crucial. "
               "Remote work is also common in this field, especially post-2020, though some "
               "companies may require occasional on-site collaboration.");
    tg_add_faq(g, "How important is knowledge of hardware (GPUs/TPUs) for this role?",
               "It is increasingly important. Understanding hardware acceleration (GPUs, TPUs) is "
               "essential for efficient training and inference. You should know how to leverage "
               "CUDA, choose appropriate instance types in the cloud, and optimize code for "
               "hardware. For senior roles, designing systems that are cost-effective and "
               "performant requires good hardware awareness.");
    tg_add_faq(g, "What are the biggest challenges ML Engineers face?",
               "Key challenges include managing the full ML lifecycle (data drift, model "
               "retraining), ensuring low-latency inference at scale, debugging complex model "
               "performance issues in production, and keeping up with the rapidly evolving tooling "
               "landscape. Bridging communication between research teams and engineering/ops teams "
               "is also a common soft challenge.");
    tg_add_faq(
        g, "What industries hire the most ML Engineers?",
        "Top hiring industries include Technology (FAANG, startups), Finance (algorithmic trading, "
        "fraud detection), Healthcare (medical imaging, drug discovery), Retail/E-commerce "
        "(recommendation systems, supply chain), and Automotive (autonomous systems). The role is "
        "becoming ubiquitous in any data-rich industry seeking automation and intelligence.");
    tg_set_cta(g, "Start Building Your ML Engineering Future Today",
               "The roadmap is clear. With structured learning, hands-on projects, and the right "
               "guidance, you can transition into this high-impact role within a year. Begin your "
               "journey on Edirae with curated learning paths and expert mentorship tailored for "
               "aspiring ML Engineers.",
               "Start Your Career Journey");
    return g;
}

static int setup(void **state)
{
    if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
        return -1;
    }
    *state = ml_guide();
    return 0;
}

static int teardown(void **state)
{
    tg_free(*state);
    return 0;
}

/* Runs query over all kinds (or only `kinds`) and returns the result count. */
static size_t run(const struct guide *g, const char *query, unsigned kinds,
                  struct search_results *res)
{
    struct search_index *idx = search_index_build(g);
    struct search_query *q = search_query_new(query);
    size_t n = search_run(idx, q, kinds, 0, res);
    search_query_free(q);
    search_index_free(idx);
    return n;
}

static void test_phd_finds_exactly_the_phd_question(void **state)
{
    struct guide *g = *state;
    struct search_results res = {0};
    unsigned masks[] = {SEARCH_KIND_FAQ, SEARCH_KIND_ALL};
    for (size_t i = 0; i < 2; i++) {
        assert_int_equal(run(g, "phd", masks[i], &res), 1);
        assert_int_equal(res.v[0].kind, SEARCH_KIND_FAQ);
        assert_int_equal(res.v[0].index, ML_FAQ_PHD);
        assert_int_equal(res.v[0].rank, SEARCH_RANK_TITLE);
    }
    assert_string_equal(g->faqs[ML_FAQ_PHD].question,
                        "Do I need a PhD to become a Machine Learning Engineer?");
    search_results_free(&res);
}

static void test_gpu_finds_the_hardware_question(void **state)
{
    struct guide *g = *state;
    struct search_results res = {0};
    assert_int_equal(run(g, "gpu", SEARCH_KIND_ALL, &res), 1);
    assert_int_equal(res.v[0].kind, SEARCH_KIND_FAQ);
    assert_int_equal(res.v[0].index, ML_FAQ_HARDWARE);
    /* The highlight in the question lands on "GPU" of "(GPUs/TPUs)". */
    struct search_index *idx = search_index_build(g);
    struct search_query *q = search_query_new("gpu");
    struct search_ranges r = {0};
    const char *question = g->faqs[ML_FAQ_HARDWARE].question;
    assert_int_equal(search_field_ranges(idx, q, res.v[0].entry, 0, &r), 1);
    assert_int_equal(r.v[0].start, (size_t)(strstr(question, "GPUs/") - question));
    assert_int_equal(r.v[0].len, 3);
    search_ranges_free(&r);
    search_query_free(q);
    search_index_free(idx);
    search_results_free(&res);
}

static void test_docker_finds_the_key_action(void **state)
{
    struct guide *g = *state;
    struct search_results res = {0};
    assert_int_equal(run(g, "docker", SEARCH_KIND_ALL, &res), 1);
    assert_int_equal(res.v[0].kind, SEARCH_KIND_ACTION);
    assert_string_equal(g->phases[res.v[0].index].actions[res.v[0].sub].text,
                        "Learn Docker and Kubernetes for containerization and orchestration");
    search_results_free(&res);
}

static void test_resume_with_and_without_accents(void **state)
{
    struct guide *g = *state;
    struct search_results res = {0};
    const char *queries[] = {"r\xc3\xa9sum\xc3\xa9", "RESUME", "R\xc3\x89SUM\xc3\x89"};
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(run(g, queries[i], SEARCH_KIND_ALL, &res), 1);
        assert_int_equal(res.v[0].kind, SEARCH_KIND_ACTION);
        assert_string_equal(g->phases[res.v[0].index].actions[res.v[0].sub].text,
                            "Tailor your resume to highlight ML engineering achievements");
    }
    search_results_free(&res);
}

static void test_words_and_ranking_on_the_guide(void **state)
{
    struct guide *g = *state;
    struct search_results res = {0};
    /* "docker kubernetes" both occur only in the key action; "kubernetes" alone as well. */
    assert_int_equal(run(g, "kubernetes docker", SEARCH_KIND_ALL, &res), 1);
    /* "portfolio" is in two key actions and phase 4's title (title fields; its summary too), and
     * in two answers (bodies): the titles come first, each class in guide order. */
    size_t n = run(g, "portfolio", SEARCH_KIND_ALL, &res);
    assert_int_equal(n, 5);
    assert_int_equal(res.n_title, 3);
    assert_int_equal(res.v[0].kind, SEARCH_KIND_ACTION); /* phase 2: "(portfolio centerpiece)" */
    assert_int_equal(res.v[0].index, 1);
    assert_int_equal(res.v[1].kind, SEARCH_KIND_PHASE);
    assert_int_equal(res.v[1].index, 3);
    assert_int_equal(res.v[2].kind, SEARCH_KIND_ACTION);
    assert_int_equal(res.v[2].index, 3);
    assert_int_equal(res.v[3].kind, SEARCH_KIND_FAQ);
    assert_int_equal(res.v[3].index, ML_FAQ_PHD);
    assert_int_equal(res.v[4].kind, SEARCH_KIND_FAQ);
    assert_int_equal(res.v[4].index, 3);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(res.v[i].rank, i < 3 ? SEARCH_RANK_TITLE : SEARCH_RANK_BODY);
    }
    search_results_free(&res);
}

/* Runs search_print() into a string; returns its exit code. */
static int print_to_string(const struct guide *g, const char *query, char **text)
{
    size_t size;
    FILE *out = open_memstream(text, &size);
    assert_non_null(out);
    int rc = search_print(g, NULL, query, 0, false, out);
    assert_int_equal(fclose(out), 0);
    return rc;
}

/* The first 60 columns of ASCII text s as --search shows them when cut: back to the last space
 * when the cut falls inside a word, without the spaces at the cut. */
static const char *words60(const char *s, char *buf, size_t size)
{
    size_t n = strlen(s) > 60 ? 60 : strlen(s);
    if (strlen(s) > 60 && s[60] != ' ') {
        while (n > 0 && s[n - 1] != ' ') {
            n--;
        }
    }
    while (n > 0 && s[n - 1] == ' ') {
        n--;
    }
    snprintf(buf, size, "%.*s", (int)n, s);
    return buf;
}

static void test_print_lines(void **state)
{
    struct guide *g = *state;
    char *text, want[512], cut[128];
    /* A body match: the context is the first 60 columns of the answer (the match is near its
     * start), cut with "..." between two words. */
    assert_int_equal(print_to_string(g, "phd", &text), 0);
    snprintf(want, sizeof want, "FAQ: %s: %s...\n", g->faqs[ML_FAQ_PHD].question,
             words60(g->faqs[ML_FAQ_PHD].answer, cut, sizeof cut));
    assert_string_equal(text, want);
    free(text);
    /* A key action is titled by its phase; the action is the context. */
    assert_int_equal(print_to_string(g, "docker", &text), 0);
    snprintf(want, sizeof want, "Key action: %s: %s...\n", g->phases[2].title,
             words60(g->phases[2].actions[0].text, cut, sizeof cut));
    assert_string_equal(text, want);
    free(text);
    /* A match in the title and another field: the context is that field. */
    assert_int_equal(print_to_string(g, "databricks", &text), 0);
    assert_string_equal(text, "Certification: Databricks Certified Machine Learning Associate: "
                              "Databricks\n");
    free(text);
    /* A title-only match shows the start of the body. */
    assert_int_equal(print_to_string(g, "oversaturated", &text), 0);
    snprintf(want, sizeof want, "FAQ: %s: %s...\n", g->faqs[2].question,
             words60(g->faqs[2].answer, cut, sizeof cut));
    assert_string_equal(text, want);
    free(text);
}

static void test_print_exit_codes(void **state)
{
    struct guide *g = *state;
    char *text;
    assert_int_equal(print_to_string(g, "blockchain", &text), 1);
    assert_string_equal(text, "");
    free(text);
    /* The empty query prints every entry: intro, overview, 4 phases, 20 actions, 5
     * certifications, 7 questions, the call to action. */
    assert_int_equal(print_to_string(g, "", &text), 0);
    size_t lines = 0;
    for (const char *p = text; *p != '\0'; p++) {
        lines += *p == '\n';
    }
    assert_int_equal(lines, 39);
    free(text);
}

static void test_print_is_sanitised(void **state)
{
    (void)state;
    struct guide *g = tg_new();
    tg_add_faq(g, "Evil\x1b]0;owned\x07\ntitle\xe2\x80\xae?",
               "evil\tone\nline two\x9b"
               "31m");
    char *text;
    assert_int_equal(print_to_string(g, "evil", &text), 0);
    /* ESC and BEL become control pictures, U+202E becomes U+FFFD, '\n' and TAB spaces. */
    const char *title = "FAQ: Evil\xe2\x90\x9b]0;owned\xe2\x90\x87 title\xef\xbf\xbd?";
    char want[256];
    snprintf(want, sizeof want, "%s: evil one\n", title);
    assert_string_equal(text, want);
    free(text);
    /* The context is the line of the answer holding the match. */
    assert_int_equal(print_to_string(g, "line", &text), 0);
    snprintf(want, sizeof want,
             "%s: line two\xef\xbf\xbd"
             "31m\n",
             title);
    assert_string_equal(text, want);
    free(text);
    tg_free(g);
}

/* A guide as the loader reads it from files (the lighthouse fixture): the same kinds of answers
 * as the guide built in code. */
static void test_loaded_guide(void **state)
{
    (void)state;
    struct diag d = {0};
    struct guide *g = guide_load(TRAIL_TEST_DATA "/guides/lighthouse", GUIDE_PART_ALL, &d);
    diag_print(&d, stderr);
    assert_non_null(g);
    struct search_results res = {0};
    assert_int_equal(run(g, "licence", SEARCH_KIND_FAQ, &res), 1);
    assert_string_equal(g->faqs[res.v[0].index].question,
                        "Do I need a captain's licence to become a Lighthouse Keeper?");
    assert_int_equal(run(g, "argand", SEARCH_KIND_FAQ, &res), 1);
    assert_non_null(strstr(g->faqs[res.v[0].index].question, "lamps"));
    assert_int_equal(run(g, "foghorn", SEARCH_KIND_ALL, &res), 1);
    assert_int_equal(res.v[0].kind, SEARCH_KIND_ACTION);
    assert_non_null(
        strstr(g->phases[res.v[0].index].actions[res.v[0].sub].text, "Sound the foghorn"));
    assert_int_equal(run(g, "R\xc3\xa9sum\xc3\xa9", SEARCH_KIND_ALL, &res), 1);
    assert_non_null(
        strstr(g->phases[res.v[0].index].actions[res.v[0].sub].text, "Tailor your resume"));
    search_results_free(&res);
    guide_free(g);
    diag_free(&d);
}

int main(void)
{
    test_require_input(TRAIL_TEST_DATA "/guides/lighthouse");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_phd_finds_exactly_the_phd_question),
        cmocka_unit_test(test_gpu_finds_the_hardware_question),
        cmocka_unit_test(test_docker_finds_the_key_action),
        cmocka_unit_test(test_resume_with_and_without_accents),
        cmocka_unit_test(test_words_and_ranking_on_the_guide),
        cmocka_unit_test(test_print_lines),
        cmocka_unit_test(test_print_exit_codes),
        cmocka_unit_test(test_print_is_sanitised),
        cmocka_unit_test(test_loaded_guide),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
