#include "text/font_face.h"

#include <stb/stb_truetype.h>

#include "util/file_io.h"

namespace tebiki {

std::unique_ptr<FontFace> FontFace::load(const std::filesystem::path& path, int index, std::string* error) {
    auto bytes = read_file(path, error);
    if (!bytes) return nullptr;
    std::unique_ptr<FontFace> face(new FontFace());
    face->path_ = path;
    face->index_ = index;
    face->bytes_.assign(bytes->begin(), bytes->end());
    face->info_ = std::make_unique<stbtt_fontinfo>();
    const int offset = stbtt_GetFontOffsetForIndex(face->bytes_.data(), index);
    if (offset < 0 || !stbtt_InitFont(face->info_.get(), face->bytes_.data(), offset)) {
        if (error) *error = "フォントを読み込めません: " + path.string();
        return nullptr;
    }
    face->scale_per_px_ = stbtt_ScaleForPixelHeight(face->info_.get(), 1.0f);
    face->bmp_advances_.assign(0x10000, -1);
    return face;
}

FontFace::~FontFace() = default;

bool FontFace::has_glyph(char32_t cp) const { return stbtt_FindGlyphIndex(info_.get(), int(cp)) != 0; }

int FontFace::unscaled_advance(char32_t cp) const {
    if (cp < 0x10000 && bmp_advances_[cp] >= 0) return bmp_advances_[cp];
    int advance = 0, lsb = 0;
    stbtt_GetCodepointHMetrics(info_.get(), int(cp), &advance, &lsb);
    if (cp < 0x10000) bmp_advances_[cp] = advance;
    return advance;
}

float FontFace::advance(char32_t cp, float px) const {
    // stbtt_ScaleForPixelHeight is linear in the height, so scale(px) == px * scale(1).
    return float(unscaled_advance(cp)) * scale_per_px_ * px;
}

}  // namespace tebiki
