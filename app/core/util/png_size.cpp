#include "util/png_size.h"

#include <cstdint>
#include <cstring>

#include "util/file_io.h"

namespace tebiki {

namespace {

uint32_t be32(const unsigned char* p) { return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | uint32_t(p[3]); }

uint32_t crc32(const unsigned char* data, size_t size) {
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < size; ++i) {
        c ^= data[i];
        for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return c ^ 0xFFFFFFFFu;
}

// Bit depths PNG allows for each colour type (PNG spec, table 11.1).
bool valid_depth(int colour, int depth) {
    switch (colour) {
    case 0: return depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
    case 3: return depth == 1 || depth == 2 || depth == 4 || depth == 8;
    case 2:
    case 4:
    case 6: return depth == 8 || depth == 16;
    default: return false;
    }
}

}  // namespace

PngCheck inspect_png(std::string_view bytes) {
    PngCheck out;
    static const unsigned char signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    if (bytes.size() < 8 || std::memcmp(p, signature, 8) != 0) {
        out.problem = "PNG ではありません（ファイルの先頭が PNG の署名ではありません）。";
        return out;
    }
    // Signature (8) + length (4) + "IHDR" (4) + 13 bytes of header + CRC (4).
    if (bytes.size() < 33 || be32(p + 8) != 13 || std::memcmp(p + 12, "IHDR", 4) != 0) {
        out.problem = "PNG のヘッダー（IHDR）が壊れているか、ありません。";
        return out;
    }
    const uint32_t w = be32(p + 16), h = be32(p + 20);
    const int depth = p[24], colour = p[25];
    if (w == 0 || h == 0 || w > 0x7FFFFFFFu || h > 0x7FFFFFFFu) {
        out.problem = "PNG のヘッダー（IHDR）の幅または高さが正しくありません。";
        return out;
    }
    if (w > uint32_t(kMaxImageSide) || h > uint32_t(kMaxImageSide) || uint64_t(w) * h > uint64_t(kMaxImagePixels)) {
        out.problem = "画像が大きすぎます（" + std::to_string(w) + "×" + std::to_string(h) + " ピクセル。1辺 " +
                      std::to_string(kMaxImageSide) + " ピクセル、合計 " + std::to_string(kMaxImagePixels / 1000000) +
                      " メガピクセルまで）。縮小してください。";
        return out;
    }
    if (!valid_depth(colour, depth) || p[26] != 0 || p[27] != 0 || p[28] > 1) {
        out.problem = "PNG のヘッダー（IHDR）の色の形式が正しくありません。";
        return out;
    }
    if (crc32(p + 12, 17) != be32(p + 29)) {
        out.problem = "PNG のヘッダー（IHDR）が壊れています（CRC が一致しません）。";
        return out;
    }
    out.width = int(w);
    out.height = int(h);
    return out;
}

PngCheck inspect_png(const std::filesystem::path& file) {
    std::string error;
    const auto bytes = read_file_head(file, 33, &error);
    if (!bytes) return PngCheck{0, 0, error};
    return inspect_png(std::string_view(*bytes));
}

std::optional<std::pair<int, int>> read_png_size(const std::filesystem::path& path) {
    const PngCheck check = inspect_png(path);
    if (!check.problem.empty()) return std::nullopt;
    return std::make_pair(check.width, check.height);
}

}  // namespace tebiki
