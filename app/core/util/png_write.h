// PNG encoding for screenshots (libpng at zlib's fastest level: a 1920 × 1080 screenshot of
// text encodes in a few milliseconds instead of stb_image_write's ~100 ms, at a similar size).
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace tebiki {

// Encodes `rgba` (width × height pixels, 4 bytes each, rows top to bottom unless
// `bottom_up`, as glReadPixels gives them) as an 8-bit RGB PNG; the alpha byte is dropped.
// nullopt when libpng fails (out of memory).
std::optional<std::string> encode_png_rgb(const uint8_t* rgba, int width, int height, bool bottom_up = false);

}  // namespace tebiki
