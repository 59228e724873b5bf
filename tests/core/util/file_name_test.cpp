// Export names keep their id and timestamp however long the department's name; an earlier
// export is never overwritten (issue 12, defect 5).
#include <doctest/doctest.h>

#include "test_text.h"
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "util/file_name.h"
#include "util/utf8.h"

using namespace tebiki;
namespace fs = std::filesystem;

TEST_CASE("[FileName] a long department name is cut, never the questionnaire id or the timestamp (defect 5)") {
    // 36 kanji and more: the old 120-byte cut of the whole stem dropped the timestamp.
    for (int kanji : {30, 36, 40, 80, 300}) {
        const std::string name = "千代田区_" + repeat("総務", kanji / 2);
        const std::string stem = export_stem(name, "_readiness_20261125-083015");
        CHECK(stem.size() <= 120);
        CHECK(stem.ends_with("_readiness_20261125-083015"));
        CHECK(stem.rfind("千代田区_総務", 0) == 0);
        CHECK(utf8_find_invalid(stem) == std::string::npos);  // cut on whole characters
    }
    // Two exports a second apart differ even for the longest names.
    const std::string name = repeat("長い部署名", 100);
    CHECK(export_stem(name, "_readiness_20261125-083015") != export_stem(name, "_readiness_20261125-083016"));
}

TEST_CASE("[FileName] the tail is made safe too, and the name part as before") {
    CHECK(export_stem("../総務課/人事", "_yoko_../x") == "__総務課_人事_yoko___x");
    CHECK(safe_file_name("a\x01" "b:c") == "a_b_c");
    CHECK(safe_file_name("") == "document");
    CHECK(safe_file_name(std::string(200, 'x')).size() == 120);
}

TEST_CASE("[FileName] exports in the same second never overwrite each other (defect 5)") {
    const fs::path dir = fs::temp_directory_path() / ("tebiki-export-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    const std::string name = repeat("総務部人事課", 20);
    const auto first = write_export(dir, name, "_readiness_20261125-083015", ".csv", "first");
    const auto second = write_export(dir, name, "_readiness_20261125-083015", ".csv", "second");
    REQUIRE(first);
    REQUIRE(second);
    CHECK(*first != *second);
    CHECK(second->filename().string().ends_with("_readiness_20261125-083015-2.csv"));
    std::ifstream a(*first), b(*second);
    CHECK(std::string(std::istreambuf_iterator<char>(a), {}) == "first");
    CHECK(std::string(std::istreambuf_iterator<char>(b), {}) == "second");
}
