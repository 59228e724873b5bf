// PNG images from assets/ as OpenGL textures, loaded on first use and kept.
#pragma once
#include <filesystem>

#include <imgui.h>

namespace tebiki::ui {

// One texture whose pixels are replaced now and then (the document preview).
class DynamicTexture {
public:
    void update(int width, int height, const unsigned char* rgba);
    ImTextureID id() const { return reinterpret_cast<ImTextureID>(intptr_t(id_)); }
    void release();
    ~DynamicTexture() = default;  // released with release_textures() while the GL context lives

private:
    unsigned int id_ = 0;
};

// RGBA pixels (free with stbi_image_free) of a PNG that passes inspect_png; null otherwise.
unsigned char* decode_png(const std::filesystem::path& png, int& width, int& height);

// Returns 0 when the file cannot be decoded.
ImTextureID texture_for(const std::filesystem::path& png);
void release_textures();

}  // namespace tebiki::ui
