#include "test_paths.h"
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

#include "guide/book.h"
#include "guide/check.h"
#include "guide/markdown.h"
#include "present/slide_type.h"
#include "present/slides.h"
#include "text/font_set.h"
#include "util/paths.h"

using namespace tebiki;
namespace fs = std::filesystem;

static const FontSet& fonts() {
    static std::unique_ptr<FontSet> set = [] {
        std::string error;
        return load_font_set(&error);
    }();
    REQUIRE(set);
    return *set;
}

static const Book& bundled() {
    static const Book book = [] {
        Diagnostics d;
        return load_book(TEBIKI_CONTENT_DIR, d);
    }();
    return book;
}

static size_t count_kind(const std::vector<Block>& blocks, BlockKind kind) {
    size_t n = 0;
    for (const Block& b : blocks) n += b.kind == kind;
    return n;
}

// Body rows (a table cut over slides repeats its header rows on each).
static size_t rows_of_tables(const std::vector<Block>& blocks) {
    size_t n = 0;
    for (const Block& b : blocks)
        if (b.kind == BlockKind::Table)
            for (const Block& row : b.children) n += !row.header;
    return n;
}

static size_t captions(const std::vector<Block>& blocks) {
    size_t n = 0;
    for (const Block& b : blocks) n += b.kind == BlockKind::Paragraph && plain_text(b).rfind("表", 0) == 0;
    return n;
}

// The slides of a screen as the window cuts them: the slide type and the content area.
struct Screen {
    float width, height;
    LayoutOptions options() const {
        LayoutOptions o = slide_layout(slide_type_scale(fonts(), height), slide_small_px(height, type_scale(1.0f).body), width, height);
        o.image_size = image_sizer_for(default_paths().asset_dirs);  // the diagrams as the window shows them
        return o;
    }
    float max_height() const { return slide_geometry(width, height).height; }
};

static std::vector<Slide> slides_of(const Book& book, size_t chapter, const Screen& screen) {
    return make_slides(book, chapter, fonts(), screen.options(), screen.max_height(), "（続き）");
}

static const Screen kScreens[] = {{1920, 1080}, {1280, 720}};

TEST_CASE("[Slides] body glyphs are at least 4 % of the screen height and titles clearly larger, at 1080 p and 720 p") {
    for (const Screen& screen : kScreens) {
        CAPTURE(screen.height);
        const TypeScale s = slide_type_scale(fonts(), screen.height);
        const float em = em_of(fonts(), s.body);
        const float ink = fonts().face(FontRole::Regular).ink_height(U'国', s.body);
        CHECK(em / screen.height >= 0.04f);
        CHECK(ink / screen.height >= 0.04f);  // what the eye sees: the kanji itself, not its box
        CHECK(s.h1 >= 1.4f * s.body);
        CHECK(s.h2 > s.body);
        MESSAGE("body em ", em, " px, 国 ", ink, " px, ImGui size ", s.body, ", title ", s.h1, " at ", screen.height, " px");
        // The room presets only make it larger.
        CHECK(slide_type_scale(fonts(), screen.height, 1.25f).body > s.body);
    }
}

TEST_CASE("[Slides] every chapter at 1080 p and 720 p: no empty slide, every table row once (on slides or in the notes), no slide taller than the screen but for one row or item") {
    const Book& book = bundled();
    REQUIRE(book.chapters.size() > 10);
    for (const Screen& screen : kScreens) {
        for (size_t c = 0; c < book.chapters.size(); ++c) {
            CAPTURE(book.chapters[c].id);
            CAPTURE(screen.height);
            const std::vector<Slide> slides = slides_of(book, c, screen);
            REQUIRE_FALSE(slides.empty());
            size_t rows = 0, caption_count = 0;
            for (const Slide& s : slides) {
                REQUIRE_FALSE(s.doc.blocks.empty());
                CHECK(s.doc.blocks.front().kind == BlockKind::Heading);
                CHECK(s.doc.blocks.front().level == 1);
                rows += rows_of_tables(s.doc.blocks) + rows_of_tables(s.notes.blocks);
                caption_count += captions(s.doc.blocks) + captions(s.notes.blocks);
                // Taller than the screen only with a single unit under the title (it scrolls).
                if (layout_document(s.doc, fonts(), screen.options()).height > screen.max_height())
                    CHECK(count_kind(s.doc.blocks, BlockKind::List) + count_kind(s.doc.blocks, BlockKind::Table) +
                              count_kind(s.doc.blocks, BlockKind::Image) <= 1);
            }
            CHECK(rows == rows_of_tables(book.chapters[c].doc.blocks));
            CHECK(caption_count == captions(book.chapters[c].doc.blocks));
        }
    }
}

