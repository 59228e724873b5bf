#include "test_paths.h"
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>

#include "guide/book.h"
#include "search/search_engine.h"
#include "storage/database.h"

using namespace tebiki;
namespace fs = std::filesystem;

static Book fixture_book() {
    Diagnostics d;
    return load_book(fs::path(TEBIKI_TEST_DATA) / "content", d);
}

static bool has_hit(const std::vector<SearchHit>& hits, const std::string& anchor) {
    for (const SearchHit& h : hits)
        if (h.anchor == anchor) return true;
    return false;
}

TEST_CASE("[Search] full-width, half-width and case variants find the same sections") {
    const Book book = fixture_book();
    SearchEngine engine(book, "");
    const auto a = engine.search("LGWAN");
    CHECK_FALSE(a.empty());
    CHECK(engine.search("ｌｇｗａｎ").size() == a.size());
    CHECK(engine.search("lgwan").size() == a.size());
    CHECK_FALSE(engine.search("システム").empty());
}

TEST_CASE("[Search] one- and two-character queries find every section that contains them") {
    const Book book = fixture_book();
    SearchEngine engine(book, "");
    const auto hits = engine.search("出張");
    CHECK(has_hit(hits, "出張"));
    CHECK_FALSE(engine.search("要綱").empty());
    const auto one = engine.search("表");
    CHECK(has_hit(one, "表とリスト"));
}

TEST_CASE("[Search] title hits rank first and snippets highlight the match in the original text") {
    const Book book = fixture_book();
    SearchEngine engine(book, "");
    const auto hits = engine.search("要綱");
    REQUIRE(!hits.empty());
    CHECK(hits.front().anchor == "要綱に定める事項");
    const auto sys = engine.search("システム");
    REQUIRE(!sys.empty());
    const SearchHit& h = sys.front();
    REQUIRE(!h.snippet_highlights.empty());
    CHECK(h.snippet.substr(h.snippet_highlights[0].begin, h.snippet_highlights[0].end - h.snippet_highlights[0].begin) == "ｼｽﾃﾑ");
}

TEST_CASE("[Search] several words must all occur, and nothing is found for text that is absent") {
    const Book book = fixture_book();
    SearchEngine engine(book, "");
    CHECK_FALSE(engine.search("禁則 コミットメント").empty());
    CHECK(engine.search("禁則 存在しない語句です").empty());
    CHECK(engine.search("   ").empty());
    CHECK(engine.search("\"'%_\\").empty());
}

TEST_CASE("[Search] the on-disk index is reused until the content changes, and a damaged file is rebuilt") {
    const fs::path dir = fs::temp_directory_path() / "tebiki-test-index";
    fs::remove_all(dir);
    const Book book = fixture_book();
    {
        SearchEngine first(book, dir / "index.sqlite");
        CHECK(first.rebuilt());
    }
    {
        SearchEngine second(book, dir / "index.sqlite");
        CHECK_FALSE(second.rebuilt());
        CHECK_FALSE(second.search("要綱").empty());
    }
    fs::resize_file(dir / "index.sqlite", 100);  // truncate: no longer a database
    SearchEngine third(book, dir / "index.sqlite");
    CHECK(third.rebuilt());
    CHECK_FALSE(third.search("要綱").empty());
}

TEST_CASE("[Search] a dropped FTS table or content table is rebuilt (defect 11)") {
    const Book book = fixture_book();
    for (const char* drop : {"DROP TABLE sections_fts", "DROP TABLE sections", "DROP TABLE meta",
                             "DELETE FROM sections_fts_data"}) {
        CAPTURE(drop);
        const fs::path dir = fs::temp_directory_path() / "tebiki-test-index-dropped";
        fs::remove_all(dir);
        { SearchEngine first(book, dir / "index.sqlite"); }
        {
            storage::Database db(dir / "index.sqlite");
            db.exec(drop);
        }
        SearchEngine again(book, dir / "index.sqlite");
        CHECK_FALSE(again.search("要綱").empty());
        CHECK_FALSE(again.search("テレワーク").empty());
    }
}

TEST_CASE("[Search] an index folder that cannot be written falls back to memory (defect 11)") {
    const Book book = fixture_book();
    // Nothing can be created below /dev/null, even by root (a read-only data folder for others).
    SearchEngine engine(book, "/dev/null/tebiki/search-index.sqlite");
    CHECK(engine.in_memory());
    CHECK_FALSE(engine.search("要綱").empty());
}
