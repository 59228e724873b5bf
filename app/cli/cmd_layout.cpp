#include <cstdio>

#include "cli/commands.h"
#include "guide/book.h"
#include "layout/layout_engine.h"
#include "text/font_set.h"

namespace tebiki::cli {

int run_layout(const Options& options) {
    Diagnostics diagnostics;
    const Book book = load_book(options.paths.content, diagnostics);
    const Chapter* chapter = book.find(options.positional.front());
    if (!chapter) {
        std::fprintf(stderr, "tebiki layout: ページ「%s」はありません。\n", options.positional.front().c_str());
        return 1;
    }
    std::string error;
    const auto fonts = load_font_set(&error);
    if (!fonts) {
        std::fprintf(stderr, "tebiki layout: %s\n", error.c_str());
        return 1;
    }
    LayoutOptions layout;
    layout.width = float(options.number("width", 800));
    layout.zoom = float(options.number("zoom", 1.0));
    layout.image_size = image_sizer_for(options.paths.asset_dirs);
    const PageLayout page = layout_document(chapter->doc, *fonts, layout);
    for (const Line& line : page.lines) {
        const std::string text = line.text();
        if (!text.empty()) std::printf("%s\n", text.c_str());
    }
    return 0;
}

}  // namespace tebiki::cli