TEST_CASE("[Slides] slides are used: few per chapter, and a slide is nearly empty only when its section is short") {
    const Book& book = bundled();
    const Screen screen{1920, 1080};
    const LayoutOptions options = screen.options();
    size_t total = 0, most = 0, title_only = 0, sparse = 0;
    for (size_t c = 0; c < book.chapters.size(); ++c) {
        CAPTURE(book.chapters[c].id);
        const std::vector<Slide> slides = slides_of(book, c, screen);
        total += slides.size();
        most = std::max(most, slides.size());
        for (const Slide& s : slides) {
            title_only += s.doc.blocks.size() == 1;
            sparse += layout_document(s.doc, fonts(), options).height < screen.max_height() / 3;
        }
        std::printf("slides %-34s %2zu\n", book.chapters[c].id.c_str(), slides.size());
    }
    std::printf("slides total %zu, at most %zu a chapter, %zu less than a third full (1920x1080)\n", total, most, sparse);
    // The old cut gave 29–40 slides a chapter, many nearly empty.
    CHECK(most <= 30);
    CHECK(double(total) / double(book.chapters.size()) <= 14.0);
    CHECK(title_only == 0);
    CHECK(double(sparse) / double(total) <= 0.15);
}

TEST_CASE("[Slides] a section with lists puts them on the slide and its prose in the notes") {
    const Book& book = bundled();
    const int index = book.index_of("4-kanri/05-kitei");
    REQUIRE(index >= 0);
    bool prose_in_notes = false;
    for (const Slide& s : slides_of(book, size_t(index), kScreens[0])) {
        const size_t material = count_kind(s.doc.blocks, BlockKind::List) + count_kind(s.doc.blocks, BlockKind::Table);
        if (material > 0 && count_kind(s.notes.blocks, BlockKind::Paragraph) > 0) prose_in_notes = true;
    }
    CHECK(prose_in_notes);
}

static Book book_of(const std::string& markdown) {
    const fs::path dir = fs::temp_directory_path() / "tebiki-slides-test";
    fs::remove_all(dir);
    fs::create_directories(dir / "1-part");
    std::ofstream(dir / "1-part" / "part.toml") << "title = \"【第一編】\"\nshort = \"第一編\"\nsummary = \"要約。\"\n";
    std::ofstream(dir / "1-part" / "01-chapter.md", std::ios::binary) << markdown;
    Diagnostics d;
    return load_book(dir, d);
}

TEST_CASE("[Slides] an author's slide block goes on the slide and the rest of the section becomes notes") {
    const Book book = book_of(
        "# 章\n\n導入の文です。\n\n## 節\n\n長い説明の段落です。ここは発表では話すだけにします。\n\n"
        "<!-- slide -->\n- 要点その一\n- 要点その二\n<!-- /slide -->\n\n- 詳しい一覧\n- 二つ目\n\n後ろの段落です。\n");
    const std::vector<Slide> slides = slides_of(book, 0, kScreens[0]);
    REQUIRE(slides.size() == 2);
    const Slide& s = slides[1];
    CHECK(s.title == "節");
    REQUIRE(s.doc.blocks.size() == 2);
    CHECK(plain_text(s.doc.blocks[1]).find("要点その一") != std::string::npos);
    // The other list and both paragraphs are notes, in order.
    REQUIRE(s.notes.blocks.size() == 3);
    CHECK(s.notes.blocks[0].kind == BlockKind::Paragraph);
    CHECK(s.notes.blocks[1].kind == BlockKind::List);
    CHECK(plain_text(s.notes.blocks[2]) == "後ろの段落です。");
    // The mark is not shown in the reader: no code block, no text.
    CHECK(count_kind(book.chapters[0].doc.blocks, BlockKind::Code) == 0);
}

