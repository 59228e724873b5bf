#include "text/font_face.h"

#include <stb/stb_truetype.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <map>
#include <mutex>

namespace tebiki {

FontFace::MappedFile::~MappedFile() {
    if (data) munmap(const_cast<unsigned char*>(data), size);
}

// One mapping per file for the whole process (Regular and Mono are two faces of one .ttc).
static std::shared_ptr<FontFace::MappedFile> map_file(const std::filesystem::path& path) {
    static std::mutex mutex;
    static std::map<std::filesystem::path, std::weak_ptr<FontFace::MappedFile>> cache;
    std::lock_guard<std::mutex> lock(mutex);
    if (auto existing = cache[path].lock()) return existing;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return nullptr;
    struct stat st {};
    void* data = MAP_FAILED;
    if (fstat(fd, &st) == 0 && st.st_size > 0) data = mmap(nullptr, size_t(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (data == MAP_FAILED) return nullptr;
    auto file = std::make_shared<FontFace::MappedFile>();
    file->data = static_cast<const unsigned char*>(data);
    file->size = size_t(st.st_size);
    cache[path] = file;
    return file;
}

std::unique_ptr<FontFace> FontFace::load(const std::filesystem::path& path, int index, std::string* error) {
    std::unique_ptr<FontFace> face(new FontFace());
    face->path_ = path;
    face->index_ = index;
    face->file_ = map_file(path);
    if (!face->file_) {
        if (error) *error = "フォントを開けません: " + path.string();
        return nullptr;
    }
    face->info_ = std::make_unique<stbtt_fontinfo>();
    const int offset = stbtt_GetFontOffsetForIndex(face->file_->data, index);
    if (offset < 0 || !stbtt_InitFont(face->info_.get(), face->file_->data, offset)) {
        if (error) *error = "フォントを読み込めません: " + path.string();
        return nullptr;
    }
    face->scale_per_px_ = stbtt_ScaleForPixelHeight(face->info_.get(), 1.0f);
    face->bmp_advances_.assign(0x10000, -1);
    return face;
}

FontFace::~FontFace() = default;

bool FontFace::has_glyph(char32_t cp) const { return stbtt_FindGlyphIndex(info_.get(), int(cp)) != 0; }

int FontFace::unscaled_advance(char32_t cp) const {
    if (cp < 0x10000 && bmp_advances_[cp] >= 0) return bmp_advances_[cp];
    int advance = 0, lsb = 0;
    stbtt_GetCodepointHMetrics(info_.get(), int(cp), &advance, &lsb);
    if (cp < 0x10000) bmp_advances_[cp] = advance;
    return advance;
}

float FontFace::ink_height(char32_t cp, float px) const {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    if (!has_glyph(cp) || !stbtt_GetCodepointBox(info_.get(), int(cp), &x0, &y0, &x1, &y1)) return 0;
    return float(y1 - y0) * scale_per_px_ * px;
}

float FontFace::advance(char32_t cp, float px) const {
    // stbtt_ScaleForPixelHeight is linear in the height, so scale(px) == px * scale(1).
    return float(unscaled_advance(cp)) * scale_per_px_ * px;
}

}  // namespace tebiki
