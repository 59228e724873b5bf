#include "ui/textures.h"

#include <map>

#define GL_GLEXT_PROTOTYPES
#include <GL/gl.h>
#include <stb/stb_image.h>

namespace tebiki::ui {

static std::map<std::filesystem::path, GLuint> g_textures;

ImTextureID texture_for(const std::filesystem::path& png) {
    if (auto it = g_textures.find(png); it != g_textures.end()) return reinterpret_cast<ImTextureID>(intptr_t(it->second));
    int w = 0, h = 0, channels = 0;
    unsigned char* pixels = stbi_load(png.string().c_str(), &w, &h, &channels, 4);
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
