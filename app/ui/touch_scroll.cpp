#include "ui/touch_scroll.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>
#include <map>

namespace tebiki::ui {

namespace {

struct Drag {
    bool pressed = false;   // the button went down on this window's background
    bool dragging = false;  // … and has moved past the threshold: the page follows the finger
    float velocity = 0;     // px per second, while gliding
};
std::map<ImGuiID, Drag> g_drags;

}  // namespace

void touch_scroll(App& app) {
    ImGuiIO& io = ImGui::GetIO();
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    Drag& d = g_drags[window->ID];
    // ImGui makes a press on a window's empty space "active" with the window's move id: that
    // press is ours. A press on a button or field makes that widget active instead: not ours.
    const ImGuiID active = ImGui::GetActiveID();
    const bool background = active == 0 || active == window->MoveId || active == window->ID;
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && ImGui::IsWindowHovered() && background) {
        d.pressed = true;
        d.velocity = 0;
    }
    if (!io.MouseDown[ImGuiMouseButton_Left]) d.pressed = d.dragging = false;
    if (d.pressed && !d.dragging && !background) d.pressed = false;  // a widget took the press
    if (d.pressed && ImGui::IsMouseDragging(ImGuiMouseButton_Left, io.MouseDragThreshold)) d.dragging = true;
    if (d.dragging) {
        ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
        if (io.DeltaTime > 0) d.velocity = 0.7f * d.velocity + 0.3f * (-io.MouseDelta.y / io.DeltaTime);
        app.request_frames();
        return;
    }
    if (std::fabs(d.velocity) < 20.0f) {
        d.velocity = 0;
        return;
    }
    // Gliding after the finger lifts: friction halves the speed about every 0.15 s.
    ImGui::SetScrollY(ImGui::GetScrollY() + d.velocity * io.DeltaTime);
    d.velocity *= std::pow(0.01f, io.DeltaTime);
    if (ImGui::GetScrollY() <= 0 || ImGui::GetScrollY() >= ImGui::GetScrollMaxY()) d.velocity = 0;
    app.request_frames(2);
}

bool touch_dragged() {
    const ImGuiIO& io = ImGui::GetIO();
    return io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] >= io.MouseDragThreshold * io.MouseDragThreshold;
}

}  // namespace tebiki::ui
