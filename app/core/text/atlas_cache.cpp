#include "text/atlas_cache.h"

#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "util/file_io.h"

namespace tebiki {

namespace fs = std::filesystem;

namespace {

constexpr char kMagic[8] = {'T', 'B', 'K', 'A', 'T', 'L', 'A', 'S'};
constexpr uint32_t kFormat = 1;
constexpr uint32_t kByteOrder = 0x01020304;
constexpr uint32_t kMaxFonts = 64, kMaxCount = 1u << 20, kMaxKey = 1u << 16;

class Writer {
public:
    template <class T> void put(const T& v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
    void bytes(const void* p, size_t n) {
        if (n > 0) out.append(static_cast<const char*>(p), n);
    }
    std::string out;
};

// Reads from a byte range; every read checks the bounds and a failed one poisons the rest.
class Reader {
public:
    explicit Reader(std::string_view in) : in_(in) {}
    template <class T> bool get(T& v) {
        if (!ok_ || in_.size() - pos_ < sizeof v) return ok_ = false;
        std::memcpy(&v, in_.data() + pos_, sizeof v);
        pos_ += sizeof v;
        return true;
    }
    bool bytes(void* p, size_t n) {
        if (!ok_ || in_.size() - pos_ < n) return ok_ = false;
        if (n == 0) return true;
        std::memcpy(p, in_.data() + pos_, n);
        pos_ += n;
        return true;
    }
    bool count(uint32_t& n, uint32_t max) { return get(n) && (n <= max || (ok_ = false)); }
    size_t pos() const { return pos_; }
    bool ok() const { return ok_; }

private:
    std::string_view in_;
    size_t pos_ = 0;
    bool ok_ = true;
};

uint32_t checksum(std::string_view bytes) {
    return uint32_t(crc32_z(0, reinterpret_cast<const Bytef*>(bytes.data()), bytes.size()));
}

uint64_t fnv1a(std::string_view s) {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return h;
}

}  // namespace

std::string encode_atlas(const CachedAtlas& a) {
    Writer w;
    w.bytes(kMagic, sizeof kMagic);
    w.put(kFormat);
    w.put(kByteOrder);
    w.put(uint32_t(a.key.size()));
    w.bytes(a.key.data(), a.key.size());
    w.put(a.width);
    w.put(a.height);
    w.put(a.white_x);
    w.put(a.white_y);
    w.put(uint32_t(a.lines.size()));
    w.bytes(a.lines.data(), a.lines.size() * sizeof(float));
    w.put(uint32_t(a.fonts.size()));
    for (const CachedFont& f : a.fonts) {
        w.put(f.size);
        w.put(f.ascent);
        w.put(f.descent);
        w.put(f.fallback_char);
        w.put(f.ellipsis_char);
        w.put(f.dot_char);
        w.put(uint32_t(f.requested.size()));
        w.bytes(f.requested.data(), f.requested.size() * sizeof(uint32_t));
        w.put(uint32_t(f.glyphs.size()));
        for (const CachedGlyph& g : f.glyphs) {
            w.put(g.codepoint);
            for (float v : {g.x0, g.y0, g.x1, g.y1, g.advance}) w.put(v);
            for (uint16_t v : {g.x, g.y, g.w, g.h}) w.put(v);
        }
    }
    w.bytes(a.alpha.data(), a.alpha.size());
    w.put(checksum(w.out));
    return std::move(w.out);
}

std::optional<CachedAtlas> decode_atlas(std::string_view bytes, std::string_view key) {
    if (bytes.size() < sizeof kMagic + 4 * sizeof(uint32_t)) return std::nullopt;
    uint32_t stored = 0;
    std::memcpy(&stored, bytes.data() + bytes.size() - sizeof stored, sizeof stored);
    const std::string_view body = bytes.substr(0, bytes.size() - sizeof stored);
    Reader r(body);
    char magic[sizeof kMagic];
    uint32_t format = 0, order = 0, key_size = 0;
    if (!r.bytes(magic, sizeof magic) || std::memcmp(magic, kMagic, sizeof kMagic) != 0) return std::nullopt;
    if (!r.get(format) || format != kFormat || !r.get(order) || order != kByteOrder) return std::nullopt;
    if (!r.count(key_size, kMaxKey) || key_size != key.size()) return std::nullopt;
    CachedAtlas a;
    a.key.resize(key_size);
    if (!r.bytes(a.key.data(), key_size) || a.key != key) return std::nullopt;
    // The whole file is read already; the checksum is cheaper than finding out field by field.
    if (checksum(body) != stored) return std::nullopt;
    uint32_t lines = 0, fonts = 0;
    if (!r.get(a.width) || !r.get(a.height) || a.width == 0 || a.height == 0 || a.width > kMaxAtlasSide || a.height > kMaxAtlasSide)
        return std::nullopt;
    if (!r.get(a.white_x) || !r.get(a.white_y) || !r.count(lines, 256) || lines % 4 != 0) return std::nullopt;
    a.lines.resize(lines);
    if (!r.bytes(a.lines.data(), lines * sizeof(float)) || !r.count(fonts, kMaxFonts)) return std::nullopt;
    a.fonts.resize(fonts);
    for (CachedFont& f : a.fonts) {
        uint32_t requested = 0, glyphs = 0;
        if (!r.get(f.size) || !r.get(f.ascent) || !r.get(f.descent) || !r.get(f.fallback_char) || !r.get(f.ellipsis_char) ||
            !r.get(f.dot_char) || !r.count(requested, kMaxCount))
            return std::nullopt;
        f.requested.resize(requested);
        if (!r.bytes(f.requested.data(), requested * sizeof(uint32_t)) || !std::is_sorted(f.requested.begin(), f.requested.end()))
            return std::nullopt;
        if (!r.count(glyphs, kMaxCount)) return std::nullopt;
        f.glyphs.resize(glyphs);
        for (CachedGlyph& g : f.glyphs) {
            if (!r.get(g.codepoint) || !r.get(g.x0) || !r.get(g.y0) || !r.get(g.x1) || !r.get(g.y1) || !r.get(g.advance) ||
                !r.get(g.x) || !r.get(g.y) || !r.get(g.w) || !r.get(g.h))
                return std::nullopt;
            if (uint32_t(g.x) + g.w > a.width || uint32_t(g.y) + g.h > a.height) return std::nullopt;
        }
    }
    const size_t pixels = size_t(a.width) * a.height;
    if (body.size() - r.pos() != pixels) return std::nullopt;  // exactly the texture is left
    a.alpha.resize(pixels);
    if (!r.bytes(a.alpha.data(), pixels)) return std::nullopt;
    return a;
}

fs::path default_cache_dir() {
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg == '/') return fs::path(xdg) / "tebiki";
    if (const char* home = std::getenv("HOME"); home && *home == '/') return fs::path(home) / ".cache" / "tebiki";
    return {};
}

fs::path AtlasCache::file_for(std::string_view key) const {
    char name[40];
    std::snprintf(name, sizeof name, "atlas-%016llx.bin", static_cast<unsigned long long>(fnv1a(key)));
    return dir_ / name;
}

std::optional<CachedAtlas> AtlasCache::load(std::string_view key) const {
    if (!enabled()) return std::nullopt;
    const fs::path file = file_for(key);
    constexpr std::uintmax_t kMaxBytes = std::uintmax_t(kMaxAtlasSide) * kMaxAtlasSide + (64u << 20);
    auto bytes = read_file(file, nullptr, kMaxBytes);
    if (!bytes) return std::nullopt;
    auto atlas = decode_atlas(*bytes, key);
    if (atlas) {
        std::error_code ec;
        fs::last_write_time(file, fs::file_time_type::clock::now(), ec);  // recently used: kept by store()
    }
    return atlas;
}

bool AtlasCache::store(const CachedAtlas& atlas, std::string* error) const {
    if (!enabled()) return false;
    if (write_file(file_for(atlas.key), encode_atlas(atlas), error, WriteOptions{.sync = false}) != WriteResult::Written) return false;
    // Keep the most recently used few (one per zoom level and screen the user presents on).
    std::error_code ec;
    std::vector<std::pair<fs::file_time_type, fs::path>> files;
    for (const fs::directory_entry& e : fs::directory_iterator(dir_, ec)) {
        const std::string name = e.path().filename().string();
        if (name.rfind("atlas-", 0) == 0 && e.path().extension() == ".bin") files.emplace_back(e.last_write_time(ec), e.path());
    }
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (size_t i = kKeep; i < files.size(); ++i) fs::remove(files[i].second, ec);
    return true;
}

}  // namespace tebiki
