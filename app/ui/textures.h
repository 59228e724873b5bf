// PNG images from assets/ as OpenGL textures, loaded on first use and kept.
#pragma once
#include <filesystem>

#include <imgui.h>

namespace tebiki::ui {

// Returns 0 when the file cannot be decoded.
ImTextureID texture_for(const std::filesystem::path& png);
void release_textures();

}  // namespace tebiki::ui
