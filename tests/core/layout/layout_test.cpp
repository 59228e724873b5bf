#include "test_paths.h"
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "guide/book.h"
#include "guide/markdown.h"
#include "layout/layout_engine.h"
#include "text/line_break.h"
#include "util/utf8.h"

using namespace tebiki;

static const FontSet& fonts() {
    static std::unique_ptr<FontSet> set = [] {
        std::string error;
        auto s = load_font_set(&error);
        REQUIRE_MESSAGE(s, error);
        return s;
    }();
    return *set;
}

static char32_t first_cp(const std::string& s) {
    size_t pos = 0;
    return utf8_next(s, pos);
}

TEST_CASE("[Layout] at every width no line starts with a forbidden character and none exceeds the width") {
    Diagnostics d;
    const Book book = load_book(std::filesystem::path(TEBIKI_TEST_DATA) / "content", d);
    const Chapter& chapter = *book.find("1-first/01-typography");
    for (float width : {180.0f, 260.0f, 333.0f, 480.0f, 700.0f}) {
        for (float zoom : {1.0f, 1.5f}) {
            LayoutOptions options;
            options.width = width;
            options.zoom = zoom;
            const PageLayout page = layout_document(chapter.doc, fonts(), options);
            for (const Line& line : page.lines) {
                if (line.runs.empty()) continue;
                const std::string text = line.text();
                INFO("width " << width << " zoom " << zoom << ": " << text);
                CHECK_FALSE(is_line_start_forbidden(first_cp(line.runs.front().text)));
                const GlyphRun& last = line.runs.back();
                CHECK(last.x + last.w <= page.width + 0.5f);  // a too-wide table widens the page instead
            }
        }
    }
}

TEST_CASE("[Layout] mixed bold and link runs wrap as one paragraph") {
    const Document doc = parse_markdown("前置きの文章が続きます。**太字の部分もそのまま折り返されます**し、[リンクの文字列も同じ段落です](#x)。");
    LayoutOptions options;
    options.width = 220;
    const PageLayout page = layout_document(doc, fonts(), options);
    REQUIRE(page.lines.size() >= 3);
    bool bold_and_plain_on_one_line = false;
    for (const Line& line : page.lines) {
        bool bold = false, plain = false;
        for (const GlyphRun& r : line.runs) (r.role == FontRole::Bold ? bold : plain) = true;
        bold_and_plain_on_one_line |= bold && plain;
    }
    CHECK_MESSAGE(bold_and_plain_on_one_line, "a bold run continues on the line where the plain text stopped");
}

TEST_CASE("[Layout] tables keep every cell inside the table width") {
    const Document doc = parse_markdown("| 方式 | 説明 |\n|---|---|\n| 画面転送 | 端末にデータを残さずに庁内の画面だけを送る方式です。 |\n");
    LayoutOptions options;
    options.width = 300;
    const PageLayout page = layout_document(doc, fonts(), options);
    for (const Line& line : page.lines)
        for (const GlyphRun& r : line.runs) CHECK(r.x + r.w <= 300.5f);
    int cells = 0;
    for (const Box& b : page.boxes) cells += b.kind == BoxKind::TableCell || b.kind == BoxKind::TableHeader;
    CHECK(cells == 4);
}

TEST_CASE("[Layout] reading position survives a change of zoom") {
    Diagnostics d;
    const Book book = load_book(std::filesystem::path(TEBIKI_TEST_DATA) / "content", d);
    const Chapter& chapter = *book.find("1-first/01-typography");
    LayoutOptions a, b;
    a.width = b.width = 500;
    b.zoom = 2.0f;
    const PageLayout small = layout_document(chapter.doc, fonts(), a);
    const PageLayout large = layout_document(chapter.doc, fonts(), b);
    const float y = small.y_of_anchor("表とリスト");
    REQUIRE(y > 0);
    const auto pos = small.position_at(y + 1);
    const float y2 = large.y_of(pos.first, pos.second);
    CHECK(large.section_at(y2 + 1)->anchor == "表とリスト");
}

TEST_CASE("[Layout] only lines near the viewport are returned as visible") {
    Diagnostics d;
    const Book book = load_book(std::filesystem::path(TEBIKI_TEST_DATA) / "content", d);
    LayoutOptions options;
    options.width = 300;
    const PageLayout page = layout_document(book.find("1-first/01-typography")->doc, fonts(), options);
    const auto [first, last] = page.visible_lines(200, 400);
    CHECK(last > first);
    CHECK(last - first < page.lines.size());
    for (size_t i = first; i < last; ++i) CHECK(page.lines[i].y < 400);
}

TEST_CASE("[Layout] consecutive punctuation is squeezed: a closing mark before another mark takes half an em") {
    const Document doc = parse_markdown("「目的」、「業務」");
    LayoutOptions options;
    options.width = 800;
    const PageLayout page = layout_document(doc, fonts(), options);
    REQUIRE(page.lines.size() == 1);
    float width = 0;
    for (const GlyphRun& r : page.lines[0].runs) width = std::max(width, r.x + r.w);
    // ImGui's "pixel size" is the font's ascent-to-descent height, so measure the em itself.
    const float em = fonts().face(FontRole::Regular).advance(U'目', page.lines[0].runs[0].px);
    // 9 full-width characters; 」 and 、 each give up half an em.
    CHECK(width == doctest::Approx(8.0f * em).epsilon(0.02));
}

TEST_CASE("[Layout] a chapter nested 100,000 levels deep lays out (defect 8)") {
    std::string text = "# 深い章\n\n";
    for (int i = 0; i < 100000; ++i) text += "> ";
    text += "深い本文\n\n";
    for (int i = 0; i < 100000; ++i) text += "- ";
    text += "深い項目\n";
    const Document doc = parse_markdown(text);
    LayoutOptions options;
    options.width = 600;
    const PageLayout page = layout_document(doc, fonts(), options);
    std::string all;
    for (const Line& line : page.lines) all += line.text();
    CHECK(all.find("深い本文") != std::string::npos);
    CHECK(all.find("深い項目") != std::string::npos);
    CHECK(page.height > 0);
}
