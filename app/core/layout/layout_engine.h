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
#include "layout/type_scale.h"
#include "text/font_set.h"

namespace tebiki {

struct LayoutOptions {
    float width = 800;   // pixels available for the page
    float zoom = 1.0f;
    // The type sizes; unset: type_scale(zoom). Slides set their own (present/slide_type.h).
    std::optional<TypeScale> scale;
    float max_image_height = 0;  // > 0: images are made smaller to fit (slides); 0: natural size
    float source_px = 0;         // > 0: 出典 lines are set this small and muted (slides)
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
