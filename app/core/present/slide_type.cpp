#include "present/slide_type.h"

#include <algorithm>
#include <cmath>

namespace tebiki {

float em_of(const FontSet& fonts, float px, FontRole role) {
    // A full-width kana advances exactly one em.
    const float em = fonts.face(role).advance(U'あ', px);
    return em > 0 ? em : px / 1.45f;
}

TypeScale slide_type_scale(const FontSet& fonts, float screen_height, float preset) {
    const float wanted_em = kSlideBodyShare * std::max(1.0f, screen_height) * std::clamp(preset, 0.5f, 4.0f);
    float body = std::ceil(wanted_em / std::max(0.1f, em_of(fonts, 1.0f)));
    while (em_of(fonts, body) < wanted_em) ++body;  // em_of is linear; this only guards rounding
    TypeScale s = type_scale(1.0f);
    auto times = [body](float f) { return std::round(body * f); };
    s.body = body;
    s.code = times(0.92f);
    s.h1 = times(1.5f);
    s.h2 = times(1.3f);
    s.h3 = times(1.2f);   // a section that joined the slide
    s.h4 = times(1.05f);  // a #### sub-heading over a list or table
    s.line_height = 1.25f;  // × ImGui's size: 1.8 em for Noto Sans CJK
    s.heading_line_height = 1.15f;
    return s;
}

SlideGeometry slide_geometry(float screen_width, float screen_height) {
    SlideGeometry g;
    g.margin_x = std::round(screen_width * 0.06f);
    g.margin_y = std::round(screen_height * 0.045f);
    g.footer = std::round(screen_height * 0.05f);
    g.width = std::max(80.0f, screen_width - 2 * g.margin_x);
    g.height = std::max(80.0f, screen_height - 2 * g.margin_y - g.footer);
    return g;
}

float slide_zoom(const TypeScale& scale) { return scale.body / type_scale(1.0f).body; }

float slide_small_px(float screen_height, float reader_body_px) {
    return std::max(reader_body_px, std::round(screen_height * 0.026f));
}

LayoutOptions slide_layout(const TypeScale& scale, float small_px, float screen_width, float screen_height) {
    LayoutOptions o;
    const SlideGeometry g = slide_geometry(screen_width, screen_height);
    o.scale = scale;
    o.zoom = slide_zoom(scale);
    o.width = g.width;
    o.max_image_height = std::round(g.height * 0.45f);
    o.source_px = small_px;
    return o;
}

}  // namespace tebiki
