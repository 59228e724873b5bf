#include "ui/page_view.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

#include "layout/paragraph.h"
#include "ui/textures.h"
#include "ui/touch_scroll.h"
#include "ui/theme.h"
#include "util/utf8.h"
#include "guide/link.h"

namespace tebiki::ui {

static void draw_box(ImDrawList* dl, ImVec2 origin, const Box& b, float zoom) {
    const ImVec2 a(origin.x + b.x, origin.y + b.y), z(origin.x + b.x + b.w, origin.y + b.y + b.h);
    if (ImU32 fill = box_fill(b.kind)) dl->AddRectFilled(a, z, fill, b.kind == BoxKind::Column ? 6.0f * zoom : 0.0f);
    if (ImU32 border = box_border(b.kind)) dl->AddRect(a, z, border, b.kind == BoxKind::Column ? 6.0f * zoom : 0.0f, 0, std::max(1.0f, zoom));
    if (b.kind == BoxKind::Column) dl->AddRectFilled(a, ImVec2(a.x + 5 * zoom, z.y), box_border(b.kind), 0);
    if (b.kind == BoxKind::CheckboxDone) {
        const float t = std::max(2.0f, zoom * 2);
        dl->AddLine(ImVec2(a.x + b.w * 0.2f, a.y + b.h * 0.5f), ImVec2(a.x + b.w * 0.42f, a.y + b.h * 0.75f), IM_COL32_WHITE, t);
        dl->AddLine(ImVec2(a.x + b.w * 0.42f, a.y + b.h * 0.75f), ImVec2(a.x + b.w * 0.8f, a.y + b.h * 0.25f), IM_COL32_WHITE, t);
    }
}

PageInteraction draw_layout(App& app, const PageLayout& layout, float left_margin, const std::vector<std::string>& terms) {
    PageInteraction result;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    origin.x += left_margin;
    const ImVec2 clip_min = dl->GetClipRectMin(), clip_max = dl->GetClipRectMax();
    const float top = clip_min.y - origin.y, bottom = clip_max.y - origin.y;
    const float zoom = layout.zoom;

    auto [box_first, box_last] = layout.visible_boxes(top, bottom);
    for (size_t i = box_first; i < box_last; ++i) draw_box(dl, origin, layout.boxes[i], zoom);

    for (const PlacedImage& image : layout.images) {
        if (image.y > bottom || image.y + image.h < top) continue;
        const auto file = find_asset(app.paths.asset_dirs, image.src);
        const ImVec2 a(origin.x + image.x, origin.y + image.y), z(a.x + image.w, a.y + image.h);
        if (ImTextureID tex = file.empty() ? ImTextureID{} : texture_for(file)) dl->AddImage(tex, a, z);
        else dl->AddRect(a, z, box_border(BoxKind::TableCell));
    }

    const ImVec2 mouse = ImGui::GetMousePos();
    const bool hovered_window = ImGui::IsWindowHovered();
    const ParagraphLayouter measure(*app.fonts);
    auto [first, last] = layout.visible_lines(top, bottom);
    for (size_t i = first; i < last; ++i) {
        const Line& line = layout.lines[i];
        const float y = origin.y + line.y + line.baseline_offset;
        for (const GlyphRun& run : line.runs) {
            ImFont* font = app.ui_fonts.for_run(run.role, run.px);
            const float x = origin.x + run.x;
            if (!terms.empty()) {
                for (const Highlight& h : find_occurrences(run.text, terms)) {
                    const float hx = x + measure.text_width(std::string_view(run.text).substr(0, h.begin), run.role, run.px);
                    const float hw = measure.text_width(std::string_view(run.text).substr(h.begin, h.end - h.begin), run.role, run.px);
                    dl->AddRectFilled(ImVec2(hx, origin.y + line.y + 2), ImVec2(hx + hw, origin.y + line.y + line.height - 2), highlight_color(), 3);
                }
            }
            // At the run's size: the font's own, unless the atlas lacks that size (then scaled).
            dl->AddText(font, run.px, ImVec2(x, y), ink_color(run.ink), run.text.data(), run.text.data() + run.text.size());
            const float t = std::max(1.0f, zoom);
            if (run.decoration & kUnderline) dl->AddLine(ImVec2(x, y + run.px + 2 * t), ImVec2(x + run.w, y + run.px + 2 * t), ink_color(run.ink), t);
            if (run.decoration & kStrikeThrough) dl->AddLine(ImVec2(x, y + run.px * 0.55f), ImVec2(x + run.w, y + run.px * 0.55f), ink_color(run.ink), t);
            if (run.link >= 0 && !app.targets.contains("link:" + std::to_string(run.link)))  // a link's first visible piece
                app.target_rect("link:" + std::to_string(run.link), ImVec2(x, origin.y + line.y), ImVec2(x + run.w, origin.y + line.y + line.height));
            if (run.link >= 0 && hovered_window && mouse.x >= x && mouse.x < x + run.w && mouse.y >= origin.y + line.y &&
                mouse.y < origin.y + line.y + line.height) {
                ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
                // On release, and only when the press did not drag the page (touch_scroll).
                if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && !touch_dragged()) result.clicked_link = run.link;
            }
        }
    }
    ImGui::Dummy(ImVec2(left_margin + layout.width, layout.height));
    return result;
}

