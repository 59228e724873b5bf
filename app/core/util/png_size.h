// PNG headers, checked before anything decodes the image: the signature, an IHDR chunk first
// with a correct length, CRC, bit depth and colour type, and a size limit. The layout needs
// only the size; the window decodes only images that pass (a 19999 × 19999 PNG is a few
// kilobytes on disk and 1.6 GB decoded).
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace tebiki {

inline constexpr int kMaxImageSide = 8192;                // pixels, either side
inline constexpr long kMaxImagePixels = 4096L * 4096L;    // 16 Mpx: 64 MiB as RGBA

struct PngCheck {
    int width = 0, height = 0;
    std::string problem;  // Japanese; empty when the image may be decoded
};

PngCheck inspect_png(std::string_view bytes);          // the file's bytes (the first 33 suffice)
PngCheck inspect_png(const std::filesystem::path& file);  // read with read_file (regular files only)

// The size of a PNG that passes inspect_png; nullopt otherwise.
std::optional<std::pair<int, int>> read_png_size(const std::filesystem::path& path);

}  // namespace tebiki
