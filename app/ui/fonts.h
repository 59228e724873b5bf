// The ImGui font atlas, baked at exactly the pixel sizes of layout/type_scale.h for the current
// zoom, from the same font files the core measures with. Rebuilt (not scaled) on zoom.
#pragma once
#include <string>
#include <vector>

#include "layout/type_scale.h"
#include "text/font_set.h"

struct ImFont;
struct ImFontAtlas;

namespace tebiki::ui {

struct UiFonts {
    ImFont* body = nullptr;     // also the widgets' font
    ImFont* bold = nullptr;
    ImFont* mono = nullptr;
    ImFont* heading[4] = {};    // bold, h1–h4
    TypeScale scale{};

    ImFont* for_run(FontRole role, float px) const;
};

struct GlyphText {
    std::string everything;  // every code point used by the guide and the UI
    std::string headings;    // code points that appear in headings and titles
    std::string code;        // code points inside code spans and blocks
};

// Must run before ImGui::CreateContext(). Dear ImGui 1.86 copies a font's whole file for every
// AddFont unless the atlas "owns" the bytes (7 faces × a 20 MB .ttc = 140 MB and ~80 ms). We let
// the atlas own our read-only mappings and make its free() skip them.
void install_font_aware_allocator();

// Clears and rebuilds `atlas` (ImGui's, or one not yet handed to a context: the first atlas is
// built on the loading thread while the window opens). Must be called outside NewFrame/Render.
// Without `all_japanese` only the code points in `glyphs` are baked (fast first frame); with
// it, the whole Japanese range too, so that anything a user types can be drawn. The caller sets
// io.FontDefault.
UiFonts build_fonts(ImFontAtlas& atlas, const FontSet& fonts, const GlyphText& glyphs, float zoom, bool all_japanese);

}  // namespace tebiki::ui
