#include "test_paths.h"

namespace tebiki::test {
std::filesystem::path data_dir() { return TEBIKI_TEST_DATA_PATH; }
std::filesystem::path content_dir() { return TEBIKI_CONTENT_PATH; }
std::filesystem::path assessment_dir() { return TEBIKI_ASSESSMENT_PATH; }
}  // namespace tebiki::test
