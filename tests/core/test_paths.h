// Where the test fixtures and the bundled data are. The absolute paths are compiled into
// test_paths.cpp alone, so the other test files do not depend on the checkout's location.
#pragma once
#include <filesystem>

namespace tebiki::test {
std::filesystem::path data_dir();        // tests/data
std::filesystem::path content_dir();     // content/
std::filesystem::path assessment_dir();  // assessment/
}  // namespace tebiki::test

#define TEBIKI_TEST_DATA ::tebiki::test::data_dir()
#define TEBIKI_CONTENT_DIR ::tebiki::test::content_dir()
#define TEBIKI_ASSESSMENT_DIR ::tebiki::test::assessment_dir()
