// Images are checked before anything decodes them: PNG signature, a well-formed IHDR (length,
// CRC, bit depth and colour type) and a size limit (issue 12, defect 10: a 19999 × 19999 PNG
// drove the window to 2 GB).
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "util/png_size.h"

using namespace tebiki;
namespace fs = std::filesystem;

namespace {

uint32_t crc32(const std::string& bytes) {
    uint32_t c = 0xFFFFFFFFu;
    for (unsigned char b : bytes) {
        c ^= b;
        for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return c ^ 0xFFFFFFFFu;
}

std::string be32(uint32_t v) { return {char(v >> 24), char(v >> 16), char(v >> 8), char(v)}; }

std::string chunk(const std::string& type, const std::string& data) { return be32(uint32_t(data.size())) + type + data + be32(crc32(type + data)); }

// A PNG's first bytes: signature and IHDR (nothing after it is needed to judge the header).
std::string png(uint32_t w, uint32_t h, char depth = 8, char colour = 6, bool good_crc = true) {
    std::string ihdr = chunk("IHDR", be32(w) + be32(h) + std::string{depth, colour, 0, 0, 0});
    if (!good_crc) ihdr.back() ^= 1;
    return std::string("\x89PNG\r\n\x1a\n", 8) + ihdr + chunk("IEND", "");
}

fs::path write(const std::string& name, const std::string& bytes) {
    const fs::path dir = fs::temp_directory_path() / ("tebiki-png-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / name, std::ios::binary) << bytes;
    return dir / name;
}

}  // namespace

TEST_CASE("[PNG] a sound header within the limits is accepted, with its size") {
    const PngCheck ok = inspect_png(write("ok.png", png(1506, 848, 8, 2)));
    CHECK(ok.problem.empty());
    CHECK(ok.width == 1506);
    CHECK(ok.height == 848);
    CHECK(read_png_size(write("ok2.png", png(64, 32))) == std::optional<std::pair<int, int>>({64, 32}));
}

TEST_CASE("[PNG] a 19999 × 19999 image, a bad signature, header or CRC are refused with a reason (defect 10)") {
    const std::pair<const char*, std::string> bad[] = {
        {"19999 × 19999", png(19999, 19999, 1, 0)},
        {"one side over 8192", png(9000, 10)},
        {"over 16 megapixels", png(5000, 5000)},
        {"zero width", png(0, 10)},
        {"not a PNG", "GIF89a" + std::string(40, '\0')},
        {"bad CRC", png(64, 32, 8, 6, false)},
        {"bit depth 7", png(64, 32, 7, 6)},
        {"colour type 5", png(64, 32, 8, 5)},
        {"truncated", png(64, 32).substr(0, 20)},
        {"IHDR not first", std::string("\x89PNG\r\n\x1a\n", 8) + chunk("tEXt", "a") + png(64, 32).substr(8)},
    };
    for (const auto& [name, bytes] : bad) {
        CAPTURE(name);
        const fs::path file = write("bad.png", bytes);
        const PngCheck check = inspect_png(file);
        CHECK_FALSE(check.problem.empty());
        CHECK_FALSE(read_png_size(file).has_value());
    }
    CHECK(inspect_png(write("huge.png", png(19999, 19999, 1, 0))).problem.find("大きすぎます") != std::string::npos);
    CHECK(inspect_png(write("gif.png", "GIF89a" + std::string(40, '\0'))).problem.find("PNG ではありません") != std::string::npos);
}

TEST_CASE("[PNG] a FIFO in place of an image is refused at once") {
    const fs::path dir = fs::temp_directory_path() / ("tebiki-png-fifo-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    fs::remove(dir / "pipe.png");
    REQUIRE(::mkfifo((dir / "pipe.png").c_str(), 0644) == 0);
    CHECK_FALSE(inspect_png(dir / "pipe.png").problem.empty());
}
