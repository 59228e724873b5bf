// The pixel sizes text is set in, for a zoom level. The UI bakes its font atlas at exactly
// these sizes (crisp glyphs, no scaling) and the layout measures with them, so the two agree.
#pragma once
#include <cmath>

namespace tebiki {

struct TypeScale {
    float body, code, h1, h2, h3, h4;
    float line_height = 1.75f;      // body line box as a multiple of body (Japanese text needs air)
    float heading_line_height = 1.4f;
};

inline TypeScale type_scale(float zoom) {
    auto px = [zoom](float base) { return std::round(base * zoom); };
    return TypeScale{px(20), px(18), px(34), px(28), px(24), px(21)};
}

}  // namespace tebiki
