// The reader: table of contents on the left, the page in the middle, the page's outline on
// the right when the window is wide enough.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "guide/link.h"
#include "ui/page_view.h"
#include "ui/touch_scroll.h"
#include "ui/theme.h"
#include "ui/views.h"

namespace tebiki::ui {

namespace {

float g_last_saved_scroll = -1;
float g_previous_scroll = -1;
std::string g_synced_chapter;  // the TOC opens the current part once per chapter change

void follow_link(App& app, const Chapter& chapter, int link_index) {
    if (link_index < 0 || size_t(link_index) >= chapter.doc.links.size()) return;
    const ResolvedLink link = resolve_link(app.book, chapter, chapter.doc.links[size_t(link_index)].target);
    switch (link.kind) {
        case LinkKind::Internal: app.navigate(Location{link.chapter_id, link.anchor, -1}); break;
        case LinkKind::External: app.external_link = ExternalLinkPopup{true, link.target, false}; break;
        case LinkKind::App:
            if (link.target.starts_with("assessment/")) app.open_assessment(link.target.substr(11));
            else if (link.target.starts_with("documents/")) app.open_documents(link.target.substr(10));
            else app.app_link_notice = app.text.format("reader.app_link", {link.target});
            break;
        case LinkKind::Broken: app.app_link_notice = link.problem; break;
    }
    app.request_frames();
}

void draw_toc(App& app, const Chapter& current, const PageLayout* layout) {
    const bool sync = g_synced_chapter != current.id;
    g_synced_chapter = current.id;
    const AnchorPosition* here = layout ? layout->section_at(app.page_scroll + app.ui_fonts.scale.body) : nullptr;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 2));
    for (size_t p = 0; p < app.book.parts.size(); ++p) {
        const Part& part = app.book.parts[p];
        if (sync) ImGui::SetNextItemOpen(p == current.part, ImGuiCond_Always);
        const bool open = ImGui::TreeNodeEx(part.id.c_str(), ImGuiTreeNodeFlags_SpanAvailWidth, "%s", part.short_name.c_str());
        app.target("toc:" + part.id);
        if (!open) continue;
        for (size_t index : part.chapters) {
            const Chapter& c = app.book.chapters[index];
            const bool is_current = &c == &current;
            ImGui::PushID(c.id.c_str());
            const float width = ImGui::GetContentRegionAvail().x;
            if (wrapped_selectable(app, c.id, c.title, is_current && (!here || here->level <= 1), width))
                app.navigate(Location{c.id, "", -1});
            app.target("toc:" + c.id);
            if (is_current && sync) ImGui::SetScrollHereY(0.3f);
            if (is_current) {
                ImGui::Indent();
                for (const Heading& h : c.headings) {
                    if (h.level != 2) continue;
                    const bool active = here && here->anchor == h.anchor;
                    if (wrapped_selectable(app, c.id + "#" + h.anchor, h.text, active, ImGui::GetContentRegionAvail().x))
                        app.navigate(Location{c.id, h.anchor, -1});
                    app.target("toc:" + c.id + "#" + h.anchor);
                }
                ImGui::Unindent();
            }
            ImGui::PopID();
        }
        ImGui::TreePop();
    }
    ImGui::PopStyleVar();
}

void draw_outline(App& app, const PageLayout& layout) {
    ImGui::TextDisabled("%s", app.text.get("reader.outline"));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 2));
    const AnchorPosition* here = layout.section_at(app.page_scroll + app.ui_fonts.scale.body);
    for (const AnchorPosition& a : layout.anchors) {
        if (a.level < 2 || a.level > 3) continue;
        if (a.level == 3) ImGui::Indent();
        if (wrapped_selectable(app, a.anchor, a.title, here == &a, ImGui::GetContentRegionAvail().x)) {
            app.restore_scroll = std::max(0.0f, a.y - app.ui_fonts.scale.body);
            app.request_frames();
        }
        if (a.level == 3) ImGui::Unindent();
    }
    ImGui::PopStyleVar();
}

