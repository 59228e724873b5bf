#include "ui/fonts.h"

#include <imgui.h>
#include <imgui_internal.h>  // ImFontAtlasGetBuilderForStbTruetype

#include <cstdlib>

namespace tebiki::ui {

ImFont* UiFonts::for_run(FontRole role, float px) const {
    if (role == FontRole::Mono) return mono;
    if (role == FontRole::Bold) {
        for (ImFont* f : heading)
            if (f && f->FontSize == px) return f;
        return bold;
    }
    return body;
}

namespace {

struct MappedRange {
    const void* begin;
    const void* end;
};
std::vector<MappedRange> g_font_mappings;

void* font_aware_alloc(size_t size, void*) { return std::malloc(size); }

void font_aware_free(void* ptr, void*) {
    for (const MappedRange& r : g_font_mappings)
        if (ptr >= r.begin && ptr < r.end) return;  // a font mapping owned by the core, not by ImGui
    std::free(ptr);
}

// ImGui keeps a pointer to the ranges until the atlas is rebuilt: keep them alive here.
std::vector<ImVector<ImWchar>> g_ranges;

const ImWchar* ranges_for(ImFontAtlas& atlas, const std::string& text, bool with_japanese) {
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(atlas.GetGlyphRangesDefault());
    if (with_japanese) builder.AddRanges(atlas.GetGlyphRangesJapanese());
    builder.AddText(text.data(), text.data() + text.size());
    builder.AddChar(0x2026);  // … for truncated labels
    g_ranges.emplace_back();
    builder.BuildRanges(&g_ranges.back());
    return g_ranges.back().Data;
}

ImFont* add(ImFontAtlas& atlas, const FontFace& face, float px, const ImWchar* ranges) {
    ImFontConfig config;
    config.FontDataOwnedByAtlas = true;  // no copy; font_aware_free() never frees the mapping
    config.FontNo = face.index();
    config.OversampleH = 1;               // CJK glyphs are dense; oversampling only costs atlas space
    config.OversampleV = 1;
    config.PixelSnapH = false;            // keep advances identical to the core's measurements
    // ImGui only reads the bytes, so handing it the read-only mapping is safe.
    auto* data = const_cast<unsigned char*>(face.data());
    g_font_mappings.push_back({face.data(), face.data() + face.size()});
    return atlas.AddFontFromMemoryTTF(data, int(face.size()), px, &config, ranges);
}

}  // namespace

void install_font_aware_allocator() { ImGui::SetAllocatorFunctions(font_aware_alloc, font_aware_free, nullptr); }

UiFonts build_fonts(ImFontAtlas& atlas, const FontSet& fonts, const GlyphText& glyphs, float zoom, bool all_japanese) {
    atlas.Clear();
    g_ranges.clear();
    g_ranges.reserve(8);
    atlas.FontBuilderIO = ImFontAtlasGetBuilderForStbTruetype();
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    atlas.TexDesiredWidth = 4096;

    UiFonts out;
    out.scale = type_scale(zoom);
    const ImWchar* body_ranges = ranges_for(atlas, glyphs.everything, all_japanese);  // user input may use any kanji
    const ImWchar* text_ranges = ranges_for(atlas, glyphs.everything, false);
    const ImWchar* heading_ranges = ranges_for(atlas, glyphs.headings, false);
    const ImWchar* code_ranges = ranges_for(atlas, glyphs.code, false);
    out.body = add(atlas, fonts.face(FontRole::Regular), out.scale.body, body_ranges);
    out.bold = add(atlas, fonts.face(FontRole::Bold), out.scale.body, text_ranges);
    out.mono = add(atlas, fonts.face(FontRole::Mono), out.scale.code, code_ranges);
    const float heading_px[4] = {out.scale.h1, out.scale.h2, out.scale.h3, out.scale.h4};
    for (int i = 0; i < 4; ++i) out.heading[i] = add(atlas, fonts.face(FontRole::Bold), heading_px[i], heading_ranges);
    atlas.Build();
    return out;
}

}  // namespace tebiki::ui
