// Characters the font atlas lacks, counted whatever draws them (page text, buttons, labels,
// the draw list). ImGui draws a missing character as the font's fallback glyph; every font is
// given 〓 (U+3013, the geta mark Japanese typesetting uses for a missing character) as its
// fallback, so a missing character is visible as 〓 and each one leaves a quad with the 〓
// glyph's texture corner in the frame's vertices, which are counted after ImGui::Render().
#pragma once
struct ImDrawData;
struct ImFontAtlas;

namespace tebiki::ui {

inline constexpr char kMissingGlyphMark[] = "〓";  // must be in every glyph text (app.cpp, view_present.cpp)

// After every atlas build: makes 〓 the fallback glyph of each font in the atlas.
void use_geta_for_missing(ImFontAtlas& atlas);

// Glyph quads drawn in this frame with a fallback glyph.
int count_missing_glyphs(const ImFontAtlas& atlas, const ImDrawData* draw_data);

}  // namespace tebiki::ui
