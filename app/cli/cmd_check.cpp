#include <cstdio>

#include "cli/commands.h"
#include "assessment/check.h"
#include "assessment/messages.h"
#include "documents/check.h"
#include "guide/check.h"
#include "guide/notation.h"
#include "text/font_set.h"
#include "util/ui_strings.h"

namespace tebiki::cli {

int run_check(const Options& options) {
    Diagnostics diagnostics;
    const Book book = load_book(options.paths.content, diagnostics);
    std::string font_error;
    const auto fonts = load_font_set(&font_error);
    if (!fonts) diagnostics.push_back({"(fonts)", 0, 0, font_error});
    CheckInputs in;
    in.book = &book;
    in.asset_dirs = options.paths.asset_dirs;
    in.diagram_sources = options.paths.diagram_sources;
    in.fonts = fonts.get();
    check_book(in, diagnostics);
    // Notation findings are warnings: printed, but they do not fail the check (content/README.md).
    Diagnostics warnings;
    const NotationList notation = load_notation(options.paths.content / "notation.toml", diagnostics);
    check_notation(book, notation, warnings);
    const auto questionnaires = assessment::load_questionnaires(options.paths.assessment, diagnostics);
    for (const assessment::Questionnaire& q : questionnaires) {
        assessment::check_guide_links(q, book, diagnostics);
        if (fonts) assessment::check_questionnaire_glyphs(q, *fonts, diagnostics);
    }
    const documents::DocumentSet docs = documents::load_documents(options.paths.assessment / "documents", diagnostics);
    documents::check_document_conditions(docs, questionnaires, diagnostics);
    if (fonts) documents::check_document_glyphs(docs, *fonts, diagnostics);
    // The words the core says things with by id must all be in strings/ja.toml.
    UiStrings words;
    const size_t before = diagnostics.size();
    if (!words.load_first(options.paths.asset_dirs, diagnostics) && diagnostics.size() == before)
        diagnostics.push_back({"strings/ja.toml", 0, 0, "画面の文言のファイル strings/ja.toml が見つかりません。"});
    words.check_keys(assessment::message_ids(), diagnostics);
    words.word(diagnostics);
    for (const Diagnostic& d : diagnostics) std::printf("%s\n", d.to_string().c_str());
    for (const Diagnostic& d : warnings) std::printf("%s\n", d.to_string().c_str());
    std::fprintf(stderr, "%zu 編・%zu 章・質問票 %zu 件・文書 %zu 件を検査しました。問題 %zu 件。表記の注意 %zu 件。\n",
                 book.parts.size(), book.chapters.size(), questionnaires.size(), docs.documents.size(),
                 diagnostics.size(), warnings.size());
    return diagnostics.empty() ? 0 : 1;
}

}  // namespace tebiki::cli
