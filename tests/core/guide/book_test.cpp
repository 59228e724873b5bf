#include "test_paths.h"
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <sys/stat.h>

#include "guide/book.h"
#include "guide/check.h"
#include "guide/link.h"
#include "text/font_set.h"

using namespace tebiki;
namespace fs = std::filesystem;

static const fs::path kFixture = fs::path(TEBIKI_TEST_DATA) / "content";

static fs::path temp_dir(const char* name) {
    const fs::path dir = fs::temp_directory_path() / (std::string("tebiki-test-") + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

static void write(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

TEST_CASE("[Book] parts and chapters load in numeric order with titles from part.toml and H1") {
    Diagnostics d;
    const Book book = load_book(kFixture, d);
    CHECK(d.empty());
    REQUIRE(book.parts.size() == 2);
    CHECK(book.parts[0].short_name == "第一編");
    CHECK(book.chapters[0].id == "1-first/01-typography");
    CHECK(book.chapters[0].title == "組版の確認");
    CHECK(book.find("2-second/01-rules") != nullptr);
}

TEST_CASE("[Book] internal links resolve to chapter and heading and broken ones say why") {
    Diagnostics d;
    const Book book = load_book(kFixture, d);
    const Chapter& from = *book.find("1-first/01-typography");
    const ResolvedLink ok = resolve_link(book, from, "../2-second/01-rules.md#要綱に定める事項");
    CHECK(ok.kind == LinkKind::Internal);
    CHECK(ok.chapter_id == "2-second/01-rules");
    CHECK(resolve_link(book, from, "#禁則処理").kind == LinkKind::Internal);
    CHECK(resolve_link(book, from, "https://www.soumu.go.jp/").kind == LinkKind::External);
    CHECK(resolve_link(book, from, "app:assessment/readiness").kind == LinkKind::App);
    const ResolvedLink missing = resolve_link(book, from, "../2-second/01-rules.md#ない見出し");
    CHECK(missing.kind == LinkKind::Broken);
    CHECK(missing.problem.find("ない見出し") != std::string::npos);
    CHECK(resolve_link(book, from, "../9-none/01.md").kind == LinkKind::Broken);
}

TEST_CASE("[Check] every kind of content problem is reported with file and line") {
    const fs::path dir = temp_dir("check");
    write(dir / "1-a/part.toml", "title = \"【テスト編】\"\nshort = \"テスト編\"\nsummary = \"要約\"\ncolour = \"red\"\n");
    write(dir / "1-a/01-bad.md",
          "# 題名\n\n[切れたリンク](02-none.md)\n\nこれは**「重要」**です。\n\n![](missing.png)\n\n## 同じ\n\n## 同じ\n\n絵文字\xF0\x9F\x98\x80です。\n");
    write(dir / "1-a/02-nohead.md", "見出しがありません。\n");
    write(dir / "1-a/03-bad-utf8.md", "# 題名\n\n\xff\xfe\n");
    Diagnostics d;
    const Book book = load_book(dir, d);
    std::string error;
    auto fonts = load_font_set(&error);
    REQUIRE_MESSAGE(fonts, error);
    CheckInputs in;
    in.book = &book;
    in.asset_dirs = {dir};
    in.fonts = fonts.get();
    check_book(in, d);
    std::string all;
    for (const Diagnostic& x : d) all += x.to_string() + "\n";
    INFO(all);
    CHECK(all.find("part.toml:4:1: 未知のキー「colour」") != std::string::npos);
    CHECK(all.find("01-bad.md:3: リンク先の章「1-a/02-none」がありません") != std::string::npos);
    CHECK(all.find("01-bad.md:5: 強調の「**」") != std::string::npos);
    CHECK(all.find("01-bad.md:7: 画像「missing.png」が assets/ にありません") != std::string::npos);
    CHECK(all.find("01-bad.md:7: 画像「missing.png」に代替テキスト") != std::string::npos);
    CHECK(all.find("01-bad.md:11: 見出し「同じ」が9行目と重複") != std::string::npos);
    CHECK(all.find("01-bad.md:13: 文字 U+1F600") != std::string::npos);
    CHECK(all.find("02-nohead.md:1: 1行目は章の題名") != std::string::npos);
    CHECK(all.find("03-bad-utf8.md:3: UTF-8 として正しくない") != std::string::npos);
}

TEST_CASE("[Check] a missing content folder is an error, not a crash") {
    Diagnostics d;
    const Book book = load_book("/nonexistent/tebiki/content", d);
    CHECK(book.chapters.empty());
    REQUIRE(d.size() == 1);
    CHECK(d[0].message.find("見つかりません") != std::string::npos);
}

TEST_CASE("[Check] the fixture content passes") {
    Diagnostics d;
    const Book book = load_book(kFixture, d);
    std::string error;
    auto fonts = load_font_set(&error);
    CheckInputs in;
    in.book = &book;
    in.asset_dirs = {fs::path(TEBIKI_TEST_DATA) / "assets"};
    in.fonts = fonts.get();
    check_book(in, d);
    std::string all;
    for (const Diagnostic& x : d) all += x.to_string() + "\n";
    CHECK_MESSAGE(d.empty(), all);
}

TEST_CASE("[Book] a chapter nested 100,000 levels deep loads with a file:line diagnostic (defect 8)") {
    const fs::path dir = temp_dir("deep");
    write(dir / "1-a/part.toml", "title = \"編\"\n");
    std::string text = "# 深い章\n\n本文。\n\n";
    for (int i = 0; i < 100000; ++i) text += ">";
    write(dir / "1-a/01-deep.md", text + " 深い引用\n");
    Diagnostics d;
    const Book book = load_book(dir, d);
    REQUIRE(book.chapters.size() == 1);
    REQUIRE(d.size() == 1);
    CHECK(d[0].to_string().find("01-deep.md:5: ") != std::string::npos);
    CHECK(d[0].message.find("入れ子が深すぎる") != std::string::npos);
}

TEST_CASE("[Book] FIFOs, devices and oversized chapters are refused with the file named and huge numbers do not overflow (defect 9)") {
    const fs::path dir = temp_dir("exotic");
    write(dir / "1-a/part.toml", "title = \"編\"\n");
    write(dir / "1-a/01-ok.md", "# 普通の章\n");
    REQUIRE(::mkfifo((dir / "1-a/02-pipe.md").c_str(), 0644) == 0);
    fs::create_symlink("/dev/zero", dir / "1-a/03-zero.md");
    write(dir / "1-a/04-big.md", "# 大きい\n");
    fs::resize_file(dir / "1-a/04-big.md", (16u << 20) + 1);
    write(dir / "1-a/99999999999999999999-huge.md", "# 番号が大きい\n");
    write(dir / "1-a/5-after.md", "# 後の章\n");
    Diagnostics d;
    const Book book = load_book(dir, d);
    std::string all;
    for (const Diagnostic& x : d) all += x.to_string() + "\n";
    CAPTURE(all);
    CHECK(all.find("02-pipe.md: ") != std::string::npos);
    CHECK(all.find("03-zero.md: ") != std::string::npos);
    CHECK(all.find("04-big.md: ") != std::string::npos);
    CHECK(all.find("99999999999999999999-huge.md: ") != std::string::npos);
    CHECK(all.find("番号が大きすぎます") != std::string::npos);
    // The readable chapters load, in order; the 20-digit one is left out rather than misplaced.
    REQUIRE(book.chapters.size() >= 2);
    CHECK(book.chapters.front().id == "1-a/01-ok");
    CHECK(book.chapters.back().id == "1-a/5-after");
}

TEST_CASE("[Check] images that are not sound PNGs within the size limit are reported with file and line (defect 10)") {
    const fs::path dir = temp_dir("check-png");
    write(dir / "1-a/part.toml", "title = \"編\"\n");
    write(dir / "1-a/01-images.md", "# 画像\n\n![大きい](big.png)\n\n![偽物](fake.png)\n\n![正しい](test-image.png)\n");
    // A 19999 × 19999 header: small on disk, 1.6 GB once decoded.
    const unsigned char big[] = {0x89, 'P',  'N',  'G',  '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0x4E, 0x1F,
                                 0,    0,    0x4E, 0x1F, 1,    0,    0,    0,    0, 0, 0, 0, 0};
    std::string bytes(reinterpret_cast<const char*>(big), sizeof big);
    write(dir / "assets/big.png", bytes);
    write(dir / "assets/fake.png", "GIF89a, not a PNG at all");
    fs::copy_file(kFixture.parent_path() / "assets" / "test-image.png", dir / "assets" / "test-image.png");
    Diagnostics d;
    const Book book = load_book(dir, d);
    CheckInputs in;
    in.book = &book;
    in.asset_dirs = {dir / "assets"};
    check_book(in, d);
    std::string all;
    for (const Diagnostic& x : d) all += x.to_string() + "\n";
    INFO(all);
    CHECK(all.find("01-images.md:3: 画像「big.png」") != std::string::npos);
    CHECK(all.find("大きすぎます") != std::string::npos);
    CHECK(all.find("01-images.md:5: 画像「fake.png」") != std::string::npos);
    CHECK(all.find("test-image.png") == std::string::npos);
}
