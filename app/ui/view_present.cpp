// Presentation mode: one slide at a time in large type, a corner with the slide number and the
// elapsed time, clicker keys, a black screen, a spotlight, room zoom presets and a dark theme.
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "ui/page_view.h"
#include "ui/theme.h"
#include "ui/views.h"

namespace tebiki::ui {

namespace {

constexpr float kPresets[] = {1.0f, 1.25f, 1.5f, 2.0f};

// (Re)cuts the chapter into slides when the window, the zoom or the chapter changed.
void ensure_slides(App& app, float width, float height) {
    PresentUi& p = app.present;
    const float zoom = app.effective_zoom();
    if (!p.slides.empty() && p.slides_width == width && p.slides_height == height && p.slides_zoom == zoom) return;
    const std::string anchor = p.slide < int(p.slides.size()) ? p.slides[size_t(p.slide)].anchor : "";
    LayoutOptions options;
    options.width = width;
    options.zoom = zoom;
    options.image_size = image_sizer_for(app.paths.asset_dirs);
    p.slides = make_slides(app.book, p.chapter, *app.fonts, options, height, app.text.get("present.continued"));
    p.layouts.clear();
    for (const Slide& s : p.slides) p.layouts.push_back(layout_document(s.doc, *app.fonts, options));
    p.slides_width = width;
    p.slides_height = height;
    p.slides_zoom = zoom;
    // Keep the audience on the same section when the room preset changes the cut.
    if (!anchor.empty())
        for (size_t i = 0; i < p.slides.size(); ++i)
            if (p.slides[i].anchor == anchor && !p.slides[i].continued) {
                p.slide = int(i);
                break;
            }
    p.slide = std::clamp(p.slide, 0, std::max(0, int(p.slides.size()) - 1));
}

void go_to(App& app, int slide) {
    PresentUi& p = app.present;
    p.scroll = 0;
    if (slide >= int(p.slides.size()) && p.chapter + 1 < app.book.chapters.size()) {
        ++p.chapter;  // past the last slide: the next chapter
        p.slides.clear();
        p.slide = 0;
    } else if (slide < 0 && p.chapter > 0) {
        --p.chapter;
        p.slides.clear();
        p.slide = 1 << 20;  // clamped to the previous chapter's last slide once it is cut
    } else {
        p.slide = std::clamp(slide, 0, std::max(0, int(p.slides.size()) - 1));
    }
    p.blank = false;
    app.request_frames();
}

void set_preset(App& app, float zoom) {
    if (app.zoom == zoom) return;
    app.zoom = zoom;
    app.fonts_dirty = true;
    app.request_frames();
}

// Forward: the rest of an overflowing slide first (a table is never cut), then the next slide.
void forward(App& app) {
    PresentUi& p = app.present;
    const float height = p.slide < int(p.layouts.size()) ? p.layouts[size_t(p.slide)].height : 0;
    if (p.scroll + p.visible_height < height) {
        p.scroll = std::min(p.scroll + p.visible_height * 0.8f, height - p.visible_height);
        app.request_frames();
    } else {
        go_to(app, p.slide + 1);
    }
}

void backward(App& app) {
    PresentUi& p = app.present;
    if (p.scroll > 0) {
        p.scroll = std::max(0.0f, p.scroll - p.visible_height * 0.8f);
        app.request_frames();
    } else {
        go_to(app, p.slide - 1);
    }
}

void handle_keys(App& app) {
    PresentUi& p = app.present;
    for (const KeyChord& k : app.key_presses) {
        switch (k.key) {
        case GLFW_KEY_PAGE_DOWN:
        case GLFW_KEY_RIGHT:
        case GLFW_KEY_DOWN:
        case GLFW_KEY_SPACE:
        case GLFW_KEY_ENTER: forward(app); break;
        case GLFW_KEY_PAGE_UP:
        case GLFW_KEY_LEFT:
        case GLFW_KEY_UP:
        case GLFW_KEY_BACKSPACE: backward(app); break;
        case GLFW_KEY_HOME: go_to(app, 0); break;
        case GLFW_KEY_END: go_to(app, int(p.slides.size()) - 1); break;
        case GLFW_KEY_B:
        case GLFW_KEY_PERIOD: p.blank = !p.blank; break;
        case GLFW_KEY_H:
            p.high_contrast = !p.high_contrast;
            set_high_contrast(p.high_contrast);
            break;
        case GLFW_KEY_1: set_preset(app, kPresets[0]); break;
        case GLFW_KEY_2: set_preset(app, kPresets[1]); break;
        case GLFW_KEY_3: set_preset(app, kPresets[2]); break;
        case GLFW_KEY_4: set_preset(app, kPresets[3]); break;
        case GLFW_KEY_F1: p.help = !p.help; break;
        case GLFW_KEY_ESCAPE:
            if (p.help) {
                p.help = false;
                break;
            }
            app.stop_presentation();
            return;
        case GLFW_KEY_F5: app.stop_presentation(); return;
        default: break;
        }
    }
    // The spotlight shows while S or the right mouse button is held.
    p.spotlight = ImGui::IsKeyDown(GLFW_KEY_S) || ImGui::IsMouseDown(ImGuiMouseButton_Right);
    if (p.spotlight) app.request_frames(2);  // it follows the pointer
}

std::string elapsed(const PresentUi& p) {
    const long s = long(std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - p.started).count());
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%02ld:%02ld", s / 60, s % 60);
    return buffer;
}


// The slide as the audience sees it, filling the rectangle pos/size.
void draw_slide_window(App& app, const char* name, ImVec2 pos, ImVec2 size, ImVec2 mouse) {
    PresentUi& p = app.present;
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImColor(page_background()).Value);
    ImGui::Begin(name, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoInputs);
    const float body = app.ui_fonts.scale.body;
    const float margin_x = std::max(body * 2, size.x * 0.06f), margin_y = body * 1.2f;
    const float footer = body * 1.8f;
    ensure_slides(app, size.x - 2 * margin_x, size.y - 2 * margin_y - footer);
    p.visible_height = size.y - 2 * margin_y - footer;
    // ImGui clips a window to the main viewport; the audience window lies beyond it on purpose.
    ImGui::PushClipRect(pos, ImVec2(pos.x + size.x, pos.y + size.y), false);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (p.two_screens) p.audience_list = dl;  // the main loop renders it into the second window
    const ImVec2 hi(pos.x + size.x, pos.y + size.y);
    if (p.blank) {
        dl->AddRectFilled(pos, hi, IM_COL32_BLACK);
    } else if (!p.layouts.empty()) {
        // The slide stays above the corner line; an overflowing one shows from `scroll`.
        const ImVec2 top(pos.x + margin_x, pos.y + margin_y);
        ImGui::PushClipRect(ImVec2(pos.x, top.y), ImVec2(hi.x, top.y + p.visible_height), true);
        ImGui::SetCursorPos(ImVec2(margin_x, margin_y - p.scroll));
        draw_layout(app, p.layouts[size_t(p.slide)], 0, {});
        ImGui::PopClipRect();
        // The corner: slide number and elapsed time, small and muted.
        const std::string corner = app.text.format("present.corner", {std::to_string(p.slide + 1), std::to_string(p.slides.size()),
                                                                      app.book.chapters[p.chapter].title, elapsed(p)});
        const ImVec2 corner_size = ImGui::CalcTextSize(corner.c_str());
        dl->AddText(ImVec2(hi.x - corner_size.x - body, hi.y - corner_size.y - body * 0.5f), ink_color(Ink::Muted), corner.c_str());
        if (p.help) {
            // The keys, in a box over the slide; F1 or Esc hides it.
            const float w = std::min(size.x - 2 * margin_x, body * 28);
            ImGui::SetCursorScreenPos(ImVec2(hi.x - w - margin_x, pos.y + margin_y));
            const ImVec2 at = ImGui::GetCursorScreenPos();
            dl->ChannelsSplit(2);
            dl->ChannelsSetCurrent(1);
            ImGui::BeginGroup();
            draw_wrapped(app, app.text.get("present.help"), w - body, FontRole::Regular, body, Ink::Text);
            ImGui::EndGroup();
            dl->ChannelsSetCurrent(0);
            dl->AddRectFilled(ImVec2(at.x - body * 0.5f, at.y - body * 0.3f), ImVec2(at.x + w, ImGui::GetItemRectMax().y + body * 0.3f),
                              box_fill(BoxKind::Column), 8);
            dl->ChannelsMerge();
        }
        if (p.scroll + p.visible_height < p.layouts[size_t(p.slide)].height)
            dl->AddText(ImVec2(top.x, top.y + p.visible_height + body * 0.2f), accent_color(), app.text.get("present.more"));
        if (p.spotlight) {
            // Four rectangles around a square hole, and a ring: everything but the pointer's circle dims.
            const ImVec2 m = mouse;
            const float r = std::min(size.x, size.y) * 0.14f;
            const ImU32 dim = IM_COL32(0, 0, 0, 170);
            dl->AddRectFilled(pos, ImVec2(hi.x, m.y - r), dim);
            dl->AddRectFilled(ImVec2(pos.x, m.y + r), hi, dim);
            dl->AddRectFilled(ImVec2(pos.x, m.y - r), ImVec2(m.x - r, m.y + r), dim);
            dl->AddRectFilled(ImVec2(m.x + r, m.y - r), ImVec2(hi.x, m.y + r), dim);
            dl->AddCircle(m, r * 1.2f, dim, 64, r * 0.42f);  // rounds the square hole's corners
        }
    }
    ImGui::PopClipRect();
    ImGui::End();
    ImGui::PopStyleColor();
}