TEST_CASE("[Slides] a prose-only section shows its first whole sentences, the rest is notes") {
    const Book book = book_of(
        "# 章\n\n## 節\n\n一つ目の文です。二つ目は「引用。の中」でも切りません。三つ目です。四つ目は出ません。\n\n次の段落です。\n");
    const std::vector<Slide> slides = slides_of(book, 0, kScreens[1]);
    // The chapter title alone would be a title slide; the section joins it.
    REQUIRE(slides.size() == 1);
    const Slide& s = slides[0];
    REQUIRE(s.doc.blocks.size() == 3);  // title, the joined section's heading, its sentences
    CHECK(plain_text(s.doc.blocks[2]) == "一つ目の文です。二つ目は「引用。の中」でも切りません。");
    REQUIRE(s.notes.blocks.size() >= 2);
    CHECK(plain_text(s.notes.blocks[s.notes.blocks.size() - 2]) == "三つ目です。四つ目は出ません。");
    CHECK(plain_text(s.notes.blocks.back()) == "次の段落です。");
}

TEST_CASE("[Slides] sentences split after 。！？ outside brackets, keeping styles and links") {
    std::vector<Span> spans = {Span{"太字の文です。"}, Span{"リンク", kLink, 0}, Span{"の文！（括弧。内）まだ続く？ Yes! ok"}};
    spans[0].style = kBold;
    const auto sentences = split_sentences(spans);
    REQUIRE(sentences.size() == 5);
    CHECK(plain_text(sentences[0]) == "太字の文です。");
    CHECK(sentences[0][0].style == kBold);
    CHECK(plain_text(sentences[1]) == "リンクの文！");
    CHECK(sentences[1][0].link == 0);
    CHECK(plain_text(sentences[2]) == "（括弧。内）まだ続く？ ");
    CHECK(plain_text(sentences[3]) == "Yes! ");
    CHECK(plain_text(sentences[4]) == "ok");
}

TEST_CASE("[Slides] a re-cut keeps the slide, an anchor finds its section's slide, and the chapter's sections are all reachable") {
    const Book& book = bundled();
    const int index = book.index_of("4-kanri/05-kitei");
    REQUIRE(index >= 0);
    const Chapter& chapter = book.chapters[size_t(index)];
    const std::vector<Slide> big = slides_of(book, size_t(index), kScreens[0]);
    const std::vector<Slide> small = slides_of(book, size_t(index), kScreens[1]);
    for (const Slide& s : big) {
        const Slide& found = small[slide_for_position(small, s)];
        CHECK(std::tie(found.section, found.unit) <= std::tie(s.section, s.unit));
        // Back to the big screen: the very same slide.
        CHECK(slide_for_position(big, s) == size_t(&s - big.data()));
    }
    for (const Heading& h : chapter.headings) {
        if (h.level < 2 || h.level > 3) continue;
        CAPTURE(h.text);
        const size_t i = slide_for_anchor(big, chapter, h.anchor);
        const auto& anchors = big[i].anchors;
        CHECK(std::find(anchors.begin(), anchors.end(), h.anchor) != anchors.end());
    }
}

TEST_CASE("[Check] slide marks: unclosed, nested, stray closing, inside a list, empty and misspelt, each at its line") {
    const Book book = book_of(
        "# 章\n\n## 一\n\n<!-- slide -->\n- a\n\n## 二\n\n<!-- slide -->\n<!-- slide -->\n- b\n<!-- /slide -->\n\n"
        "## 三\n\n<!-- /slide -->\n\n- c\n\n  <!-- slide -->\n\n## 四\n\n<!-- slide -->\n<!-- /slide -->\n\n<!-- slides -->\n");
    CheckInputs in;
    in.book = &book;
    Diagnostics d;
    check_book(in, d);
    auto at = [&](int line, std::string_view words) {
        for (const Diagnostic& x : d)
            if (x.line == line && x.message.find(words) != std::string::npos) return true;
        return false;
    };
    for (const Diagnostic& x : d) MESSAGE(x.to_string());
    CHECK(at(5, "閉じられていません"));
    CHECK(at(11, "入れ子"));
    CHECK(at(17, "対応する"));
    CHECK(at(21, "箇条書き"));
    CHECK(at(25, "空です"));
    CHECK(at(28, "二つだけ"));
    CHECK(d.size() == 6);
}

