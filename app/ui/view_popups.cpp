// Modal messages: start-up notices, the address of an external link, app-link notices.
#include <imgui.h>

#include "ui/page_view.h"
#include "ui/views.h"

namespace tebiki::ui {

static void message_modal(App& app, const char* id, const std::string& message, bool& open, Ink ink, const char* extra_button = nullptr,
                          bool* extra_pressed = nullptr) {
    if (open && !ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
    const float body = app.ui_fonts.scale.body;
    ImGui::SetNextWindowSize(ImVec2(body * 30, 0));
    if (ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoTitleBar)) {
        draw_wrapped(app, message, body * 28, FontRole::Regular, body, ink);
        ImGui::Spacing();
        if (extra_button && ImGui::Button(extra_button) && extra_pressed) *extra_pressed = true;
        if (extra_button) ImGui::SameLine();
        const bool close = ImGui::Button(app.text.get("app.close"));
        app.target("notice:close");
        if (close || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
            open = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

void draw_popups(App& app) {
    if (!app.notices.empty()) {
        bool open = true;
        message_modal(app, app.text.get("app.notice_title"), app.notices.front(), open, Ink::Error);  // every notice is a problem
        if (!open) app.notices.erase(app.notices.begin());
        return;  // one modal at a time
    }
    if (app.external_link.open) {
        bool copy = false;
        const std::string message = std::string(app.text.get("reader.external_link")) + "\n" + app.external_link.url +
                                    (app.external_link.copied ? std::string("\n") + app.text.get("reader.copied") : "");
        message_modal(app, "##external", message, app.external_link.open, Ink::Text, app.text.get("reader.copy"), &copy);
        if (copy) {
            ImGui::SetClipboardText(app.external_link.url.c_str());
            app.external_link.copied = true;
        }
        return;
    }
    if (!app.app_link_notice.empty()) {
        bool open = true;
        message_modal(app, "##applink", app.app_link_notice, open, Ink::Text);
        if (!open) app.app_link_notice.clear();
    }
}

}  // namespace tebiki::ui
