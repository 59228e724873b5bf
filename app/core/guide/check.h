// `tebiki check`: everything an editor can get wrong in content/, as file:line: message.
#pragma once
#include <filesystem>
#include <vector>

#include "guide/book.h"
#include "text/font_set.h"
#include "util/diagnostics.h"

namespace tebiki {

struct CheckInputs {
    const Book* book = nullptr;
    std::vector<std::filesystem::path> asset_dirs;  // where images are looked up
    std::filesystem::path diagram_sources;          // assets/diagrams: a .png with a .dot here is built
    const FontSet* fonts = nullptr;                 // null: skip the glyph check
};

void check_book(const CheckInputs& in, Diagnostics& out);

// Code points of `text` that `fonts` cannot draw (or that Dear ImGui's 16-bit glyph table
// cannot hold), each reported once at its first line.
void check_glyphs(const std::string& file, std::string_view text, const FontSet& fonts, Diagnostics& out);

}  // namespace tebiki
