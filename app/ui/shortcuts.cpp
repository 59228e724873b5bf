// Keyboard and mouse shortcuts that work on every screen.
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>

#include "ui/views.h"

namespace tebiki::ui {

void handle_shortcuts(App& app) {
    const bool typing = ImGui::GetIO().WantTextInput;
    const int ctrl = GLFW_MOD_CONTROL, alt = GLFW_MOD_ALT;
    if (app.key_pressed(GLFW_KEY_F, ctrl) || (!typing && app.key_pressed(GLFW_KEY_SLASH))) app.focus_search = true;
    // Zoom: Ctrl + / Ctrl − / Ctrl 0 (with or without the keypad, and Ctrl ; for JIS keyboards).
    if (app.key_pressed(GLFW_KEY_EQUAL, ctrl) || app.key_pressed(GLFW_KEY_KP_ADD, ctrl) || app.key_pressed(GLFW_KEY_SEMICOLON, ctrl))
        app.set_zoom(app.zoom + 0.1f);
    if (app.key_pressed(GLFW_KEY_MINUS, ctrl) || app.key_pressed(GLFW_KEY_KP_SUBTRACT, ctrl)) app.set_zoom(app.zoom - 0.1f);
    if (app.key_pressed(GLFW_KEY_0, ctrl) || app.key_pressed(GLFW_KEY_KP_0, ctrl)) app.set_zoom(1.0f);
    // History: Alt+← / Alt+→ and the mouse's back/forward buttons.
    if (app.key_pressed(GLFW_KEY_LEFT, alt) || ImGui::IsMouseClicked(3)) app.go_back();
    if (app.key_pressed(GLFW_KEY_RIGHT, alt) || ImGui::IsMouseClicked(4)) app.go_forward();
    // Presentation of the current chapter.
    if (app.key_pressed(GLFW_KEY_F5)) app.start_presentation();
    // Kiosk: Esc with nothing else to close asks for the PIN to quit.
    if (app.kiosk.on && app.key_pressed(GLFW_KEY_ESCAPE) && !typing && !app.search_open &&
        !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId) && app.kiosk.ask == KioskUi::Ask::None)
        request_kiosk_quit(app);
    // Chapters: Ctrl+PageDown / Ctrl+PageUp.
    if (const Chapter* chapter = app.current_chapter()) {
        const int index = app.book.index_of(chapter->id);
        if (app.key_pressed(GLFW_KEY_PAGE_DOWN, ctrl) && index + 1 < int(app.book.chapters.size()))
            app.navigate(Location{app.book.chapters[size_t(index + 1)].id, "", -1});
        if (app.key_pressed(GLFW_KEY_PAGE_UP, ctrl) && index > 0) app.navigate(Location{app.book.chapters[size_t(index - 1)].id, "", -1});
    }
}

void draw_root(App& app) {
    if (app.kiosk.locked) {
        draw_kiosk_locked(app);  // nothing else: no guide, no dialogs, no way out
        return;
    }
    if (app.present.active) {
        draw_presentation(app);
        draw_kiosk(app);
        // Also on the frame Esc ends it: the reader is laid out from the next frame, in the
        // reader's atlas (this frame's is the slides', whose sizes would put its scroll elsewhere).
        if (!app.present.active) app.request_frames();
        return;
    }
    // A finger needs a scrollbar it can hit (dragging the page works too: touch_scroll).
    ImGui::GetStyle().ScrollbarSize = std::round((app.kiosk.on ? 28.0f : 16.0f) * app.content_scale);
    // The dimming behind a modal dialog fades in: keep drawing until it has.
    if (ImGui::GetTopMostPopupModal() && GImGui->DimBgRatio < 1.0f) app.request_frames(1);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::Begin("tebiki", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    handle_shortcuts(app);
    draw_toolbar(app);
    ImGui::Separator();
    if (app.screen == Screen::Assessment) draw_assessment(app);
    else if (app.screen == Screen::Documents) draw_documents(app);
    else if (app.screen == Screen::Ward) draw_ward(app);
    else if (app.current_chapter()) draw_reader(app);
    else draw_home(app);
    ImGui::End();
    draw_search_results(app);
    draw_popups(app);
    draw_kiosk(app);
}

}  // namespace tebiki::ui
