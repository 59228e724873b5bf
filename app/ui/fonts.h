// The ImGui font atlas, baked at exactly the pixel sizes the core lays text out with (the
// reader's layout/type_scale.h for its zoom, or a slide scale while presenting), from the same
// font files the core measures with. Rebuilt (not scaled) when the sizes change.
//
// A rasterised atlas is kept in the user's cache folder (text/atlas_cache.h): a start after the
// first rasterises nothing, and a new glyph set rasterises only the glyphs it adds.
#pragma once
#include <string>
#include <vector>

#include "layout/type_scale.h"
#include "text/atlas_cache.h"
#include "text/font_set.h"

struct ImFont;
struct ImFontAtlas;

namespace tebiki::ui {

// The sizes an atlas is baked at.
struct FontPlan {
    TypeScale scale{};    // body, code and heading sizes
    float small_px = 0;   // > 0 while presenting: small print and the presenter's view
    int chapter = -1;     // while presenting: whose text the atlas holds (one chapter at a time)
    bool operator==(const FontPlan&) const = default;
};
FontPlan reader_plan(float zoom);

struct UiFonts {
    ImFont* body = nullptr;        // also the widgets' font in the reader
    ImFont* bold = nullptr;
    ImFont* mono = nullptr;
    ImFont* heading[4] = {};       // bold, h1–h4
    ImFont* small = nullptr;       // presenting: the corner, 出典 lines, the keys box, the presenter's view
    ImFont* small_bold = nullptr;
    TypeScale scale{};
    FontPlan plan{};

    // The font for a run of `role` at `px`: the exact size when the atlas has it (else the
    // role's body font, which draw_layout scales to `px`).
    ImFont* for_run(FontRole role, float px) const;
    ImFont* widgets() const { return small ? small : body; }
};

struct GlyphText {
    std::string everything;  // every code point used by the guide and the UI
    std::string headings;    // code points that appear in headings and titles
    std::string code;        // code points inside code spans and blocks
};

// What to bake: the text whose code points go in, and whether the whole Japanese range goes
// into the body font too (anything a user may type).
struct GlyphRequest {
    const GlyphText* text = nullptr;
    bool all_japanese = false;
};

// Must run before ImGui::CreateContext(). Dear ImGui 1.86 copies a font's whole file for every
// AddFont unless the atlas "owns" the bytes (7 faces × a 20 MB .ttc = 140 MB and ~80 ms). We let
// the atlas own our read-only mappings and make its free() skip them.
void install_font_aware_allocator();

struct FontBuild {
    UiFonts fonts;
    bool got_wanted = true;  // false: the atlas holds `quick` (the caller asks for `wanted` later)
    int rasterised = 0;      // glyphs rasterised now (0: all from the cache)
    bool from_cache = false;
    bool extended = false;   // the cached atlas plus the glyphs it lacked (only those rasterised)
    const char* how() const { return from_cache ? "from the cache" : extended ? "from the cache plus new glyphs" : "baked"; }
};

// Clears and rebuilds `atlas` (ImGui's, or one not yet handed to a context: the first atlas is
// built on the loading thread while the window opens). Must be called outside NewFrame/Render.
// With `quick`: when the cache does not already hold all of `wanted`, the atlas is built for
// `quick` instead (the first screen's glyphs: a fast first frame). `cache` may be null or
// disabled. The caller sets io.FontDefault.
FontBuild build_fonts(ImFontAtlas& atlas, const FontSet& fonts, const FontPlan& plan, const GlyphRequest& wanted,
                      const GlyphRequest* quick = nullptr, const AtlasCache* cache = nullptr);

}  // namespace tebiki::ui
