// The home screen: the four things tebiki is for (read, assess, draft, present) as tiles with
// one line each, 「続きから」 outside kiosk mode, then the guide's seven parts.
#include <imgui.h>

#include <functional>

#include "ui/page_view.h"
#include "ui/touch_scroll.h"
#include "ui/theme.h"
#include "ui/views.h"

namespace tebiki::ui {

namespace {

// A large tile: a title in a heading font, then lines of wrapped text (bold, then muted).
struct TileText {
    std::string title;
    std::string strong;  // may be empty
    std::string muted;
};

float tile_height(App& app, const TileText& t, float width) {
    const UiFonts& f = app.ui_fonts;
    const float pad = f.scale.body * 0.9f, inner = width - 2 * pad - 6;
    float h = pad * 0.8f + f.heading[2]->FontSize + ImGui::GetStyle().ItemSpacing.y;
    if (!t.strong.empty()) h += wrapped_height(app, t.strong, inner, FontRole::Bold, f.scale.body) + f.scale.body * 0.2f;
    h += wrapped_height(app, t.muted, inner, FontRole::Regular, f.scale.body);
    return h + pad * 0.8f;
}

bool tile(App& app, const std::string& target, const TileText& t, float width, float height) {
    const UiFonts& f = app.ui_fonts;
    ImGui::PushID(target.c_str());
    const ImVec2 top_left = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton("tile", ImVec2(width, height));
    app.target(target);
    const bool hovered = ImGui::IsItemHovered();
    const bool focused = ImGui::IsItemFocused();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 bottom_right(top_left.x + width, top_left.y + height);
    dl->AddRectFilled(top_left, bottom_right, hovered ? IM_COL32(0xE8, 0xF0, 0xFB, 255) : IM_COL32_WHITE, 10);
    dl->AddRect(top_left, bottom_right, focused ? IM_COL32(0xD9, 0x73, 0x00, 255) : IM_COL32(0xB8, 0xC4, 0xD4, 255), 10, 0,
                focused ? 3.0f : 1.5f);
    dl->AddRectFilled(top_left, ImVec2(top_left.x + 8, bottom_right.y), accent_color(), 10, ImDrawFlags_RoundCornersLeft);
    const float pad = f.scale.body * 0.9f;
    const ImVec2 after = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(top_left.x + pad + 6, top_left.y + pad * 0.8f));
    ImGui::BeginGroup();
    ImGui::PushFont(f.heading[2]);
    ImGui::TextColored(ImColor(accent_color()), "%s", t.title.c_str());
    ImGui::PopFont();
    const float inner = width - 2 * pad - 6;
    if (!t.strong.empty()) {
        draw_wrapped(app, t.strong, inner, FontRole::Bold, f.scale.body, Ink::Text);
        ImGui::Dummy(ImVec2(1, f.scale.body * 0.2f));
    }
    draw_wrapped(app, t.muted, inner, FontRole::Regular, f.scale.body, Ink::Muted);
    ImGui::EndGroup();
    ImGui::SetCursorScreenPos(after);
    ImGui::PopID();
    return clicked;
}

// Tiles in rows of `columns`; each row as tall as its tallest tile. Returns the clicked index or -1.
int tile_grid(App& app, const std::vector<std::pair<std::string, TileText>>& tiles, float width, int columns) {
    const float gap = app.ui_fonts.scale.body * 0.8f;
    const float tile_w = (width - gap * float(columns - 1)) / float(columns);
    ImVec2 at = ImGui::GetCursorScreenPos();
    const float left = at.x;
    int clicked = -1;
    for (size_t row = 0; row * size_t(columns) < tiles.size(); ++row) {
        float h = 0;
        for (size_t i = row * size_t(columns); i < std::min(tiles.size(), (row + 1) * size_t(columns)); ++i)
            h = std::max(h, tile_height(app, tiles[i].second, tile_w));
        for (size_t i = row * size_t(columns); i < std::min(tiles.size(), (row + 1) * size_t(columns)); ++i) {
            ImGui::SetCursorScreenPos(ImVec2(left + float(i % size_t(columns)) * (tile_w + gap), at.y));
            if (tile(app, tiles[i].first, tiles[i].second, tile_w, h)) clicked = int(i);
        }
        at.y += h + gap;
    }
    ImGui::SetCursorScreenPos(ImVec2(left, at.y));
    ImGui::Dummy(ImVec2(width, 1));
    return clicked;
}

// "【準備編】計画策定から…" under the heading 準備編 says the part's name twice: drop the 【…】.
std::string title_without_part_name(const Part& part) {
    const std::string open = "【", close = "】";
    if (part.title.starts_with(open)) {
        const size_t end = part.title.find(close);
        if (end != std::string::npos && part.title.substr(open.size(), end - open.size()) == part.short_name)
            return part.title.substr(end + close.size());
    }
    return part.title;
}

// The newest unfinished assessment of any department, looked up when the home screen appears.
struct Unfinished {
    storage::Department department;
    storage::AssessmentRecord record;
    std::string title;
};
std::optional<Unfinished> find_unfinished(App& app) {
    if (!app.assess.store) return std::nullopt;
    std::optional<Unfinished> best;
    for (const storage::Department& d : app.assess.store->departments())
        for (const storage::AssessmentRecord& r : app.assess.store->assessments(d.id))
            if (r.status != "finished" && (!best || r.updated_at > best->record.updated_at)) best = Unfinished{d, r, r.questionnaire_id};
    if (best)
        for (const assessment::Questionnaire& q : app.assess.questionnaires)
            if (q.id == best->record.questionnaire_id) best->title = q.title;
    return best;
}

void draw_continue(App& app) {
    static long shown_at = -2;
    static std::optional<Unfinished> unfinished;
    if (app.frames_drawn > shown_at + 1) unfinished = find_unfinished(app);  // the home screen (re)appeared
    shown_at = app.frames_drawn;
    const Chapter* last = app.book.find(app.last_chapter);
    if (!last && !unfinished) return;
    const float body = app.ui_fonts.scale.body;
    const float avail = ImGui::GetContentRegionAvail().x;
    if (last) {
        if (ImGui::Button(app.text.format("home.continue", {last->title}).c_str())) app.navigate(Location{last->id, "", -1});
        app.target("home:continue");
    }
    if (unfinished) {
        const std::string label = app.text.format("home.resume", {unfinished->department.name, unfinished->title});
        if (last && ImGui::GetItemRectMax().x + ImGui::CalcTextSize(label.c_str()).x + body * 2 < ImGui::GetCursorScreenPos().x + avail)
            ImGui::SameLine();
        if (ImGui::Button(label.c_str())) resume_assessment(app, unfinished->department, unfinished->record.id);
        app.target("home:resume");
    }
    ImGui::Dummy(ImVec2(1, body * 0.4f));
}

}  // namespace

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
    draw_wrapped(app, app.text.get(app.kiosk.on ? "home.lead_kiosk" : "home.lead"), width, FontRole::Regular, f.scale.body, Ink::Muted);
    ImGui::Dummy(ImVec2(1, f.scale.body * 0.4f));
    if (!app.kiosk.on) draw_continue(app);  // a kiosk starts clean for every visitor

    // What tebiki is for.
    const std::vector<std::pair<std::string, TileText>> journeys = {
        {"home:journey:read", {app.text.get("home.journey_read"), "", app.text.get("home.journey_read_desc")}},
        {"home:journey:assess", {app.text.get("home.journey_assess"), "", app.text.get("home.journey_assess_desc")}},
        {"home:journey:docs", {app.text.get("home.journey_docs"), "", app.text.get("home.journey_docs_desc")}},
        {"home:journey:present", {app.text.get("home.journey_present"), "", app.text.get("home.journey_present_desc")}},
    };
    const int journey_columns = width > f.scale.body * 56 ? 4 : (width > f.scale.body * 26 ? 2 : 1);
    switch (tile_grid(app, journeys, width, journey_columns)) {
    case 0:
        if (!app.book.chapters.empty()) app.navigate(Location{app.book.chapters.front().id, "", -1});
        break;
    case 1: app.open_assessment(); break;
    case 2: app.open_documents(); break;
    case 3: app.start_presentation(); break;
    default: break;
    }

    // The guide's parts.
    ImGui::Dummy(ImVec2(1, f.scale.body * 0.3f));
    draw_heading(app, app.text.get("home.parts"), 2);
    std::vector<std::pair<std::string, TileText>> parts;
    for (const Part& part : app.book.parts) parts.push_back({"home:" + part.id, {part.short_name, title_without_part_name(part), part.summary}});
    const int columns = width > f.scale.body * 48 ? 3 : (width > f.scale.body * 30 ? 2 : 1);
    if (const int i = tile_grid(app, parts, width, columns); i >= 0 && !app.book.parts[size_t(i)].chapters.empty())
        app.navigate(Location{app.book.chapters[app.book.parts[size_t(i)].chapters.front()].id, "", -1});
    ImGui::Dummy(ImVec2(width, f.scale.body * 0.8f));
    ImGui::EndGroup();
    ImGui::EndChild();
}

}  // namespace tebiki::ui
