#include "test_paths.h"
#include <doctest/doctest.h>

#include <filesystem>
#include <memory>

#include "guide/book.h"
#include "present/slides.h"
#include "text/font_set.h"

using namespace tebiki;

static const FontSet& fonts() {
    static std::unique_ptr<FontSet> set = [] {
        std::string error;
        return load_font_set(&error);
    }();
    REQUIRE(set);
    return *set;
}

static size_t count_tables(const std::vector<Block>& blocks) {
    size_t n = 0;
    for (const Block& b : blocks) n += b.kind == BlockKind::Table;
    return n;
}

static size_t rows_of_tables(const std::vector<Block>& blocks) {
    size_t n = 0;
    for (const Block& b : blocks)
        if (b.kind == BlockKind::Table) n += b.children.size();
    return n;
}

TEST_CASE("[Slides] every chapter of the guide splits into slides with no empty slide and no split table") {
    Diagnostics d;
    const Book book = load_book(TEBIKI_CONTENT_DIR, d);
    REQUIRE(book.chapters.size() > 10);
    for (float zoom : {1.0f, 2.0f}) {
        LayoutOptions options;
        options.width = 1200;
        options.zoom = zoom;
        for (size_t c = 0; c < book.chapters.size(); ++c) {
            CAPTURE(book.chapters[c].id);
            const std::vector<Slide> slides = make_slides(book, c, fonts(), options, 700);
            REQUIRE_FALSE(slides.empty());
            size_t tables = 0, rows = 0;
            for (const Slide& s : slides) {
                REQUIRE_FALSE(s.doc.blocks.empty());
                CHECK(s.doc.blocks.front().kind == BlockKind::Heading);
                tables += count_tables(s.doc.blocks);
                rows += rows_of_tables(s.doc.blocks);
            }
            // Every table of the chapter appears once and whole.
            size_t chapter_tables = count_tables(book.chapters[c].doc.blocks);
            size_t chapter_rows = rows_of_tables(book.chapters[c].doc.blocks);
            CHECK(tables == chapter_tables);
            CHECK(rows == chapter_rows);
        }
    }
}

TEST_CASE("[Slides] long sections continue on further slides that fit the screen") {
    Diagnostics d;
    const Book book = load_book(TEBIKI_CONTENT_DIR, d);
    const int index = book.index_of("7-shiryo/90-yogoshu");
    REQUIRE(index >= 0);
    LayoutOptions options;
    options.width = 1200;
    options.zoom = 2.0f;
    const std::vector<Slide> slides = make_slides(book, size_t(index), fonts(), options, 700);
    bool continued = false;
    for (const Slide& s : slides) {
        continued |= s.continued;
        const float h = layout_document(s.doc, fonts(), options).height;
        // A single block may overflow (then it is alone with its heading); otherwise it fits.
        if (s.doc.blocks.size() > 2) CHECK(h <= 700);
    }
    CHECK(continued);
}
