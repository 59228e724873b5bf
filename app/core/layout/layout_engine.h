// Document → PageLayout. Pure function of (document, fonts, width, zoom, image sizes), so the
// UI caches its result per (page, width, zoom) and `tebiki layout` prints the very same lines.
#pragma once
#include <filesystem>
#include <functional>
#include <vector>
#include <optional>
#include <string>
#include <utility>

#include "guide/document.h"
#include "layout/page_layout.h"
#include "text/font_set.h"

namespace tebiki {

struct LayoutOptions {
    float width = 800;   // pixels available for the page
    float zoom = 1.0f;
    // Natural pixel size of an image by its src; nullopt when the image is missing.
    std::function<std::optional<std::pair<int, int>>(const std::string& src)> image_size;
};

PageLayout layout_document(const Document& doc, const FontSet& fonts, const LayoutOptions& options);

}  // namespace tebiki

namespace tebiki {

// Looks images up in the asset folders and reads their PNG header.
std::function<std::optional<std::pair<int, int>>(const std::string&)>
image_sizer_for(std::vector<std::filesystem::path> asset_dirs);

}  // namespace tebiki
