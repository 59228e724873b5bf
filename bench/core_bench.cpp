// Core benchmarks on the bundled guide and documents: load, layout of the longest chapter,
// search latency, drafting every document for one department in each format.
// Prints one "name value unit" line per number; bench/run_bench.sh collects them.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "assessment/answers_file.h"
#include "documents/compare.h"
#include "documents/profile.h"
#include "documents/writers.h"
#include "guide/book.h"
#include "layout/layout_engine.h"
#include "search/search_engine.h"
#include "text/font_set.h"
#include "util/paths.h"

using namespace tebiki;
using Clock = std::chrono::steady_clock;

static double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

static double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}

static long peak_rss_kib() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
    return 0;
}

// Every document that applies, for the order-both fixture (the most articles and forms), written
// in each format; the median of five rounds per format.
static void bench_documents(const Paths& paths) {
    namespace docs = tebiki::documents;
    Diagnostics d;
    const docs::DocumentSet set = docs::load_documents(paths.assessment / "documents", d);
    const auto questionnaires = assessment::load_questionnaires(paths.assessment, d);
    const assessment::Questionnaire* readiness = nullptr;
    for (const auto& q : questionnaires)
        if (set.regulation() && q.id == set.regulation()->questionnaire) readiness = &q;
    if (!readiness) return;
    docs::DraftInputs in;
    in.documents = &set;
    in.questionnaire = readiness;
    assessment::AnswersFile answers;
    assessment::load_answers("tests/data/documents/order-both.answers.toml", *readiness, answers, d);
    in.answers = answers.answers;
    docs::load_profile("tests/data/documents/profile.toml", in.profile, d);
    in.date = {2026, 11, 25};
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "tebiki-bench-documents";
    std::filesystem::create_directories(dir);
    const auto applicable = docs::applicable_documents(in);
    for (const char* ext : {".md", ".docx", ".pdf"}) {
        std::vector<double> rounds;
        for (int round = 0; round < 5; ++round) {
            const auto t = Clock::now();
            for (const docs::DocumentDef* doc : applicable) {
                std::string error;
                docs::write_draft(docs::assemble(in, doc->id), dir / (doc->id + ext), &error);
            }
            rounds.push_back(ms_since(t));
        }
        std::printf("documents_all_%s %.1f ms median (%zu documents)\n", ext + 1, percentile(rounds, 0.5), applicable.size());
    }
    std::vector<double> previews;
    const docs::Draft yoko = docs::assemble(in, "yoko");
    for (int round = 0; round < 5; ++round) {
        const auto t = Clock::now();
        docs::render_page(yoko, 0, 1.2);
        previews.push_back(ms_since(t));
    }
    std::printf("document_preview_page %.1f ms median (要綱 page 1 at 1.2 px/pt)\n", percentile(previews, 0.5));
    // The 新旧対照表 of the application-only draft and this one (parse both, pair, diff, write).
    docs::DraftInputs before_in = in;
    before_in.overrides = {{"head_order", "false"}, {"registration", "false"}, {"byod", "false"}};
    const std::string before_md = docs::to_markdown(docs::assemble(before_in, "yoko")), after_md = docs::to_markdown(yoko);
    UiStrings words;
    words.load(paths.asset_dirs.front() / "strings" / "ja.toml", d);
    for (const char* ext : {".md", ".pdf"}) {
        std::vector<double> rounds;
        for (int round = 0; round < 5; ++round) {
            const auto t = Clock::now();
            const auto a = docs::parse_reiki_markdown(before_md, "before.md", d), b = docs::parse_reiki_markdown(after_md, "after.md", d);
            std::string error;
            if (a && b) docs::write_comparison(docs::compare_regulations(*a, *b, words), dir / (std::string("compare") + ext), &error);
            rounds.push_back(ms_since(t));
        }
        std::printf("compare_%s %.1f ms median (新旧対照表 of two 要綱 drafts)\n", ext + 1, percentile(rounds, 0.5));
    }
}

int main(int argc, char** argv) {
    Paths paths = default_paths();
    if (argc > 1) paths.content = argv[1];
    const std::filesystem::path queries_file = argc > 2 ? argv[2] : "bench/queries.txt";

    auto t = Clock::now();
    Diagnostics d;
    const Book book = load_book(paths.content, d);
    std::printf("book_load %.2f ms (%zu chapters)\n", ms_since(t), book.chapters.size());
    if (book.chapters.empty()) return 1;

    std::string error;
    t = Clock::now();
    auto fonts = load_font_set(&error);
    if (!fonts) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    std::printf("font_load %.2f ms\n", ms_since(t));

    const Chapter* longest = &book.chapters.front();
    for (const Chapter& c : book.chapters)
        if (c.source.size() > longest->source.size()) longest = &c;
    for (float zoom : {1.0f, 2.0f}) {
        std::vector<double> times;
        size_t lines = 0;
        for (int i = 0; i < 15; ++i) {
            LayoutOptions options;
            options.width = 880 * zoom;
            options.zoom = zoom;
            options.image_size = image_sizer_for(paths.asset_dirs);
            t = Clock::now();
            const PageLayout page = layout_document(longest->doc, *fonts, options);
            times.push_back(ms_since(t));
            lines = page.lines.size();
        }
        std::printf("layout_longest_chapter zoom=%.0f %.2f ms median (%s, %zu bytes, %zu lines)\n", double(zoom),
                    percentile(times, 0.5), longest->id.c_str(), longest->source.size(), lines);
    }

    const auto index = std::filesystem::temp_directory_path() / "tebiki-bench-index.sqlite";
    std::filesystem::remove(index);
    t = Clock::now();
    SearchEngine engine(book, index);
    std::printf("search_index_build %.2f ms (%zu sections)\n", ms_since(t), engine.sections().size());

    std::vector<std::string> queries;
    std::ifstream in(queries_file);
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line[0] != '#') queries.push_back(line);
    std::vector<double> latencies;
    size_t total_hits = 0;
    for (int round = 0; round < 5; ++round) {
        for (const std::string& q : queries) {
            t = Clock::now();
            total_hits += engine.search(q, 30).size();
            latencies.push_back(ms_since(t));
        }
    }
    std::printf("search_latency p50 %.3f ms p99 %.3f ms max %.3f ms (%zu queries x5, %zu hits)\n", percentile(latencies, 0.5),
                percentile(latencies, 0.99), percentile(latencies, 1.0), queries.size(), total_hits);
    bench_documents(paths);
    std::printf("core_peak_rss %ld KiB\n", peak_rss_kib());
    return 0;
}
