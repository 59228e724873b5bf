// The bar at the top of every screen: a list of buttons with priorities (home, back/forward, the
// screens, presenting, the admin), the search box and the zoom group. It is laid out by the width
// it has (layout/toolbar_fit.h): full labels, then short ones, then the least important buttons
// move into the 「その他」 menu — it never overlaps itself. To add a button, add an item to the
// list in toolbar_items().
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "layout/toolbar_fit.h"
#include "ui/views.h"

namespace tebiki::ui {

void open_hit(App& app, const SearchHit& hit);  // below; also used by view_search.cpp

namespace {

struct ToolbarItem {
    std::string target;   // its name in the state file ("more:" + target inside the menu)
    const char* label;    // full label
    const char* icon;     // short label
    int priority;         // higher stays in the bar longer
    bool enabled;
    std::function<void()> action;
};

std::vector<ToolbarItem> toolbar_items(App& app) {
    const UiStrings& t = app.text;
    std::vector<ToolbarItem> items = {
        {"back", t.get("reader.back"), t.get("toolbar.back_icon"), 90, app.history.can_back(), [&app] { app.go_back(); }},
        {"forward", t.get("reader.forward"), t.get("toolbar.forward_icon"), 60, app.history.can_forward(), [&app] { app.go_forward(); }},
        {"home", t.get("app.home"), t.get("toolbar.home_icon"), 100, true, [&app] { app.navigate(Location{}); }},
        {"assess", t.get("assess.open"), t.get("assess.open"), 80, true, [&app] { app.open_assessment(); }},
        {"docs", t.get("docs.open"), t.get("docs.open"), 70, true, [&app] { app.open_documents(); }},
        {"present", t.get("present.start"), t.get("present.start"), 50, true, [&app] { app.start_presentation(); }},
        {"admin", t.get("kiosk.admin"), t.get("kiosk.admin"), 40, true,
         [&app] {
             app.kiosk.ask = app.kiosk.guard ? KioskUi::Ask::Admin : KioskUi::Ask::SetPin;
             app.kiosk.admin_after_set_pin = !app.kiosk.guard;
         }},
    };
    return items;
}

float button_width(const char* label) { return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2; }

void run_search(App& app) {
    app.hits = app.search->search(app.query, 30);
    app.selected_hit = 0;
    app.search_open = !app.query.empty();
}

// The search box. While it has the keyboard, ↑↓ choose a hit and Enter opens it: keyboard
// navigation is switched off for the next frame so that ↓ does not take the focus away.
void search_box(App& app, float width) {
    ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextItemWidth(width);
    if (app.focus_search) {
        ImGui::SetKeyboardFocusHere();
        app.focus_search = false;
    }
    if (ImGui::InputTextWithHint("##search", app.text.get(app.kiosk.on ? "search.placeholder_kiosk" : "search.placeholder"), &app.query)) run_search(app);
    // A single-line field lets go of the keyboard on Enter, so "just deactivated" counts too.
    const bool active = ImGui::IsItemActive();
    const bool search_active = active || ImGui::IsItemDeactivated();
    app.target("search");
    if (ImGui::IsItemActivated() && !app.query.empty()) run_search(app);
    app.search_box_min = ImGui::GetItemRectMin();
    app.search_box_max = ImGui::GetItemRectMax();
    if (active) io.ConfigFlags &= ~ImGuiConfigFlags_NavEnableKeyboard;
    else io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    if (search_active && app.search_open && !app.hits.empty()) {
        const int last = int(app.hits.size()) - 1;
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) {
            app.selected_hit = std::min(app.selected_hit + 1, last);
            app.scroll_hit_into_view = true;
        }
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) {
            app.selected_hit = std::max(app.selected_hit - 1, 0);
            app.scroll_hit_into_view = true;
        }
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter))) {
            open_hit(app, app.hits[size_t(std::clamp(app.selected_hit, 0, last))]);
            ImGui::SetWindowFocus(nullptr);
        }
    }
    // Esc closes the panel wherever the keyboard is; a click outside the box and the panel too.
    if (app.search_open && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        app.search_open = false;
        if (active) ImGui::ClearActiveID();
    }
    if (app.search_open && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        const ImVec2 m = ImGui::GetMousePos();
        const bool in_box = ImRect(app.search_box_min, app.search_box_max).Contains(m);
        const bool in_panel = ImRect(app.search_panel_min, app.search_panel_max).Contains(m);
        if (!in_box && !in_panel) app.search_open = false;
    }
}

}  // namespace

