#include "text/font_set.h"

#include <cstdlib>

namespace tebiki {

namespace {
struct Candidate {
    const char* path;
    int index;
};
constexpr Candidate kNotoRegular{"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 0};
constexpr Candidate kNotoBold{"/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 0};
constexpr Candidate kNotoMono{"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 5};
constexpr Candidate kIpaexGothic{"/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf", 0};

std::unique_ptr<FontFace> try_load(const Candidate& c) {
    std::string ignored;
    if (!std::filesystem::exists(c.path)) return nullptr;
    return FontFace::load(c.path, c.index, &ignored);
}
}  // namespace

const FontFace& FontSet::face(FontRole role) const {
    switch (role) {
        case FontRole::Bold: return bold ? *bold : *regular;
        case FontRole::Mono: return mono ? *mono : *regular;
        case FontRole::Regular: break;
    }
    return *regular;
}

std::unique_ptr<FontSet> load_font_set(std::string* error) {
    auto set = std::make_unique<FontSet>();
    if (const char* override_path = std::getenv("TEBIKI_FONT"); override_path && *override_path) {
        set->regular = FontFace::load(override_path, 0, error);
        if (!set->regular) return nullptr;
        set->description = override_path;
        return set;
    }
    if ((set->regular = try_load(kNotoRegular))) {
        set->bold = try_load(kNotoBold);
        set->mono = try_load(kNotoMono);
        set->description = "Noto Sans CJK JP";
        return set;
    }
    if ((set->regular = try_load(kIpaexGothic))) {
        set->description = "IPAexゴシック";
        return set;
    }
    if (error)
        *error = "日本語フォントが見つかりません。fonts-noto-cjk または fonts-ipaexfont-gothic をインストールしてください。";
    return nullptr;
}

}  // namespace tebiki
