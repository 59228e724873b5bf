// The bar at the top of every screen: home, back/forward, the search box, the zoom level.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>

#include "ui/views.h"

namespace tebiki::ui {

static void run_search(App& app) {
    app.hits = app.search->search(app.query, 30);
    app.selected_hit = 0;
    app.search_open = !app.query.empty();
}

void open_hit(App& app, const SearchHit& hit) {
    app.highlight_terms = split_query(app.query);
    app.navigate(Location{hit.chapter_id, hit.anchor, -1}, true);
    app.search_open = false;
}

void draw_toolbar(App& app) {
    const float body = app.ui_fonts.scale.body;
    ImGui::BeginDisabled(!app.history.can_back());
    if (ImGui::Button(app.text.get("reader.back"))) app.go_back();
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!app.history.can_forward());
    if (ImGui::Button(app.text.get("reader.forward"))) app.go_forward();
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(app.text.get("app.home"))) app.navigate(Location{});
    app.target("home");
    ImGui::SameLine();
    if (ImGui::Button(app.text.get("assess.open"))) app.open_assessment();
    app.target("assess");
    ImGui::SameLine();
    if (ImGui::Button(app.text.get("docs.open"))) app.open_documents();
    app.target("docs");
    ImGui::SameLine();
    if (ImGui::Button(app.text.get("present.start"))) app.start_presentation();
    app.target("present");
    ImGui::SameLine();
    if (ImGui::Button(app.text.get("kiosk.admin"))) {
        app.kiosk.ask = app.kiosk.guard ? KioskUi::Ask::Admin : KioskUi::Ask::SetPin;
        app.kiosk.admin_after_set_pin = !app.kiosk.guard;
    }
    app.target("admin");
    ImGui::SameLine();
    draw_sync_status(app);  // view_store.cpp: the ward's server, when one is configured

    const std::string zoom = app.text.format("app.zoom", {std::to_string(int(std::lround(app.zoom * 100)))});
    const ImGuiStyle& style = ImGui::GetStyle();
    const float zoom_width = ImGui::CalcTextSize(app.text.get("app.zoom_out")).x + ImGui::CalcTextSize(app.text.get("app.zoom_in")).x +
                             ImGui::CalcTextSize(zoom.c_str()).x + style.FramePadding.x * 4 + style.ItemSpacing.x * 3;
    ImGui::SetNextItemWidth(std::max(body * 4, std::min(body * 20, ImGui::GetContentRegionAvail().x - zoom_width)));
    if (app.focus_search) {
        ImGui::SetKeyboardFocusHere();
        app.focus_search = false;
    }
    if (ImGui::InputTextWithHint("##search", app.text.get("search.placeholder"), &app.query)) run_search(app);
    // A single-line field lets go of the keyboard on Enter, so "just deactivated" counts too.
    const bool search_active = ImGui::IsItemActive() || ImGui::IsItemDeactivated();
    app.target("search");
    if (search_active && !app.query.empty()) app.search_open = true;
    app.search_box_min = ImGui::GetItemRectMin();
    app.search_box_max = ImGui::GetItemRectMax();
    if (search_active && app.search_open && !app.hits.empty()) {
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) { app.selected_hit = std::min(app.selected_hit + 1, int(app.hits.size()) - 1); app.scroll_hit_into_view = true; }
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) { app.selected_hit = std::max(app.selected_hit - 1, 0); app.scroll_hit_into_view = true; }
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter))) {
            open_hit(app, app.hits[size_t(app.selected_hit)]);
            ImGui::SetWindowFocus(nullptr);
        }
    }
    if (search_active && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) app.search_open = false;

    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - zoom_width + style.ItemSpacing.x));
    if (ImGui::Button(app.text.get("app.zoom_out"))) app.set_zoom(app.zoom - 0.1f);
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(zoom.c_str());
    ImGui::SameLine();
    if (ImGui::Button(app.text.get("app.zoom_in"))) app.set_zoom(app.zoom + 0.1f);
}

}  // namespace tebiki::ui