// 目次 ホーム › 編 › 章 › 節: what does not fit in `width` is left out from the end of the list
// of extras (the section, then ホーム, then the part), so nothing is drawn under the buttons.
void draw_breadcrumbs(App& app, const Chapter& chapter, const PageLayout* layout, float width) {
    const Part& part = app.book.parts[chapter.part];
    const char* separator = app.text.get("reader.separator");
    const ImGuiStyle& style = ImGui::GetStyle();
    const AnchorPosition* here = layout ? layout->section_at(app.page_scroll + app.ui_fonts.scale.body) : nullptr;
    const std::string section = here && here->level >= 2 ? std::string(separator) + " " + here->title : "";
    auto text_w = [](const std::string& t) { return ImGui::CalcTextSize(t.c_str()).x; };
    auto small_w = [&](const char* t) { return ImGui::CalcTextSize(t).x + style.FramePadding.x * 2; };
    const float gap = style.ItemSpacing.x, sep = text_w(separator) + gap;
    const float contents = small_w(app.text.get("reader.contents")) + gap;
    const float home = small_w(app.text.get("reader.home")) + gap;
    const float part_w = sep + small_w(part.short_name.c_str()) + gap;
    const float title = sep + text_w(chapter.title);
    const float section_w = section.empty() ? 0 : gap + text_w(section);
    const bool show_section = contents + home + part_w + title + section_w <= width;
    const bool show_home = contents + home + part_w + title <= width;
    const bool show_part = contents + part_w + title <= width || show_home;

    if (ImGui::SmallButton(app.text.get("reader.contents"))) {
        const float body = app.ui_fonts.scale.body;
        const bool shown = app.toc_override.value_or(ImGui::GetIO().DisplaySize.x > body * 34);
        app.toc_override = !shown;
    }
    app.target("reader:contents");
    if (show_home) {
        ImGui::SameLine();
        if (ImGui::SmallButton(app.text.get("reader.home"))) app.navigate(Location{});
        app.target("reader:home");
    }
    if (show_part) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", separator);
        ImGui::SameLine();
        if (ImGui::SmallButton(part.short_name.c_str())) app.navigate(Location{app.book.chapters[part.chapters.front()].id, "", -1});
        app.target("reader:part");
    }
    ImGui::SameLine();
    ImGui::TextDisabled("%s", separator);
    ImGui::SameLine();
    ImGui::TextUnformatted(chapter.title.c_str());  // clipped by the child when even this is too long
    if (show_section) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", section.c_str());
    }
}

void draw_header(App& app, const Chapter& chapter, const PageLayout* layout) {
    const int index = app.book.index_of(chapter.id);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float body = app.ui_fonts.scale.body;
    if (app.return_to_assessment) {
        if (ImGui::Button(app.text.get("assess.return_to_answers"))) app.back_to_assessment();
        app.target("reader:return");
        ImGui::SameLine();
    }
    // 「← 前の章」「次の章 →」, or just the arrows when the breadcrumbs would get too little room.
    auto buttons_w = [&](const char* prev, const char* next) {
        return ImGui::CalcTextSize(prev).x + ImGui::CalcTextSize(next).x + style.FramePadding.x * 4 + style.ItemSpacing.x * 2;
    };
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool short_labels = avail - buttons_w(app.text.get("reader.prev"), app.text.get("reader.next")) < body * 14;
    const char* prev = app.text.get(short_labels ? "reader.prev_icon" : "reader.prev");
    const char* next = app.text.get(short_labels ? "reader.next_icon" : "reader.next");
    const float buttons = buttons_w(prev, next);
    const float row = ImGui::GetFrameHeight();
    const float crumbs_w = std::max(1.0f, avail - buttons);
    // The breadcrumbs get what the buttons leave and are clipped, never drawn under them.
    ImGui::BeginChild("crumbs", ImVec2(crumbs_w, row), false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::AlignTextToFramePadding();
    draw_breadcrumbs(app, chapter, layout, crumbs_w);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginDisabled(index <= 0);
    if (ImGui::Button((std::string(prev) + "##prev").c_str())) app.navigate(Location{app.book.chapters[size_t(index - 1)].id, "", -1});
    app.target("reader:prev");
    ImGui::EndDisabled();
    if (short_labels && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", app.text.get("reader.prev"));
    ImGui::SameLine();
    ImGui::BeginDisabled(index + 1 >= int(app.book.chapters.size()));
    if (ImGui::Button((std::string(next) + "##next").c_str())) app.navigate(Location{app.book.chapters[size_t(index + 1)].id, "", -1});
    app.target("reader:next");
    ImGui::EndDisabled();
    if (short_labels && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", app.text.get("reader.next"));
}

void apply_pending_scroll(App& app, const PageLayout& layout) {
    if (app.restore_position) {
        ImGui::SetScrollY(layout.y_of(app.restore_position->first, app.restore_position->second));
        app.restore_position.reset();
        app.request_frames();
    } else if (!app.scroll_to_anchor.empty()) {
        const float y = layout.y_of_anchor(app.scroll_to_anchor);
        ImGui::SetScrollY(std::max(0.0f, y - app.ui_fonts.scale.body * 0.5f));
        app.scroll_to_anchor.clear();
        app.request_frames();
    } else if (app.restore_scroll) {
        ImGui::SetScrollY(*app.restore_scroll);
        app.restore_scroll.reset();
        app.request_frames();
    }
}

void keyboard_scroll(App& app) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || io.KeyCtrl || io.KeyAlt) return;
    const float page = ImGui::GetWindowHeight() * 0.9f, line = app.ui_fonts.scale.body * 3;
    float delta = 0;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageDown)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space))) delta = page;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageUp))) delta = -page;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) delta = line;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) delta = -line;
    if (delta != 0) ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() + delta, 0.0f, ImGui::GetScrollMaxY()));
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home))) ImGui::SetScrollY(0);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_End))) ImGui::SetScrollY(ImGui::GetScrollMaxY());
}

}  // namespace

