// libFuzzer target: any bytes as a chapter must parse, lay out and check without crashing.
// Build: cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DTEBIKI_FUZZ=ON -DTEBIKI_BUILD_GUI=OFF
//        cmake --build build-fuzz --target fuzz_markdown && build-fuzz/tests/fuzz/fuzz_markdown -max_total_time=60
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "guide/markdown.h"
#include "layout/layout_engine.h"
#include "text/font_set.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static std::unique_ptr<tebiki::FontSet> fonts = [] {
        std::string error;
        return tebiki::load_font_set(&error);
    }();
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const tebiki::Document doc = tebiki::parse_markdown(text);
    if (fonts) {
        tebiki::LayoutOptions options;
        options.width = 200 + float(size % 600);
        tebiki::layout_document(doc, *fonts, options);
    }
    return 0;
}
