#include "test_paths.h"
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "guide/book.h"
#include "guide/notation.h"
#include "util/file_io.h"

using namespace tebiki;
namespace fs = std::filesystem;

static const fs::path kFixture = fs::path(TEBIKI_TEST_DATA) / "notation";

static std::string joined(const Diagnostics& d) {
    std::string all;
    for (const Diagnostic& x : d) all += x.to_string() + "\n";
    return all;
}

TEST_CASE("[Check] notation: each kind of finding is a file:line warning, exceptions and comments are not") {
    Diagnostics errors, warnings;
    const NotationList list = load_notation(kFixture / "notation.toml", errors);
    CHECK_MESSAGE(errors.empty(), joined(errors));
    REQUIRE(list.terms.size() == 3);
    const std::string file = (kFixture / "chapter.md").string();
    const auto text = read_file(kFixture / "chapter.md");
    REQUIRE(text);
    check_notation(file, *text, list, warnings);
    const std::string all = joined(warnings);
    INFO(all);
    // A form to unify, with its note; the preferred form on the same line is not reported.
    CHECK(all.find("chapter.md:3: 表記: 「手続き」は「手続」に統一します（公用文では送り仮名を省きます）\n") != std::string::npos);
    // A form to unify without a note, and a word that is simply avoided.
    CHECK(all.find("chapter.md:5: 表記: 「パソコン」は「PC」に統一します\n") != std::string::npos);
    CHECK(all.find("chapter.md:5: 表記: 「自腹」は使いません（例: 職員の自己負担）\n") != std::string::npos);
    // Inside an exception phrase (a quoted title) and inside HTML comments: nothing.
    CHECK(all.find("chapter.md:7:") == std::string::npos);
    CHECK(all.find("chapter.md:9:") == std::string::npos);
    CHECK(all.find("chapter.md:11:") == std::string::npos);
    // Two uses on one line: two warnings.
    CHECK(warnings.size() == 5);
    CHECK(warnings.back().line == 13);
    CHECK(warnings[warnings.size() - 2].line == 13);
}

TEST_CASE("[Check] notation: a broken list is reported as errors with file and line") {
    const fs::path dir = fs::temp_directory_path() / "tebiki-test-notation";
    fs::create_directories(dir);
    const fs::path file = dir / "notation.toml";
    std::ofstream(file, std::ios::binary) << "[[term]]\nprefer = \"取組\"\navoid = [\"取組\", 3]\ncolour = \"red\"\n\n"
                                             "[[term]]\nnote = \"avoid がない\"\n\n[other]\n";
    Diagnostics errors;
    const NotationList list = load_notation(file, errors);
    const std::string all = joined(errors);
    INFO(all);
    CHECK(all.find("notation.toml:3:9: 「avoid」は文字列か文字列の配列にしてください") != std::string::npos);
    CHECK(all.find("notation.toml:4:10: 未知のキー「colour」") != std::string::npos);
    CHECK(all.find("notation.toml:1: 避ける表記「取組」が統一する表記「取組」の一部です") != std::string::npos);
    CHECK(all.find("notation.toml:6: 避ける表記（avoid）がありません") != std::string::npos);
    CHECK(all.find("notation.toml:9:1: 未知のキー「other」") != std::string::npos);
    CHECK(errors.size() == 5);

    std::ofstream(file, std::ios::binary) << "[[term]\n";
    errors.clear();
    load_notation(file, errors);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message.find("TOML の書式が正しくありません") != std::string::npos);
    fs::remove_all(dir);

    errors.clear();
    CHECK(load_notation(dir / "none.toml", errors).terms.empty());
    CHECK(errors.empty());
}

TEST_CASE("[Check] the bundled guide follows the notation list") {
    Diagnostics errors, warnings;
    const Book book = load_book(TEBIKI_CONTENT_DIR, errors);
    const NotationList list = load_notation(fs::path(TEBIKI_CONTENT_DIR) / "notation.toml", errors);
    CHECK_MESSAGE(errors.empty(), joined(errors));
    CHECK(list.terms.size() > 10);
    check_notation(book, list, warnings);
    CHECK_MESSAGE(warnings.empty(), joined(warnings));
}
