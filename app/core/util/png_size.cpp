#include "util/png_size.h"

#include <cstring>
#include <fstream>

namespace tebiki {

std::optional<std::pair<int, int>> read_png_size(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    unsigned char header[24];
    if (!in.read(reinterpret_cast<char*>(header), sizeof header)) return std::nullopt;
    static const unsigned char signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (std::memcmp(header, signature, 8) != 0 || std::memcmp(header + 12, "IHDR", 4) != 0) return std::nullopt;
    auto be32 = [](const unsigned char* p) { return int(p[0]) << 24 | int(p[1]) << 16 | int(p[2]) << 8 | int(p[3]); };
    const int w = be32(header + 16), h = be32(header + 20);
    if (w <= 0 || h <= 0 || w > 20000 || h > 20000) return std::nullopt;
    return std::make_pair(w, h);
}

}  // namespace tebiki
