// The type of slides: sized by the screen, not by the reader's zoom, so that body text can be
// read from the back of a room. Body glyphs are at least kSlideBodyShare of the screen's height
// (the em, i.e. the font size as a typographer means it; a kanji's ink is about 0.9 em), and
// the slide title stands clearly above them.
#pragma once
#include "layout/layout_engine.h"
#include "layout/type_scale.h"
#include "text/font_set.h"

namespace tebiki {

// Body em / screen height at the default room preset (100 %). 4.6 %: 50 px at 1080 p, 33 px at
// 720 p — 24 pt on a 16:9 slide, the usual minimum for projected body text, with the ink of a
// kanji still above 4 % of the height.
inline constexpr float kSlideBodyShare = 0.046f;

// The em of `role`'s face set at pixel height `px` (ImGui's size is ascent to descent, larger
// than the em: 1.45 em for Noto Sans CJK).
float em_of(const FontSet& fonts, float px, FontRole role = FontRole::Regular);

// Slide type for a screen `screen_height` px tall and a room preset (1, 1.25, 1.5, 2): body,
// the slide title (h1, 1.5× body), a section joined onto a slide (h3, 1.2×), a #### over a list
// (h4, 1.05×), lines set a little tighter than the reader's.
TypeScale slide_type_scale(const FontSet& fonts, float screen_height, float preset = 1.0f);

// Where a slide's content goes on a screen: margins in proportion to the screen, and a footer
// line at the bottom for the corner (slide number, chapter, time).
struct SlideGeometry {
    float margin_x = 0, margin_y = 0, footer = 0;
    float width = 0, height = 0;  // of the content area
};
SlideGeometry slide_geometry(float screen_width, float screen_height);

// The zoom that goes with a slide scale (rules, image sizes): body / the reader's body at 100 %.
float slide_zoom(const TypeScale& scale);

// The small print of a slide (the corner line, 出典 lines, the keys box) and the presenter's
// notes: 2.6 % of the screen, never smaller than the reader's body text.
float slide_small_px(float screen_height, float reader_body_px);

// How a slide is laid out on a screen in `scale` (slide_type_scale): its width, images at most
// 45 % of the content height (a caption and two lines of 出典 fit with them), 出典 lines in `small_px`. The
// caller adds LayoutOptions::image_size.
LayoutOptions slide_layout(const TypeScale& scale, float small_px, float screen_width, float screen_height);

}  // namespace tebiki
