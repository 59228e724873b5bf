// The pixel sizes text is set in, for a zoom level. The UI bakes its font atlas at exactly
// these sizes (crisp glyphs, no scaling) and the layout measures with them, so the two agree.
#pragma once
#include <cmath>

namespace tebiki {

struct TypeScale {
    float body, code, h1, h2, h3, h4;
    float line_height = 1.75f;      // body line box as a multiple of body (Japanese text needs air)
    float heading_line_height = 1.4f;
    bool operator==(const TypeScale&) const = default;
};

inline TypeScale type_scale(float zoom) {
    auto px = [zoom](float base) { return std::round(base * zoom); };
    // ImGui sizes a font by its ascent-to-descent height; for Noto Sans CJK that is 1.45 em, so
    // body text of 26 px has an 18 px em — comfortable on a desktop, and zoom scales from there.
    return TypeScale{px(26), px(24), px(44), px(36), px(31), px(27)};
}

}  // namespace tebiki
