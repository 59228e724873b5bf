// `tebiki compare OLD.md NEW.md --out TABLE.{md,docx,pdf} [--date YYYY-MM-DD]`: the 新旧対照表 of
// two 要綱 in tebiki's 例規 Markdown (改正前 = OLD, 改正後 = NEW).
#include <cstdio>

#include "cli/commands.h"
#include "documents/compare.h"
#include "util/file_io.h"

namespace tebiki::cli {

using namespace documents;

namespace {

std::optional<ParsedRegulation> read_regulation(const std::string& file, Diagnostics& diagnostics) {
    std::string error;
    const auto text = read_file(file, &error);
    if (!text) {
        diagnostics.push_back({file, 0, 0, error});
        return std::nullopt;
    }
    return parse_reiki_markdown(*text, file, diagnostics);
}

}  // namespace

int run_compare(const Options& options) {
    const auto out = options.value("out");
    if (options.positional.size() != 2 || !out) {
        std::fprintf(stderr, "使い方: tebiki compare 改正前.md 改正後.md --out 新旧対照表.{docx,pdf,md} [--date YYYY-MM-DD]\n");
        return 2;
    }
    Diagnostics diagnostics;
    UiStrings words;
    words.load_first(options.paths.asset_dirs, diagnostics);
    const auto before = read_regulation(options.positional[0], diagnostics);
    const auto after = read_regulation(options.positional[1], diagnostics);
    for (const Diagnostic& d : diagnostics) std::fprintf(stderr, "%s\n", d.to_string().c_str());
    if (!before || !after || !diagnostics.empty()) return 1;
    Comparison table = compare_regulations(*before, *after, words);
    if (!read_date_option(options, table.date)) return 2;
    std::string error;
    if (!write_comparison(table, *out, &error)) {
        std::fprintf(stderr, "tebiki: %s\n", error.c_str());
        return 1;
    }
    if (table.same) std::fprintf(stderr, "tebiki: 二つの要綱に違いはありません（すべて「（略）」の表を書きました）。\n");
    return 0;
}

}  // namespace tebiki::cli
