#include "ui/textures.h"

#include <map>

#define GL_GLEXT_PROTOTYPES
#include <GL/gl.h>
#include <stb/stb_image.h>

#include "util/file_io.h"
#include "util/png_size.h"

namespace tebiki::ui {

static std::map<std::filesystem::path, GLuint> g_textures;

unsigned char* decode_png(const std::filesystem::path& png, int& w, int& h) {
    // Only a regular file within the size limits that passes the header check is decoded: a
    // FIFO, a device or a 19999 × 19999 PNG must not hang the window or take gigabytes.
    const auto bytes = read_file(png);
    if (!bytes || !inspect_png(std::string_view(*bytes)).problem.empty()) return nullptr;
    int channels = 0;
    return stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(bytes->data()), int(bytes->size()), &w, &h, &channels, 4);
}

ImTextureID texture_for(const std::filesystem::path& png) {
    if (auto it = g_textures.find(png); it != g_textures.end()) return reinterpret_cast<ImTextureID>(intptr_t(it->second));
    int w = 0, h = 0;
    unsigned char* pixels = decode_png(png, w, h);
    GLuint id = 0;
    if (pixels) {
        glGenTextures(1, &id);
        glBindTexture(GL_TEXTURE_2D, id);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
        stbi_image_free(pixels);
    }
    g_textures[png] = id;  // remember failures too, so a broken file is not re-read every frame
    return reinterpret_cast<ImTextureID>(intptr_t(id));
}

void DynamicTexture::update(int width, int height, const unsigned char* rgba) {
    if (!id_) glGenTextures(1, &id_);
    glBindTexture(GL_TEXTURE_2D, id_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
}

void DynamicTexture::release() {
    if (id_) glDeleteTextures(1, &id_);
    id_ = 0;
}

void release_textures() {
    for (auto& [path, id] : g_textures)
        if (id) glDeleteTextures(1, &id);
    g_textures.clear();
}

}  // namespace tebiki::ui
