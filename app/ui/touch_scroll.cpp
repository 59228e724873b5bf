#include "ui/touch_scroll.h"

#include <imgui.h>

#include <cmath>
#include <map>

namespace tebiki::ui {

namespace {
std::map<ImGuiID, float> g_velocity;  // px per second, per window, while gliding
}

void touch_scroll(App& app) {
    ImGuiIO& io = ImGui::GetIO();
    const ImGuiID id = ImGui::GetID("##touch_scroll");
    float& velocity = g_velocity[id];
    // A drag that starts on this window's background (not on a button or link) moves the page.
    if (ImGui::IsWindowHovered() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 8.0f) && !ImGui::IsAnyItemActive()) {
        ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
        if (io.DeltaTime > 0) velocity = 0.8f * velocity + 0.2f * (-io.MouseDelta.y / io.DeltaTime);
        app.request_frames();
        return;
    }
    if (std::fabs(velocity) < 20.0f) {
        velocity = 0;
        return;
    }
    // Gliding: friction halves the speed about every 0.15 s.
    ImGui::SetScrollY(ImGui::GetScrollY() + velocity * io.DeltaTime);
    velocity *= std::pow(0.01f, io.DeltaTime);
    if (ImGui::GetScrollY() <= 0 || ImGui::GetScrollY() >= ImGui::GetScrollMaxY()) velocity = 0;
    app.request_frames(2);
}

}  // namespace tebiki::ui
