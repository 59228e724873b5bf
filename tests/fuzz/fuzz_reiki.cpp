// libFuzzer target: any bytes as two 要綱 in 例規 Markdown (split at the first "\n====\n") must
// parse or be reported, and the 新旧対照表 of what parses must build and write as Markdown and
// Word without crashing. Build as fuzz_markdown.cpp says, then:
// build-fuzz/tests/fuzz/fuzz_reiki -max_total_time=60
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string_view>

#include "documents/compare.h"

using namespace tebiki;
using namespace tebiki::documents;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const size_t cut = text.find("\n====\n");
    const std::string_view first = text.substr(0, cut), second = cut == std::string_view::npos ? text : text.substr(cut + 6);
    Diagnostics diagnostics;
    const auto before = parse_reiki_markdown(first, "old.md", diagnostics);
    const auto after = parse_reiki_markdown(second, "new.md", diagnostics);
    if (!before || !after) return 0;
    const UiStrings words;  // missing keys print as the key: fine for the fuzzer
    const Comparison c = compare_regulations(*before, *after, words);
    comparison_markdown(c);
    std::string error;
    write_comparison(c, std::filesystem::temp_directory_path() / "tebiki-fuzz-compare.docx", &error);
    return 0;
}
