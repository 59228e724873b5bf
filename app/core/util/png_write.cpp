#include "util/png_write.h"

#include <png.h>

#include <csetjmp>
#include <vector>

namespace tebiki {

namespace {
void append(png_structp png, png_bytep data, png_size_t size) {
    static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<const char*>(data), size);
}
void no_flush(png_structp) {}
}  // namespace

std::optional<std::string> encode_png_rgb(const uint8_t* rgba, int width, int height, bool bottom_up) {
    if (!rgba || width <= 0 || height <= 0) return std::nullopt;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    if (!png) return std::nullopt;
    png_infop info = png_create_info_struct(png);
    std::string out;
    std::vector<png_bytep> rows(static_cast<size_t>(height));
    // libpng reports errors by longjmp; only trivially destructible locals are touched after it.
    if (!info || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, info ? &info : nullptr);
        return std::nullopt;
    }
    out.reserve(size_t(width) * size_t(height) / 8);
    png_set_write_fn(png, &out, append, no_flush);
    png_set_IHDR(png, info, png_uint_32(width), png_uint_32(height), 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    // Screens are mostly flat colour: "Up" filtering and zlib's fastest level keep them small.
    png_set_compression_level(png, 1);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
    png_write_info(png, info);
    png_set_filler(png, 0, PNG_FILLER_AFTER);  // the input has a fourth byte per pixel: skip it
    const size_t stride = size_t(width) * 4;
    for (int y = 0; y < height; ++y)
        rows[size_t(y)] = const_cast<png_bytep>(rgba + stride * size_t(bottom_up ? height - 1 - y : y));
    png_write_image(png, rows.data());
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return out;
}

}  // namespace tebiki