void draw_reader(App& app) {
    const Chapter* chapter = app.current_chapter();
    if (!chapter) {
        app.navigate(Location{});
        return;
    }
    const float body = app.ui_fonts.scale.body;
    const float total = ImGui::GetContentRegionAvail().x;
    // The table of contents gives way on narrow windows and at large zoom (the 目次 button brings it back).
    const bool show_toc = app.toc_override.value_or(total > body * 34);
    const float sidebar = show_toc ? std::min(body * 14, total * 0.4f) : 0;
    const bool show_outline = total > body * 60;
    const float outline = show_outline ? body * 12 : 0;

    if (show_toc) {
        ImGui::BeginChild("toc", ImVec2(sidebar, 0), true);
        draw_toc(app, *chapter, app.current_layout);
        ImGui::EndChild();
        ImGui::SameLine();
    }

    const int gaps = int(show_toc) + int(show_outline);
    ImGui::BeginChild("main", ImVec2(total - sidebar - outline - ImGui::GetStyle().ItemSpacing.x * float(gaps), 0));
    draw_header(app, *chapter, app.current_layout);
    ImGui::Separator();
    ImGui::BeginChild("page", ImVec2(0, 0), false, ImGuiWindowFlags_NoNav | ImGuiWindowFlags_HorizontalScrollbar |
                                                  ImGuiWindowFlags_AlwaysVerticalScrollbar);  // the text width must not change when the scrollbar appears
    const float avail = ImGui::GetContentRegionAvail().x;
    const float text_width = std::floor(std::min(avail - body * 2, body * 44));
    const PageLayout& layout = app.layout_for(size_t(app.book.index_of(chapter->id)), text_width);
    app.current_layout = &layout;
    apply_pending_scroll(app, layout);
    keyboard_scroll(app);
    touch_scroll(app);
    const PageInteraction interaction = draw_page(app, layout, std::floor((avail - text_width) * 0.5f));
    app.page_scroll = ImGui::GetScrollY();
    ImGui::EndChild();
    ImGui::EndChild();

    if (show_outline) {
        ImGui::SameLine();
        ImGui::BeginChild("outline", ImVec2(0, 0), true);
        draw_outline(app, layout);
        ImGui::EndChild();
    }

    if (interaction.clicked_link >= 0) follow_link(app, *chapter, interaction.clicked_link);
    // Save the reading position once scrolling has settled (not on every frame of a scroll).
    if (app.page_scroll == g_previous_scroll && std::fabs(app.page_scroll - g_last_saved_scroll) > 1) {
        app.save_reading_position();
        g_last_saved_scroll = app.page_scroll;
    }
    g_previous_scroll = app.page_scroll;
}

}  // namespace tebiki::ui