TEST_CASE("[Slides] an item whose sub-list is taller than a slide is cut between sub-items, its own text repeated") {
    std::string md = "# 章\n\n## 節\n\n- 短い項目です。\n- 次の方法があります。\n";
    for (int i = 1; i <= 14; ++i) md += "  - 方法その" + std::to_string(i) + "を説明する少し長めの文です。\n";
    const Book book = book_of(md);
    for (const Screen& screen : kScreens) {
        CAPTURE(screen.height);
        const std::vector<Slide> slides = slides_of(book, 0, screen);
        REQUIRE(slides.size() >= 3);
        std::string shown;
        for (const Slide& s : slides) {
            CHECK(layout_document(s.doc, fonts(), screen.options()).height <= screen.max_height());
            for (const Block& b : s.doc.blocks) shown += plain_text(b);
        }
        for (int i = 1; i <= 14; ++i) {
            const std::string sub = "方法その" + std::to_string(i) + "を";
            CHECK(shown.find(sub) != std::string::npos);
            CHECK(shown.find(sub) == shown.rfind(sub));  // once
        }
        CHECK(shown.find("次の方法があります。") != shown.rfind("次の方法があります。"));  // repeated above each part
    }
}

static size_t images_in(const std::vector<Block>& blocks) { return count_kind(blocks, BlockKind::Image); }

// A table cut down to a single body row (rows are never cut): with its header and 出典 it may still
// be taller than the screen, and scroll (「▼ 続きがあります」).
static bool one_tall_row(const Slide& s) {
    for (const Block& b : s.doc.blocks)
        if (b.kind == BlockKind::Table && rows_of_tables({b}) == 1) return true;
    return false;
}

TEST_CASE("[Slides] no slide of the bundled guide overflows at 1280x720 and 1920x1080, and every figure is shown once") {
    // 3-kankyo/02 図3-2 and 図3-5 overflowed (「▼ 続きがあります」) before figures were fitted;
    // 3-kankyo/07-qa slides 4 and 7 and 7-shiryo/01 slide 4 (one long list item) before such an
    // item was cut between sentences.
    const Book& book = bundled();
    for (const Screen& screen : kScreens) {
        size_t figure_slides = 0, cut_items = 0, rows = 0;
        for (size_t c = 0; c < book.chapters.size(); ++c) {
            CAPTURE(book.chapters[c].id);
            CAPTURE(screen.height);
            const std::vector<Slide> slides = slides_of(book, c, screen);
            size_t shown = 0;
            for (size_t i = 0; i < slides.size(); ++i) {
                CAPTURE(i + 1);
                shown += images_in(slides[i].doc.blocks) + images_in(slides[i].notes.blocks);
                figure_slides += images_in(slides[i].doc.blocks) > 0;
                for (const Block& b : slides[i].doc.blocks)
                    if (b.kind == BlockKind::List) cut_items += std::count_if(b.children.begin(), b.children.end(), [](const Block& item) { return item.continued; });
                const float height = layout_document(slides[i].doc, fonts(), screen.options()).height;
                if (height > screen.max_height() && one_tall_row(slides[i])) {
                    ++rows;
                    continue;
                }
                CHECK(height <= screen.max_height());
            }
            CHECK(shown == images_in(book.chapters[c].doc.blocks));
        }
        std::printf("slides %gx%g: %zu with a figure, all fitted; %zu list items cut between sentences; %zu taller than the screen (one table row)\n",
                    screen.width, screen.height, figure_slides, cut_items, rows);
        CHECK(figure_slides >= 10);
        CHECK(cut_items >= 3);
        CHECK(rows <= 2);
    }
}

TEST_CASE("[Slides] a figure with a long caption and source is fitted: the image smaller, the 出典 to the notes when needed") {
    std::string caption = "**図1-1　";
    for (int i = 0; i < 3; ++i) caption += "長い図の題名がここに続きます";
    std::string source = "出典：";
    for (int i = 0; i < 12; ++i) source += "ある報告書の図表をもとに作成";
    const std::string md = "# 章\n\n## 節\n\n" + caption + "**\n\n![図の説明](diagrams/3-kankyo-hoshiki.png)\n\n" + source + "\n";
    const Book book = book_of(md);
    for (const Screen& screen : kScreens) {
        CAPTURE(screen.height);
        const std::vector<Slide> slides = slides_of(book, 0, screen);
        size_t figures = 0;
        for (const Slide& s : slides) {
            if (!images_in(s.doc.blocks)) continue;
            ++figures;
            CHECK(layout_document(s.doc, fonts(), screen.options()).height <= screen.max_height());
            const PageLayout page = layout_document(s.doc, fonts(), screen.options());
            REQUIRE(page.images.size() == 1);
            CHECK(page.images[0].h >= 0.3f * screen.max_height() - 1);  // still readable
            std::string notes;
            for (const Block& b : s.notes.blocks) notes += plain_text(b);
            CHECK(notes.find("出典：") != std::string::npos);  // the source is kept, for the presenter
        }
        CHECK(figures == 1);
    }
}

