// The fonts tebiki draws with, found among Debian's packages: Noto Sans CJK JP (fonts-noto-cjk),
// falling back to IPAex Gothic (fonts-ipaexfont-gothic) when Noto is not installed.
#pragma once
#include <filesystem>
#include <memory>
#include <string>

#include "text/font_face.h"

namespace tebiki {

enum class FontRole { Regular, Bold, Mono };

struct FontSet {
    std::unique_ptr<FontFace> regular;
    std::unique_ptr<FontFace> bold;   // may share the regular file when no bold face exists
    std::unique_ptr<FontFace> mono;
    std::string description;          // e.g. "Noto Sans CJK JP" for messages and the README

    const FontFace& face(FontRole role) const;
};

// Loads the best available set. On failure returns nullptr and explains in *error (Japanese).
// TEBIKI_FONT (a font file path) overrides the regular face, for testing fallbacks.
std::unique_ptr<FontSet> load_font_set(std::string* error);

}  // namespace tebiki