PageInteraction draw_page(App& app, const PageLayout& layout, float left_margin) {
    PageInteraction result = draw_layout(app, layout, left_margin, app.highlight_terms);
    // Room below the last line; a page opened at a heading near its end gets enough to scroll
    // that heading to the top (else the reader would show, and name, a section further up).
    float room = ImGui::GetFontSize() * 4;
    if (const float y = app.page_anchor.empty() ? -1 : layout.y_of_anchor(app.page_anchor); y >= 0)
        room = std::max(room, y + ImGui::GetWindowHeight() - layout.height);
    ImGui::Dummy(ImVec2(1, room));
    return result;
}

void draw_heading(App& app, const std::string& text, int level) {
    ImGui::PushFont(app.ui_fonts.heading[level]);
    ImGui::TextColored(ImColor(ink_color(Ink::Heading)), "%s", text.c_str());
    ImGui::PopFont();
}

void draw_strong(App& app, const std::string& text) {
    ImGui::PushFont(app.ui_fonts.bold);
    ImGui::TextColored(ImColor(ink_color(Ink::Heading)), "%s", text.c_str());
    ImGui::PopFont();
}

void open_guide(App& app, const std::string& ref) {
    const size_t hash = ref.find('#');
    Location to{ref.substr(0, hash), hash == std::string::npos ? "" : ref.substr(hash + 1), -1};
    if (app.screen == Screen::Assessment) app.return_to_assessment = App::ReturnToAssessment{app.assess.step, to};
    app.navigate(to);
}

void draw_message(App& app, const std::string& text, bool error, float width) {
    if (text.empty()) return;
    draw_wrapped(app, text, width, error ? FontRole::Bold : FontRole::Regular, app.ui_fonts.scale.body, error ? Ink::Error : Ink::Muted);
}

void same_line_if_fits(const char* label, float right) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float w = ImGui::CalcTextSize(label, nullptr, true).x + style.FramePadding.x * 2;
    if (right <= 0) right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + style.ItemSpacing.x + w <= right) ImGui::SameLine();
}

float wrapped_height(App& app, const std::string& text, float width, FontRole role, float px) {
    ParagraphStyle style;
    style.role = role;
    style.px = style.code_px = px;
    style.line_height = 1.5f;
    PageLayout layout;
    layout.zoom = app.effective_zoom();
    return ParagraphLayouter(*app.fonts).layout({Span{text}}, style, 0, 0, width, 0, layout);
}

void draw_wrapped(App& app, const std::string& text, float width, FontRole role, float px, Ink ink,
                  const std::vector<std::string>& terms) {
    ParagraphStyle style;
    style.role = role;
    style.px = style.code_px = px;
    style.ink = ink;
    style.line_height = 1.5f;
    PageLayout layout;
    layout.zoom = app.effective_zoom();
    layout.height = ParagraphLayouter(*app.fonts).layout({Span{text}}, style, 0, 0, width, 0, layout);
    layout.width = width;
    draw_layout(app, layout, 0, terms);
}

}  // namespace tebiki::ui

namespace tebiki::ui {

bool wrapped_selectable(App& app, const std::string& id, const std::string& label, bool selected, float width, FontRole role) {
    const float px = app.ui_fonts.scale.body;
    const float pad_x = px * 0.3f, pad_y = px * 0.2f;
    ParagraphStyle style;
    style.role = role;
    style.px = style.code_px = px;
    style.line_height = 1.35f;
    PageLayout layout;
    layout.zoom = app.effective_zoom();
    layout.height = ParagraphLayouter(*app.fonts).layout({Span{label}}, style, 0, 0, std::max(px * 2, width - 2 * pad_x), 0, layout);
    const ImVec2 top_left = ImGui::GetCursorScreenPos();
    const ImVec2 size(width, layout.height + 2 * pad_y);
    ImGui::PushID(id.c_str());
    const bool clicked = ImGui::InvisibleButton("##row", size);
    ImGui::PopID();
    const ImU32 fill = selected ? ImGui::GetColorU32(ImGuiCol_Header)
                       : ImGui::IsItemHovered() ? ImGui::GetColorU32(ImGuiCol_HeaderHovered) : 0;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (fill) dl->AddRectFilled(top_left, ImVec2(top_left.x + size.x, top_left.y + size.y), fill, 3);
    if (ImGui::IsItemFocused()) dl->AddRect(top_left, ImVec2(top_left.x + size.x, top_left.y + size.y), ImGui::GetColorU32(ImGuiCol_NavHighlight), 3, 0, 2);
    const ImVec2 after = ImGui::GetCursorScreenPos();
    const ImGuiLastItemData row = GImGui->LastItemData;  // the row, not the label drawn inside it, is the item
    ImGui::SetCursorScreenPos(ImVec2(top_left.x + pad_x, top_left.y + pad_y));
    draw_layout(app, layout, 0, {});
    ImGui::SetCursorScreenPos(after);
    GImGui->LastItemData = row;
    return clicked;
}

}  // namespace tebiki::ui
