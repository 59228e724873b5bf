#include "ui/glyph_check.h"

#include <imgui.h>

#include <vector>

namespace tebiki::ui {

constexpr ImWchar kGeta = 0x3013;

void use_geta_for_missing(ImFontAtlas& atlas) {
    for (ImFont* font : atlas.Fonts) {
        if (!font->FindGlyphNoFallback(kGeta)) continue;  // keeps ImGui's own ('?'), still counted
        font->FallbackChar = kGeta;
        font->BuildLookupTable();  // honours a FallbackChar that exists, and re-fills the advances
    }
}

int count_missing_glyphs(const ImFontAtlas& atlas, const ImDrawData* draw_data) {
    if (!draw_data) return 0;
    std::vector<ImVec2> corners;  // top-left texture coordinate of each font's fallback glyph
    for (const ImFont* font : atlas.Fonts)
        if (font->FallbackGlyph && font->FallbackGlyph->Visible) corners.emplace_back(font->FallbackGlyph->U0, font->FallbackGlyph->V0);
    if (corners.empty()) return 0;
    int missing = 0;
    for (int l = 0; l < draw_data->CmdListsCount; ++l) {
        const ImVector<ImDrawVert>& vertices = draw_data->CmdLists[l]->VtxBuffer;
        for (const ImDrawVert& v : vertices)
            for (const ImVec2& c : corners)
                if (v.uv.x == c.x && v.uv.y == c.y) ++missing;
    }
    return missing;
}

}  // namespace tebiki::ui
