// The rasterised font atlas kept between runs, so that a start after the first rasterises no
// glyph at all. One file per atlas key in the user's cache folder ($XDG_CACHE_HOME/tebiki/,
// default ~/.cache/tebiki/): atlas-<hash of the key>.bin.
//
// The key names what the glyphs were rasterised from — every font file (path, face, size on
// disk, modification time), every pixel size, the ImGui version and its builder settings — but
// not the glyph set: the file holds the glyphs rasterised so far with the code points each font
// was asked for, so a run that needs more glyphs rasterises only the new ones and adds them.
//
// A file that is damaged, truncated, from another key or another build of this format is
// ignored (magic, version, byte order, sizes, every glyph inside the texture, CRC-32) and
// replaced by the next store; nothing here throws or crashes on what it reads. Writes are atomic
// (a unique temporary name, then rename) but not fsync'ed: a cache lost in a power cut is only
// rebuilt.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tebiki {

struct CachedGlyph {
    uint32_t codepoint = 0;
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // where the glyph's quad goes, from the pen position
    float advance = 0;
    uint16_t x = 0, y = 0, w = 0, h = 0;   // its pixels in the texture
};

struct CachedFont {
    float size = 0, ascent = 0, descent = 0;
    uint32_t fallback_char = 0, ellipsis_char = 0, dot_char = 0;
    std::vector<uint32_t> requested;  // sorted: every code point asked for (present in the face or not)
    std::vector<CachedGlyph> glyphs;
};

struct CachedAtlas {
    std::string key;
    uint32_t width = 0, height = 0;
    std::vector<uint8_t> alpha;       // width × height coverage
    float white_x = 0, white_y = 0;   // a white texel, in pixels
    std::vector<float> lines;         // the baked anti-aliased line strips, x0 y0 x1 y1 in pixels
    std::vector<CachedFont> fonts;    // in the order the caller adds them
};

inline constexpr uint32_t kMaxAtlasSide = 16384;

std::string encode_atlas(const CachedAtlas& atlas);
// nullopt for anything but a whole, intact atlas file of `key`.
std::optional<CachedAtlas> decode_atlas(std::string_view bytes, std::string_view key);

// $XDG_CACHE_HOME/tebiki, else $HOME/.cache/tebiki; empty when neither is set.
std::filesystem::path default_cache_dir();

class AtlasCache {
public:
    explicit AtlasCache(std::filesystem::path dir) : dir_(std::move(dir)) {}
    bool enabled() const { return !dir_.empty(); }
    std::filesystem::path file_for(std::string_view key) const;
    std::optional<CachedAtlas> load(std::string_view key) const;
    // Writes the atlas under its key and keeps the kKeep most recently used files. Returns false
    // (and says why in *error) when it could not: the caller carries on without a cache.
    bool store(const CachedAtlas& atlas, std::string* error = nullptr) const;
    static constexpr size_t kKeep = 8;

private:
    std::filesystem::path dir_;
};

}  // namespace tebiki
