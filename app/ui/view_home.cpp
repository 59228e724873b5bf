#include <imgui.h>

#include "ui/page_view.h"
#include "ui/touch_scroll.h"
#include "ui/theme.h"
#include "ui/views.h"

namespace tebiki::ui {

// A part as a large tile: short name, full title, one-line summary.
static bool part_tile(App& app, const Part& part, size_t index, float width, float height) {
    const UiFonts& f = app.ui_fonts;
    ImGui::PushID(int(index));
    const ImVec2 top_left = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton("tile", ImVec2(width, height));
    app.target("home:" + part.id);
    const bool hovered = ImGui::IsItemHovered();
    const bool focused = ImGui::IsItemFocused();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 bottom_right(top_left.x + width, top_left.y + height);
    dl->AddRectFilled(top_left, bottom_right, hovered ? IM_COL32(0xE8, 0xF0, 0xFB, 255) : IM_COL32_WHITE, 10);
    dl->AddRect(top_left, bottom_right, focused ? IM_COL32(0xD9, 0x73, 0x00, 255) : IM_COL32(0xB8, 0xC4, 0xD4, 255), 10, 0,
                focused ? 3.0f : 1.5f);
    dl->AddRectFilled(top_left, ImVec2(top_left.x + 8, bottom_right.y), accent_color(), 10, ImDrawFlags_RoundCornersLeft);
    const float pad = f.scale.body * 0.9f;
    ImGui::SetCursorScreenPos(ImVec2(top_left.x + pad + 6, top_left.y + pad * 0.8f));
    ImGui::BeginGroup();
    ImGui::PushFont(f.heading[1]);
    ImGui::TextColored(ImColor(accent_color()), "%s", part.short_name.c_str());
    ImGui::PopFont();
    const float inner = width - 2 * pad - 6;
    draw_wrapped(app, part.title, inner, FontRole::Bold, f.scale.body, Ink::Text);
    ImGui::Dummy(ImVec2(1, f.scale.body * 0.2f));
    draw_wrapped(app, part.summary, inner, FontRole::Regular, f.scale.body, Ink::Muted);
    ImGui::EndGroup();
    ImGui::PopID();
    return clicked;
}

void draw_home(App& app) {
    const UiFonts& f = app.ui_fonts;
    ImGui::BeginChild("home", ImVec2(0, 0), false, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NavFlattened);
    touch_scroll(app);
    const float avail = ImGui::GetContentRegionAvail().x;
    const float margin = std::max(f.scale.body, (avail - f.scale.body * 70) * 0.5f);
    ImGui::SetCursorPosX(margin);
    ImGui::BeginGroup();
    const float width = avail - 2 * margin;
    ImGui::Dummy(ImVec2(1, f.scale.body * 0.5f));
    ImGui::PushFont(f.heading[0]);
    ImGui::TextColored(ImColor(ink_color(Ink::Heading)), "%s", app.text.get("home.heading"));
    ImGui::PopFont();
    draw_wrapped(app, app.text.get("home.lead"), width, FontRole::Regular, f.scale.body, Ink::Muted);
    ImGui::Dummy(ImVec2(1, f.scale.body * 0.4f));

    if (const Chapter* last = app.book.find(app.history.current().chapter_id)) {
        if (ImGui::Button(app.text.format("home.continue", {last->title}).c_str())) app.navigate(Location{last->id, "", -1});
        ImGui::Dummy(ImVec2(1, f.scale.body * 0.4f));
    }

    const int columns = width > f.scale.body * 48 ? 3 : (width > f.scale.body * 30 ? 2 : 1);
    const float gap = f.scale.body * 0.8f;
    const float tile_w = (width - gap * float(columns - 1)) / float(columns);
    const float tile_h = f.scale.body * 9.5f;
    const ImVec2 grid = ImGui::GetCursorScreenPos();
    size_t rows = 0;
    for (size_t i = 0; i < app.book.parts.size(); ++i) {
        const size_t row = i / size_t(columns), column = i % size_t(columns);
        rows = row + 1;
        ImGui::SetCursorScreenPos(ImVec2(grid.x + float(column) * (tile_w + gap), grid.y + float(row) * (tile_h + gap)));
        const Part& part = app.book.parts[i];
        if (part_tile(app, part, i, tile_w, tile_h) && !part.chapters.empty())
            app.navigate(Location{app.book.chapters[part.chapters.front()].id, "", -1});
    }
    ImGui::SetCursorScreenPos(ImVec2(grid.x, grid.y + float(rows) * (tile_h + gap)));
    ImGui::Dummy(ImVec2(width, gap));
    ImGui::EndGroup();
    ImGui::EndChild();
}

}  // namespace tebiki::ui
