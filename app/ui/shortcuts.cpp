// Keyboard and mouse shortcuts that work on every screen.
#include <GLFW/glfw3.h>
#include <imgui.h>

#include "ui/views.h"

namespace tebiki::ui {

void handle_shortcuts(App& app) {
    const ImGuiIO& io = ImGui::GetIO();
    const bool typing = io.WantTextInput;
    if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_F)) app.focus_search = true;
    if (!typing && ImGui::IsKeyPressed(GLFW_KEY_SLASH)) app.focus_search = true;
    // Zoom: Ctrl + / Ctrl − / Ctrl 0 (with or without the keypad, and Ctrl ; for JIS keyboards).
    if (io.KeyCtrl && (ImGui::IsKeyPressed(GLFW_KEY_EQUAL) || ImGui::IsKeyPressed(GLFW_KEY_KP_ADD) || ImGui::IsKeyPressed(GLFW_KEY_SEMICOLON)))
        app.set_zoom(app.zoom + 0.1f);
    if (io.KeyCtrl && (ImGui::IsKeyPressed(GLFW_KEY_MINUS) || ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT))) app.set_zoom(app.zoom - 0.1f);
    if (io.KeyCtrl && (ImGui::IsKeyPressed(GLFW_KEY_0) || ImGui::IsKeyPressed(GLFW_KEY_KP_0))) app.set_zoom(1.0f);
    // History: Alt+← / Alt+→ and the mouse's back/forward buttons.
    if ((io.KeyAlt && ImGui::IsKeyPressed(GLFW_KEY_LEFT)) || ImGui::IsMouseClicked(3)) app.go_back();
    if ((io.KeyAlt && ImGui::IsKeyPressed(GLFW_KEY_RIGHT)) || ImGui::IsMouseClicked(4)) app.go_forward();
    // Chapters: Ctrl+PageDown / Ctrl+PageUp.
    if (const Chapter* chapter = app.current_chapter(); chapter && io.KeyCtrl) {
        const int index = app.book.index_of(chapter->id);
        if (ImGui::IsKeyPressed(GLFW_KEY_PAGE_DOWN) && index + 1 < int(app.book.chapters.size()))
            app.navigate(Location{app.book.chapters[size_t(index + 1)].id, "", -1});
        if (ImGui::IsKeyPressed(GLFW_KEY_PAGE_UP) && index > 0) app.navigate(Location{app.book.chapters[size_t(index - 1)].id, "", -1});
    }
}

void draw_root(App& app) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::Begin("tebiki", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    handle_shortcuts(app);
    draw_toolbar(app);
    ImGui::Separator();
    if (app.current_chapter()) draw_reader(app);
    else draw_home(app);
    ImGui::End();
    draw_search_results(app);
    draw_popups(app);
}

}  // namespace tebiki::ui