TEST_CASE("[Slides] a list item taller than a slide is cut between sentences, outside brackets, its later piece without a marker") {
    std::string item = "- 最初の文です。";
    for (int i = 1; i <= 30; ++i)
        item += "項目の説明その" + std::to_string(i) + "は「括弧の中。ここでは切らない。」と述べて、次に進みます。";
    item += "はい。\n";  // a short last sentence stays with the one before it
    const Book book = book_of("# 章\n\n## 節\n\n- 短い項目です。\n" + item + "- 最後の項目です。\n");
    for (const Screen& screen : kScreens) {
        CAPTURE(screen.height);
        const std::vector<Slide> slides = slides_of(book, 0, screen);
        REQUIRE(slides.size() >= 3);
        std::string shown;
        size_t pieces = 0;
        for (const Slide& s : slides) {
            CHECK(layout_document(s.doc, fonts(), screen.options()).height <= screen.max_height());
            for (const Block& b : s.doc.blocks) {
                shown += plain_text(b);
                if (b.kind != BlockKind::List) continue;
                for (const Block& it : b.children) {
                    const std::string text = plain_text(it);
                    if (text.find("項目の説明") == std::string::npos) continue;
                    ++pieces;
                    CHECK(it.continued == (pieces > 1));  // no second bullet
                    if (pieces > 1) CHECK(text.find("項目の説明その") == 0);  // starts at a sentence
                    CHECK(text.rfind("。") == text.size() - std::string("。").size());  // ends after 。
                    size_t open = 0, close = 0;  // never inside 「」
                    for (size_t at = 0; (at = text.find("「", at)) != std::string::npos; ++at) ++open;
                    for (size_t at = 0; (at = text.find("」", at)) != std::string::npos; ++at) ++close;
                    CHECK(open == close);
                    CHECK(text.size() > std::string("はい。").size() + 10);
                }
            }
            if (s.continued) CHECK(plain_text(s.doc.blocks.front()).find("（続き）") != std::string::npos);
        }
        CHECK(pieces >= 2);
        for (int i = 1; i <= 30; ++i) {
            const std::string part = "その" + std::to_string(i) + "は";
            CHECK(shown.find(part) == shown.rfind(part));  // every sentence once
            CHECK(shown.find(part) != std::string::npos);
        }
        CHECK(shown.find("最後の項目です。") != std::string::npos);
    }
}

TEST_CASE("[Slides] an ordered item and an author's paragraph taller than a slide are cut between sentences, the numbering kept") {
    std::string sentences;
    for (int i = 1; i <= 30; ++i) sentences += "手順の説明その" + std::to_string(i) + "は、必要な書類をそろえてから申請します。";
    const Book book = book_of("# 章\n\n## 番号\n\n1. 短い手順です。\n2. " + sentences + "\n3. 最後の手順です。\n\n## 段落\n\n<!-- slide -->\n\n" +
                              sentences + "\n\n<!-- /slide -->\n");
    for (const Screen& screen : kScreens) {
        CAPTURE(screen.height);
        const std::vector<Slide> slides = slides_of(book, 0, screen);
        int last_number = 0;
        size_t paragraph_pieces = 0;
        std::string shown;
        for (const Slide& s : slides) {
            CHECK(layout_document(s.doc, fonts(), screen.options()).height <= screen.max_height());
            for (const Block& b : s.doc.blocks) {
                shown += plain_text(b);
                if (b.kind == BlockKind::Paragraph && plain_text(b).find("手順の説明") == 0) ++paragraph_pieces;
                if (b.kind != BlockKind::List) continue;
                int number = b.start;
                for (const Block& item : b.children) {
                    if (plain_text(item) == "最後の手順です。") last_number = number;
                    number += !item.continued;
                }
            }
        }
        CHECK(last_number == 3);
        CHECK(paragraph_pieces >= 2);
        for (int i = 1; i <= 30; ++i) {
            const std::string part = "その" + std::to_string(i) + "は";
            CHECK(shown.find(part) != shown.rfind(part));  // twice: in the list and in the paragraph, no more
            CHECK(shown.find(part, shown.find(part) + 1) == shown.rfind(part));
        }
    }
}
