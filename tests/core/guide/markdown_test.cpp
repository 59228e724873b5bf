#include <doctest/doctest.h>

#include "test_text.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include <string>

#include "guide/markdown.h"

using namespace tebiki;

TEST_CASE("[Markdown] headings, paragraphs and inline styles become blocks and spans") {
    const Document doc = parse_markdown("# 題名\n\n本文の**太字**と*斜体*と~~取り消し~~と`コード`。\n");
    REQUIRE(doc.blocks.size() == 2);
    CHECK(doc.blocks[0].kind == BlockKind::Heading);
    CHECK(doc.blocks[0].level == 1);
    CHECK(doc.blocks[0].anchor == "題名");
    const auto& spans = doc.blocks[1].spans;
    CHECK(plain_text(spans) == "本文の太字と斜体と取り消しとコード。");
    bool bold = false, italic = false, strike = false, code = false;
    for (const Span& s : spans) {
        bold |= (s.style & kBold) && s.text == "太字";
        italic |= (s.style & kItalic) && s.text == "斜体";
        strike |= (s.style & kStrike) && s.text == "取り消し";
        code |= (s.style & kCode) && s.text == "コード";
    }
    CHECK(bold);
    CHECK(italic);
    CHECK(strike);
    CHECK(code);
}

TEST_CASE("[Markdown] a soft break inside Japanese text adds no space, between Latin words it does") {
    CHECK(plain_text(parse_markdown("日本語の\n文章です。").blocks[0].spans) == "日本語の文章です。");
    CHECK(plain_text(parse_markdown("remote\naccess").blocks[0].spans) == "remote access");
}

TEST_CASE("[Markdown] GFM tables keep header row, cells and alignment") {
    const Document doc = parse_markdown("| 方式 | 費用 |\n|:---|---:|\n| 画面転送 | 中 |\n");
    REQUIRE(doc.blocks.size() == 1);
    const Block& table = doc.blocks[0];
    CHECK(table.kind == BlockKind::Table);
    REQUIRE(table.children.size() == 2);
    CHECK(table.children[0].header);
    CHECK_FALSE(table.children[1].header);
    CHECK(plain_text(table.children[1].children[0].spans) == "画面転送");
    CHECK(table.children[1].children[1].align == Align::Right);
}

TEST_CASE("[Markdown] task lists, nested lists, quotes, code, rules and images") {
    const Document doc = parse_markdown(
        "- [ ] 未\n- [x] 済\n\n1. 一\n   - 入れ子\n\n> コラム\n\n```\ncode\n```\n\n---\n\n![図の説明](diagrams/a.png)\n");
    REQUIRE(doc.blocks.size() == 6);
    CHECK(doc.blocks[0].children[0].task == 0);
    CHECK(doc.blocks[0].children[1].task == 1);
    CHECK(doc.blocks[1].ordered);
    CHECK(doc.blocks[1].children[0].children[1].kind == BlockKind::List);
    CHECK(doc.blocks[2].kind == BlockKind::Quote);
    CHECK(doc.blocks[3].kind == BlockKind::Code);
    CHECK(doc.blocks[3].spans[0].text == "code");
    CHECK(doc.blocks[4].kind == BlockKind::Rule);
    CHECK(doc.blocks[5].kind == BlockKind::Image);
    CHECK(doc.blocks[5].src == "diagrams/a.png");
    CHECK(doc.blocks[5].alt == "図の説明");
}

TEST_CASE("[Markdown] emphasis that CommonMark cannot close is reported with its line") {
    const Document bad = parse_markdown("一行目\n\nこれは**「重要」**です。\n");
    REQUIRE(bad.leftover_emphasis_lines.size() >= 1);
    CHECK(bad.leftover_emphasis_lines.front() == 3);
    CHECK(parse_markdown("これは「**重要**」です。").leftover_emphasis_lines.empty());
    CHECK(parse_markdown("`**` はコードなので構いません。").leftover_emphasis_lines.empty());
}

TEST_CASE("[Markdown] links keep their target and source line") {
    const Document doc = parse_markdown("段落\n\n[規程](../4-kanri/05-kitei.md#要綱に定める事項)を参照。\n");
    REQUIRE(doc.links.size() == 1);
    CHECK(doc.links[0].target == "../4-kanri/05-kitei.md#要綱に定める事項");
    CHECK(doc.links[0].line == 3);
}

namespace {

int block_depth(const std::vector<Block>& blocks) {
    int deepest = 0;
    // Iterative on purpose: a test of bounded recursion should not recurse itself.
    std::vector<std::pair<const Block*, int>> stack;
    for (const Block& b : blocks) stack.push_back({&b, 1});
    while (!stack.empty()) {
        auto [b, depth] = stack.back();
        stack.pop_back();
        deepest = std::max(deepest, depth);
        for (const Block& c : b->children) stack.push_back({&c, depth + 1});
    }
    return deepest;
}

}  // namespace

TEST_CASE("[Markdown] 100,000 levels of nesting are flattened without deep recursion and reported (defect 8)") {
    constexpr int kLevels = 100000;
    const std::pair<const char*, std::string> cases[] = {
        {"block quotes", repeat(">", kLevels) + " 深い本文\n"},
        {"quotes with spaces", repeat("> ", kLevels) + "深い本文\n"},
        {"list items", repeat("- ", kLevels) + "深い本文\n"},
        {"ordered lists", repeat("1. ", kLevels) + "深い本文\n"},
        {"emphasis", repeat("*", kLevels) + "深い本文" + repeat("*", kLevels) + "\n"},
        {"images in images", repeat("![", kLevels) + "深い本文" + repeat("](a.png)", kLevels) + "\n"},
        {"links around images", "[" + repeat("![", kLevels) + "深い本文" + repeat("](a.png)", kLevels) + "](b.md)\n"},
        {"strikethrough", repeat("~~a ", kLevels / 10) + "深い本文" + repeat(" a~~", kLevels / 10) + "\n"},
        {"quote then list", "# 題\n\n" + repeat("> - ", kLevels / 2) + "深い本文\n"},
    };
    for (const auto& [name, text] : cases) {
        CAPTURE(name);
        const Document doc = parse_markdown(text);
        CHECK(block_depth(doc.blocks) <= 30);
        std::string all;
        for (const Block& b : doc.blocks) all += plain_text(b);
        CHECK(all.find("深い本文") != std::string::npos);  // the text is kept, only the nesting goes
        REQUIRE_FALSE(doc.too_deep_lines.empty());
        CHECK(doc.too_deep_lines.front() >= 1);
    }
    // Ordinary nesting is not reported.
    CHECK(parse_markdown("> 引用\n>\n> - 項目\n>   - 入れ子\n\n**太字の*斜体*も**\n").too_deep_lines.empty());
}
