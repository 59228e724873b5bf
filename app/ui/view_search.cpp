// The live search results, in a panel under the search box.
#include <imgui.h>

#include "ui/page_view.h"
#include "ui/theme.h"
#include "ui/views.h"

namespace tebiki::ui {

void open_hit(App& app, const SearchHit& hit);  // view_toolbar.cpp

void draw_search_results(App& app) {
    if (!app.search_open || app.query.empty()) {
        app.search_panel_min = app.search_panel_max = ImVec2(0, 0);
        return;
    }
    const float body = app.ui_fonts.scale.body;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float width = std::min(body * 36, display.x - app.search_box_min.x - body);
    ImGui::SetNextWindowPos(ImVec2(app.search_box_min.x, app.search_box_max.y + 4));
    ImGui::SetNextWindowSize(ImVec2(width, std::min(body * 30, display.y - app.search_box_max.y - body)));
    ImGui::Begin("##search-results", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                     ImGuiWindowFlags_NoNav);
    if (app.hits.empty()) {
        draw_wrapped(app, app.text.format("search.none", {app.query}), width - body * 2, FontRole::Regular, body, Ink::Muted);
    } else {
        ImGui::TextDisabled("%s　%s", app.text.format("search.results", {std::to_string(app.hits.size())}).c_str(),
                            app.text.get("search.hint"));
        const std::vector<std::string> terms = split_query(app.query);
        const float inner = width - body * 2;
        for (size_t i = 0; i < app.hits.size(); ++i) {
            const SearchHit& hit = app.hits[i];
            ImGui::PushID(int(i));
            const ImVec2 start = ImGui::GetCursorScreenPos();
            ImGui::BeginGroup();
            ImGui::TextDisabled("%s %s %s", hit.part_name.c_str(), app.text.get("reader.separator"), hit.chapter_title.c_str());
            draw_wrapped(app, hit.title, inner, FontRole::Bold, body, Ink::Heading, terms);
            draw_wrapped(app, hit.snippet, inner, FontRole::Regular, body, Ink::Text, terms);
            ImGui::EndGroup();
            const ImVec2 end(start.x + inner, ImGui::GetItemRectMax().y);
            const bool selected = int(i) == app.selected_hit;
            if (selected) {
                ImGui::GetWindowDrawList()->AddRect(ImVec2(start.x - 4, start.y - 2), ImVec2(end.x + 4, end.y + 2), accent_color(), 4, 0, 2);
                if (app.scroll_hit_into_view) ImGui::SetScrollHereY(0.5f);
            }
            if (ImGui::IsMouseHoveringRect(start, end) && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) open_hit(app, hit);
            ImGui::Separator();
            ImGui::PopID();
        }
        app.scroll_hit_into_view = false;
    }
    app.search_panel_min = ImGui::GetWindowPos();
    app.search_panel_max = ImVec2(app.search_panel_min.x + ImGui::GetWindowWidth(), app.search_panel_min.y + ImGui::GetWindowHeight());
    ImGui::End();
}

}  // namespace tebiki::ui
