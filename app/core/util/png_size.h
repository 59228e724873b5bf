// Width and height from a PNG's IHDR chunk, without decoding it (layout needs only the size).
#pragma once
#include <filesystem>
#include <optional>
#include <utility>

namespace tebiki {

std::optional<std::pair<int, int>> read_png_size(const std::filesystem::path& path);

}  // namespace tebiki