// A slide re-typeset for a column of the presenter view (same type size, narrower).
void draw_slide_column(App& app, int slide, float width, float height) {
    PresentUi& p = app.present;
    if (slide < 0 || slide >= int(p.slides.size())) return;
    LayoutOptions options;
    options.width = width;
    options.zoom = app.effective_zoom();
    options.image_size = image_sizer_for(app.paths.asset_dirs);
    const PageLayout layout = layout_document(p.slides[size_t(slide)].doc, *app.fonts, options);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::PushClipRect(at, ImVec2(at.x + width, at.y + height), true);
    draw_layout(app, layout, 0, {});
    ImGui::PopClipRect();
}

// The presenter's screen: time, position, the current slide and the next one.
void draw_presenter_view(App& app) {
    PresentUi& p = app.present;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::Begin("presenter", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    const float body = app.ui_fonts.scale.body;
    ImGui::PushFont(app.ui_fonts.heading[1]);
    ImGui::TextUnformatted(app.text.format("present.presenter", {elapsed(p), std::to_string(p.slide + 1), std::to_string(p.slides.size())}).c_str());
    ImGui::PopFont();
    app.target("present:presenter");
    const float gap = body;
    const float height = ImGui::GetContentRegionAvail().y - body * 1.5f;
    const float current_w = (ImGui::GetContentRegionAvail().x - gap) * 0.58f;
    ImGui::BeginGroup();
    ImGui::TextDisabled("%s", app.text.get("present.current"));
    draw_slide_column(app, p.slide, current_w, height);
    ImGui::EndGroup();
    ImGui::SameLine(current_w + gap + ImGui::GetStyle().WindowPadding.x);
    ImGui::BeginGroup();
    ImGui::TextDisabled("%s", app.text.get("present.next"));
    draw_slide_column(app, p.slide + 1, ImGui::GetContentRegionAvail().x, height);
    ImGui::EndGroup();
    ImGui::End();
}

}  // namespace

void draw_presentation(App& app) {
    PresentUi& p = app.present;
    handle_keys(app);
    if (!p.active) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    if (!p.two_screens) {
        draw_slide_window(app, "presentation", viewport->Pos, viewport->Size, ImGui::GetMousePos());
        app.target("present:slide");
        return;
    }
    // The pointer on the presenter's screen maps onto the audience's for the spotlight.
    const ImVec2 m = ImGui::GetMousePos();
    const ImVec2 mapped(p.audience_x + m.x / viewport->Size.x * p.audience_w, m.y / viewport->Size.y * p.audience_h);
    draw_slide_window(app, "audience", ImVec2(p.audience_x, 0), ImVec2(p.audience_w, p.audience_h), mapped);
    draw_presenter_view(app);
}

}  // namespace tebiki::ui
