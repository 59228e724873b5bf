// Screenshots are encoded with libpng (util/png_write.h): the pixels come back exactly, rows in
// the right order when glReadPixels gave them bottom-up, and the alpha byte is dropped.
#include <doctest/doctest.h>
#include <png.h>

#include <cstdint>
#include <string>
#include <vector>

#include "util/png_size.h"
#include "util/png_write.h"

using namespace tebiki;

namespace {

// Decodes `png` to RGB with libpng's simplified reader.
std::vector<uint8_t> decode_rgb(const std::string& png, int& width, int& height) {
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, png.data(), png.size())) return {};
    image.format = PNG_FORMAT_RGB;
    std::vector<uint8_t> pixels(PNG_IMAGE_SIZE(image));
    if (!png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr)) return {};
    width = int(image.width);
    height = int(image.height);
    return pixels;
}

}  // namespace

TEST_CASE("[PNG] a screenshot encodes to an RGB PNG that decodes to the same pixels, top row first") {
    // 3 × 2 RGBA, rows as glReadPixels gives them: the bottom row first.
    const std::vector<uint8_t> rgba = {
        10, 20, 30, 255, 40, 50, 60, 0, 70, 80, 90, 128,         // bottom row
        200, 0, 0, 255, 0, 200, 0, 255, 0, 0, 200, 255,          // top row
    };
    const auto png = encode_png_rgb(rgba.data(), 3, 2, /*bottom_up=*/true);
    REQUIRE(png);
    const PngCheck check = inspect_png(std::string_view(*png));
    CHECK(check.problem.empty());
    CHECK(check.width == 3);
    CHECK(check.height == 2);
    int w = 0, h = 0;
    const std::vector<uint8_t> rgb = decode_rgb(*png, w, h);
    REQUIRE(rgb.size() == 18);
    CHECK(rgb == std::vector<uint8_t>{200, 0, 0, 0, 200, 0, 0, 0, 200, 10, 20, 30, 40, 50, 60, 70, 80, 90});

    const auto top_down = encode_png_rgb(rgba.data(), 3, 2);
    REQUIRE(top_down);
    CHECK(decode_rgb(*top_down, w, h) == std::vector<uint8_t>{10, 20, 30, 40, 50, 60, 70, 80, 90, 200, 0, 0, 0, 200, 0, 0, 0, 200});
}

TEST_CASE("[PNG] nothing to encode gives no PNG") {
    const uint8_t pixel[4] = {1, 2, 3, 4};
    CHECK_FALSE(encode_png_rgb(nullptr, 1, 1));
    CHECK_FALSE(encode_png_rgb(pixel, 0, 1));
    CHECK_FALSE(encode_png_rgb(pixel, 1, -1));
}
