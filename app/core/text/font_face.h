// One font file (or one face of a .ttc collection) opened with stb_truetype — the same
// rasteriser Dear ImGui uses — so widths measured here match what the UI draws exactly.
#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <vector>
#include <cstddef>

struct stbtt_fontinfo;

namespace tebiki {

class FontFace {
public:
    // Returns nullptr and sets *error when the file cannot be read or is not a font.
    static std::unique_ptr<FontFace> load(const std::filesystem::path& path, int index, std::string* error);
    ~FontFace();

    bool has_glyph(char32_t cp) const;
    // Horizontal advance in pixels for a font of pixel height `px` (ImGui's SizePixels).
    float advance(char32_t cp, float px) const;
    // The height of the glyph's ink (its outline's bounding box) at pixel height `px`: how tall a
    // kanji such as 国 actually stands on the screen. 0 for a glyph the face lacks.
    float ink_height(char32_t cp, float px) const;

    const std::filesystem::path& path() const { return path_; }
    int index() const { return index_; }
    const unsigned char* data() const { return file_->data; }
    size_t size() const { return file_->size; }

    // The file mapped read-only: a CJK font is ~20 MB and only the glyphs used are touched, so
    // mapping instead of reading saves ~100 ms and ~60 MB at start-up. Faces of one .ttc share it.
    struct MappedFile {
        const unsigned char* data = nullptr;
        size_t size = 0;
        ~MappedFile();
    };

private:
    FontFace() = default;
    int unscaled_advance(char32_t cp) const;

    std::filesystem::path path_;
    int index_ = 0;
    std::shared_ptr<MappedFile> file_;
    std::unique_ptr<stbtt_fontinfo> info_;
    float scale_per_px_ = 0;  // stbtt_ScaleForPixelHeight(info, 1)
    mutable std::vector<int> bmp_advances_;  // cache for the BMP; -1 = not yet looked up
};

}  // namespace tebiki
