// Index of this file
// [SECTION] The atlas and the cut for the screen
// [SECTION] Keys
// [SECTION] The audience's slide
// [SECTION] The presenter's view (second screen): the slide, the notes, the next slide
//
// Presentation mode: one slide at a time in room-sized type, a corner with the slide number and
// the elapsed time, clicker keys, a black screen, a spotlight, room presets and a dark theme.
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "present/slide_type.h"
#include "ui/glyph_check.h"
#include "ui/page_view.h"
#include "ui/theme.h"
#include "ui/views.h"

namespace tebiki::ui {

//-----------------------------------------------------------------------------
// [SECTION] The atlas and the cut for the screen
//-----------------------------------------------------------------------------

FontPlan presentation_plan(const App& app, float screen_width, float screen_height) {
    (void)screen_width;
    FontPlan plan;
    plan.scale = slide_type_scale(*app.fonts, screen_height, app.present.preset);
    plan.small_px = slide_small_px(screen_height, type_scale(app.effective_zoom()).body);
    plan.chapter = int(app.present.chapter);
    return plan;
}

GlyphText presentation_glyphs(const App& app) {
    GlyphText out;
    out.everything = out.headings = app.text.all_text() + kMissingGlyphMark;  // the corner, the keys box, kiosk dialogs
    if (app.present.chapter < app.book.chapters.size()) {
        const Chapter& c = app.book.chapters[app.present.chapter];
        out.everything += c.source;
        out.headings += c.source;  // slide titles, and sections joined under them
        out.code = c.source;
    }
    for (const Chapter& c : app.book.chapters) out.everything += c.title;
    return out;
}

namespace {

constexpr float kPresets[] = {1.0f, 1.25f, 1.5f, 2.0f};

// (Re)cuts the chapter into slides for a screen of this size, in the atlas's type. Returns false
// while the atlas is not yet the one for this chapter and screen (it is rebuilt before the next
// frame): nothing is drawn in fonts that lack the glyphs.
bool ensure_slides(App& app, float width, float height) {
    PresentUi& p = app.present;
    const FontPlan& plan = app.ui_fonts.plan;
    if (plan.chapter != int(p.chapter) || plan.small_px <= 0) {
        app.request_frames();
        return false;
    }
    if (!p.slides.empty() && p.slides_width == width && p.slides_height == height && p.slides_plan == plan) return true;
    // Keep the audience where it was when the screen or the preset changes the cut.
    const std::optional<Slide> shown = p.slide < int(p.slides.size()) ? std::optional<Slide>(p.slides[size_t(p.slide)]) : std::nullopt;
    LayoutOptions options = slide_layout(plan.scale, plan.small_px, width, height);
    options.image_size = image_sizer_for(app.paths.asset_dirs);
    p.slides = make_slides(app.book, p.chapter, *app.fonts, options, slide_geometry(width, height).height, app.text.get("present.continued"));
    p.layouts.clear();
    for (const Slide& s : p.slides) p.layouts.push_back(layout_document(s.doc, *app.fonts, options));
    p.slides_width = width;
    p.slides_height = height;
    p.slides_plan = plan;
    if (p.pending_slide >= 0) {
        p.slide = p.pending_slide;
        p.pending_slide = -1;
    } else if (!p.pending_anchor.empty()) {
        p.slide = int(slide_for_anchor(p.slides, app.book.chapters[p.chapter], p.pending_anchor));
    } else if (shown) {
        p.slide = int(slide_for_position(p.slides, *shown));
    }
    p.pending_anchor.clear();
    p.slide = std::clamp(p.slide, 0, std::max(0, int(p.slides.size()) - 1));
    return true;
}

//-----------------------------------------------------------------------------
// [SECTION] Keys
//-----------------------------------------------------------------------------

void go_to(App& app, int slide) {
    PresentUi& p = app.present;
    p.scroll = 0;
    if (slide >= int(p.slides.size()) && p.chapter + 1 < app.book.chapters.size()) {
        ++p.chapter;  // past the last slide: the next chapter
        p.slides.clear();
        p.pending_slide = 0;
    } else if (slide < 0 && p.chapter > 0) {
        --p.chapter;
        p.slides.clear();
        p.pending_slide = 1 << 20;  // clamped to the previous chapter's last slide once it is cut
    } else {
        p.slide = std::clamp(slide, 0, std::max(0, int(p.slides.size()) - 1));
    }
    p.blank = false;
    app.request_frames();
}

// Forward: the rest of an overflowing slide first (a row taller than the screen), then the next slide.
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

void set_preset(App& app, float preset) {
    app.present.preset = preset;  // the atlas and the cut follow (presentation_plan), the slide kept
    app.request_frames();
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

//-----------------------------------------------------------------------------
// [SECTION] The audience's slide
//-----------------------------------------------------------------------------

void draw_keys_box(App& app, ImVec2 top_right, float max_width) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float small = app.ui_fonts.plan.small_px;
    const float w = std::min(max_width, small * 24);
    ImGui::SetCursorScreenPos(ImVec2(top_right.x - w, top_right.y));
    const ImVec2 at = ImGui::GetCursorScreenPos();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::BeginGroup();
    draw_wrapped(app, app.text.get("present.help"), w - small, FontRole::Regular, small, Ink::Text);
    ImGui::EndGroup();
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(ImVec2(at.x - small * 0.6f, at.y - small * 0.4f), ImVec2(at.x + w, ImGui::GetItemRectMax().y + small * 0.4f),
                      box_fill(BoxKind::Column), 8);
    dl->ChannelsMerge();
}

void draw_spotlight(ImDrawList* dl, ImVec2 pos, ImVec2 size, ImVec2 m) {
    // Four rectangles around a square hole, and a ring: everything but the pointer's circle dims.
    const ImVec2 hi(pos.x + size.x, pos.y + size.y);
    const float r = std::min(size.x, size.y) * 0.14f;
    const ImU32 dim = IM_COL32(0, 0, 0, 170);
    dl->AddRectFilled(pos, ImVec2(hi.x, m.y - r), dim);
    dl->AddRectFilled(ImVec2(pos.x, m.y + r), hi, dim);
    dl->AddRectFilled(ImVec2(pos.x, m.y - r), ImVec2(m.x - r, m.y + r), dim);
    dl->AddRectFilled(ImVec2(m.x + r, m.y - r), ImVec2(hi.x, m.y + r), dim);
    dl->AddCircle(m, r * 1.2f, dim, 64, r * 0.42f);  // rounds the square hole's corners
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
    const SlideGeometry g = slide_geometry(size.x, size.y);
    const bool ready = ensure_slides(app, size.x, size.y);
    p.visible_height = g.height;
    // ImGui clips a window to the main viewport; the audience window lies beyond it on purpose.
    ImGui::PushClipRect(pos, ImVec2(pos.x + size.x, pos.y + size.y), false);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (p.two_screens) p.audience_list = dl;  // the main loop renders it into the second window
    const ImVec2 hi(pos.x + size.x, pos.y + size.y);
    if (p.blank) {
        dl->AddRectFilled(pos, hi, IM_COL32_BLACK);
    } else if (ready && !p.layouts.empty()) {
        // The slide stays above the footer; an overflowing one shows from `scroll`.
        const ImVec2 top(pos.x + g.margin_x, pos.y + g.margin_y);
        ImGui::PushClipRect(ImVec2(pos.x, top.y), ImVec2(hi.x, top.y + g.height), true);
        ImGui::SetCursorScreenPos(ImVec2(top.x, top.y - p.scroll));
        draw_layout(app, p.layouts[size_t(p.slide)], 0, {});
        ImGui::PopClipRect();
        // The footer: slide number, chapter and elapsed time, small and muted, at the right;
        // 「▼ 続きがあります」 at the left when the slide goes on below.
        ImFont* small = app.ui_fonts.small;
        const float small_px = app.ui_fonts.plan.small_px;
        const float footer_y = top.y + g.height + (g.footer + g.margin_y - small_px) * 0.5f;
        const std::string corner = app.text.format("present.corner", {std::to_string(p.slide + 1), std::to_string(p.slides.size()),
                                                                      app.book.chapters[p.chapter].title, elapsed(p)});
        const ImVec2 corner_size = small->CalcTextSizeA(small_px, FLT_MAX, 0, corner.c_str());
        dl->AddText(small, small_px, ImVec2(hi.x - g.margin_x - corner_size.x, footer_y), ink_color(Ink::Muted), corner.c_str());
        if (p.scroll + g.height < p.layouts[size_t(p.slide)].height)
            dl->AddText(small, small_px, ImVec2(top.x, footer_y), accent_color(), app.text.get("present.more"));
        if (p.help) draw_keys_box(app, ImVec2(hi.x - g.margin_x, top.y), g.width);
        if (p.spotlight) draw_spotlight(dl, pos, size, mouse);
    }
    ImGui::PopClipRect();
    ImGui::End();
    ImGui::PopStyleColor();
}

//-----------------------------------------------------------------------------
// [SECTION] The presenter's view
//-----------------------------------------------------------------------------

// Everything in the small size: the presenter reads at a desk, not across a room.
LayoutOptions presenter_options(const App& app, float width, float height) {
    const float px = app.ui_fonts.plan.small_px;
    TypeScale s = type_scale(1.0f);
    s.body = s.code = s.h1 = s.h2 = s.h3 = s.h4 = px;
    s.line_height = 1.5f;
    s.heading_line_height = 1.3f;
    LayoutOptions o;
    o.scale = s;
    o.zoom = px / type_scale(1.0f).body;
    o.width = width;
    o.max_image_height = height * 0.5f;
    o.source_px = px;
    o.image_size = image_sizer_for(app.paths.asset_dirs);
    return o;
}

// `doc` in a scrolling child region `size` big (the notes can be long).
void draw_small_document(App& app, const char* id, const Document& doc, ImVec2 size) {
    ImGui::BeginChild(id, size, true);
    const float width = ImGui::GetContentRegionAvail().x;
    draw_layout(app, layout_document(doc, *app.fonts, presenter_options(app, width, size.y)), 0, {});
    ImGui::EndChild();
}

void draw_presenter_view(App& app) {
    PresentUi& p = app.present;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::Begin("presenter", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    const float px = app.ui_fonts.plan.small_px;
    if (!app.ui_fonts.small_bold || p.slide >= int(p.slides.size())) {  // the atlas is being rebuilt for the slides
        ImGui::End();
        return;
    }
    ImGui::PushFont(app.ui_fonts.small_bold);
    ImGui::TextUnformatted(app.text.format("present.presenter", {elapsed(p), std::to_string(p.slide + 1), std::to_string(p.slides.size())}).c_str());
    ImGui::PopFont();
    app.target("present:presenter");
    const Slide& slide = p.slides[size_t(p.slide)];
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float gap = px, label = ImGui::GetTextLineHeightWithSpacing();
    const float left = std::floor((avail.x - gap) * 0.58f), right = avail.x - gap - left;
    const float slide_h = std::floor((avail.y - 2 * label) * 0.45f), notes_h = avail.y - 2 * label - slide_h - ImGui::GetStyle().ItemSpacing.y * 2;
    ImGui::BeginGroup();
    ImGui::TextDisabled("%s", app.text.get("present.current"));
    draw_small_document(app, "##current", slide.doc, ImVec2(left, slide_h));
    ImGui::TextDisabled("%s", app.text.get("present.notes"));
    if (slide.notes.blocks.empty()) {
        Document none;
        Block b;
        b.spans = {Span{app.text.get("present.no_notes")}};
        none.blocks.push_back(b);
        draw_small_document(app, "##notes", none, ImVec2(left, notes_h));
    } else {
        draw_small_document(app, "##notes", slide.notes, ImVec2(left, notes_h));
    }
    app.target("present:notes");
    ImGui::EndGroup();
    ImGui::SameLine(0, gap);
    ImGui::BeginGroup();
    ImGui::TextDisabled("%s", app.text.get("present.next"));
    if (p.slide + 1 < int(p.slides.size())) draw_small_document(app, "##next", p.slides[size_t(p.slide + 1)].doc, ImVec2(right, slide_h));
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
