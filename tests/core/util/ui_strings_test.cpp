// UiStrings: words by key, sentences by id (Message) with their values, the visible fallback for a
// missing key, and the check that reports a missing key at its [section]'s line.
#include <doctest/doctest.h>

#include <filesystem>

#include "util/file_io.h"
#include "util/ui_strings.h"

using namespace tebiki;
namespace fs = std::filesystem;

TEST_CASE("[Strings] sentences by id are worded with their values; a missing id is reported at its section") {
    const fs::path dir = fs::temp_directory_path() / "tebiki-ui-strings-test";
    fs::create_directories(dir);
    const fs::path file = dir / "ja.toml";
    REQUIRE(write_file_atomic(file, "# 文言\n[app]\ntitle = \"t\"\n\n[answers]\nno_option = \"選択肢「{1}」はありません（{1}）。\"\n"));
    UiStrings words;
    Diagnostics d;
    REQUIRE(words.load(file, d));
    CHECK(words.text(Message{"answers.no_option", {"fax"}}) == "選択肢「fax」はありません（fax）。");
    CHECK(words.format("answers.no_option", {"fax"}) == "選択肢「fax」はありません（fax）。");
    CHECK(words.text(Message{"answers.gone", {"a", "b"}}) == "answers.gone(a, b)");
    CHECK(std::string(words.get("answers.gone")) == "answers.gone");

    Diagnostics said = {diagnostic("x.toml", 3, 0, {{"answers.no_option", {"fax"}}}), {"y.toml", 1, 0, "そのまま"}};
    words.word(said);
    CHECK(said[0].to_string() == "x.toml:3: 選択肢「fax」はありません（fax）。");
    CHECK(said[1].to_string() == "y.toml:1: そのまま");

    Diagnostics missing;
    words.check_keys({"answers.no_option", "answers.gone", "nowhere.key"}, missing);
    REQUIRE(missing.size() == 2);
    CHECK(missing[0].to_string().find(file.string() + ":5: 文言「answers.gone」がありません") == 0);
    CHECK(missing[1].to_string().find(file.string() + ":1: 文言「nowhere.key」がありません") == 0);
    fs::remove_all(dir);
}