void open_hit(App& app, const SearchHit& hit) {
    app.highlight_terms = split_query(app.query);
    app.navigate(Location{hit.chapter_id, hit.anchor, -1}, true);
    app.search_open = false;
}

void draw_toolbar(App& app) {
    const ImGuiStyle& style = ImGui::GetStyle();
    std::vector<ToolbarItem> items = toolbar_items(app);

    // Measure, then fit (full labels → short labels → 「その他」).
    const int percent = int(std::lround(app.zoom * 100));
    const std::string zoom_full = app.text.format("app.zoom", {std::to_string(percent)});
    const std::string zoom_compact = app.text.format("app.zoom_compact", {std::to_string(percent)});
    const float zoom_buttons = button_width(app.text.get("app.zoom_out")) + button_width(app.text.get("app.zoom_in")) + style.ItemSpacing.x * 2;
    std::vector<ToolbarItemSize> sizes;
    for (const ToolbarItem& item : items) sizes.push_back({button_width(item.label), button_width(item.icon), item.priority});
    ToolbarFixed fixed;
    fixed.search_min = std::max(160.0f, app.ui_fonts.scale.body * 6);
    fixed.zoom_full = zoom_buttons + ImGui::CalcTextSize(zoom_full.c_str()).x;
    fixed.zoom_compact = zoom_buttons + ImGui::CalcTextSize(zoom_compact.c_str()).x;
    fixed.more = button_width(app.text.get("toolbar.more"));
    fixed.spacing = style.ItemSpacing.x;
    // The server's state (only with a ward server) keeps its place next to the search box.
    const float sync_w = sync_status_width(app);
    const float avail = ImGui::GetContentRegionAvail().x - (sync_w > 0 ? sync_w + style.ItemSpacing.x : 0);
    const ToolbarFit fit = fit_toolbar(sizes, fixed, avail);

    for (size_t i = 0; i < items.size(); ++i) {
        if (!fit.in_bar[i]) continue;
        const ToolbarItem& item = items[i];
        ImGui::BeginDisabled(!item.enabled);
        const std::string label = std::string(fit.icons ? item.icon : item.label) + "##" + item.target;
        if (ImGui::Button(label.c_str())) item.action();
        ImGui::EndDisabled();
        if (fit.icons && std::string(item.icon) != item.label && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip("%s", item.label);
        app.target(item.target);
        ImGui::SameLine();
    }
    if (fit.more) {
        if (ImGui::Button(app.text.get("toolbar.more"))) ImGui::OpenPopup("##more");
        app.target("more");
        const ImVec2 below(ImGui::GetItemRectMin().x, ImGui::GetItemRectMax().y);
        ImGui::SameLine();
        ImGui::SetNextWindowPos(below);
        if (ImGui::BeginPopup("##more")) {
            for (size_t i = 0; i < items.size(); ++i) {
                if (fit.in_bar[i]) continue;
                const ToolbarItem& item = items[i];
                if (ImGui::Selectable((std::string(item.label) + "##" + item.target).c_str(), false,
                                      item.enabled ? 0 : ImGuiSelectableFlags_Disabled))
                    item.action();
                app.target("more:" + item.target);
            }
            ImGui::EndPopup();
        }
    }

    draw_sync_status(app);  // view_store.cpp: the ward's server, when one is configured

    // The search box takes what is left (at most a comfortable width); the zoom group ends the bar.
    const float zoom_w = fit.icons ? fixed.zoom_compact : fixed.zoom_full;
    const float search_w = std::min(fit.search_width, std::max(fixed.search_min, app.ui_fonts.scale.body * 20));
    search_box(app, search_w);
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - zoom_w));
    if (ImGui::Button(app.text.get("app.zoom_out"))) app.set_zoom(app.zoom - 0.1f);
    app.target("zoom:out");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted((fit.icons ? zoom_compact : zoom_full).c_str());
    ImGui::SameLine();
    if (ImGui::Button(app.text.get("app.zoom_in"))) app.set_zoom(app.zoom + 0.1f);
    app.target("zoom:in");
}

}  // namespace tebiki::ui
