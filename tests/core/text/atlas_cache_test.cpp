// The rasterised atlas kept between runs (text/atlas_cache.h): what is stored comes back as it
// was; a damaged, truncated, foreign or other-key file is ignored (never a crash) and replaced by
// the next store; only the most recently used files are kept.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "text/atlas_cache.h"

using namespace tebiki;
namespace fs = std::filesystem;

namespace {

CachedAtlas sample(const std::string& key) {
    CachedAtlas a;
    a.key = key;
    a.width = 8;
    a.height = 4;
    for (uint32_t i = 0; i < a.width * a.height; ++i) a.alpha.push_back(uint8_t(i * 7));
    a.white_x = 1.5f;
    a.white_y = 0.5f;
    a.lines = {0, 1, 2, 3, 4, 5, 6, 7};
    CachedFont f;
    f.size = 48;
    f.ascent = 40;
    f.descent = -8;
    f.fallback_char = '?';
    f.ellipsis_char = 0x2026;
    f.dot_char = '.';
    f.requested = {' ', 'A', 0x3042};
    f.glyphs = {{'A', 0, -30, 20, 0, 22, 2, 0, 3, 4}, {0x3042, 1, -35, 40, 5, 48, 5, 1, 3, 3}};
    a.fonts = {f, f};
    return a;
}

fs::path fresh_dir(const char* name) {
    const fs::path dir = fs::temp_directory_path() / (std::string(name) + "-" + std::to_string(getpid()));
    fs::remove_all(dir);
    return dir;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("[AtlasCache] an atlas stored under its key loads back as it was") {
    const fs::path dir = fresh_dir("tebiki-atlas");
    const AtlasCache cache(dir);
    const CachedAtlas a = sample("fonts A; px 48");
    REQUIRE(cache.store(a));
    const auto b = cache.load(a.key);
    REQUIRE(b);
    CHECK(b->width == a.width);
    CHECK(b->height == a.height);
    CHECK(b->alpha == a.alpha);
    CHECK(b->lines == a.lines);
    CHECK(b->white_x == a.white_x);
    REQUIRE(b->fonts.size() == 2);
    CHECK(b->fonts[1].requested == a.fonts[1].requested);
    REQUIRE(b->fonts[1].glyphs.size() == 2);
    CHECK(b->fonts[1].glyphs[1].codepoint == 0x3042);
    CHECK(b->fonts[1].glyphs[1].advance == 48);
    CHECK(b->fonts[1].glyphs[1].y == 1);
    // Another key (another font file, size or ImGui) never gets this atlas.
    CHECK_FALSE(cache.load("fonts B; px 48"));
    fs::remove_all(dir);
}

TEST_CASE("[AtlasCache] a damaged, truncated or foreign file is ignored and the next store replaces it") {
    const fs::path dir = fresh_dir("tebiki-atlas-bad");
    const AtlasCache cache(dir);
    const CachedAtlas a = sample("k");
    const std::string good = encode_atlas(a);
    REQUIRE(decode_atlas(good, "k"));
    // Every single flipped byte and every truncation is refused (the checksum, then the fields).
    for (size_t i = 0; i < good.size(); ++i) {
        std::string bad = good;
        bad[i] = char(bad[i] ^ 0x5a);
        CHECK_FALSE(decode_atlas(bad, "k"));
        CHECK_FALSE(decode_atlas(std::string_view(good).substr(0, i), "k"));
    }
    CHECK_FALSE(decode_atlas(good + "x", "k"));
    CHECK_FALSE(decode_atlas("", "k"));
    CHECK_FALSE(decode_atlas(std::string(4096, '\xff'), "k"));
    // A glyph outside the texture, with a valid checksum: refused field by field.
    CachedAtlas outside = a;
    outside.fonts[0].glyphs[0].x = 7;
    CHECK_FALSE(decode_atlas(encode_atlas(outside), "k"));
    // On disk: garbage, then a directory in the file's place; load says nothing, store recovers.
    fs::create_directories(dir);
    std::ofstream(cache.file_for("k"), std::ios::binary) << "PNG? no, just bytes";
    CHECK_FALSE(cache.load("k"));
    REQUIRE(cache.store(a));
    CHECK(cache.load("k"));
    fs::remove(cache.file_for("k"));
    fs::create_directories(cache.file_for("k"));
    CHECK_FALSE(cache.load("k"));
    std::string error;
    CHECK_FALSE(cache.store(a, &error));
    CHECK_FALSE(error.empty());
    fs::remove_all(dir);
}

TEST_CASE("[AtlasCache] only the most recently used atlases are kept, and no cache folder means no cache") {
    const fs::path dir = fresh_dir("tebiki-atlas-keep");
    const AtlasCache cache(dir);
    for (size_t i = 0; i < AtlasCache::kKeep + 3; ++i) REQUIRE(cache.store(sample("key " + std::to_string(i))));
    size_t files = 0;
    for (const auto& e : fs::directory_iterator(dir)) files += e.path().extension() == ".bin";
    CHECK(files == AtlasCache::kKeep);
    CHECK(cache.load("key " + std::to_string(AtlasCache::kKeep + 2)));

    const AtlasCache none{fs::path()};
    CHECK_FALSE(none.enabled());
    CHECK_FALSE(none.store(sample("k")));
    CHECK_FALSE(none.load("k"));

    setenv("XDG_CACHE_HOME", "/tmp/xdg-cache", 1);
    CHECK(default_cache_dir() == fs::path("/tmp/xdg-cache/tebiki"));
    setenv("XDG_CACHE_HOME", "relative", 1);  // not absolute: ignored, as the XDG spec says
    setenv("HOME", "/home/someone", 1);
    CHECK(default_cache_dir() == fs::path("/home/someone/.cache/tebiki"));
    unsetenv("XDG_CACHE_HOME");
    fs::remove_all(dir);
}
