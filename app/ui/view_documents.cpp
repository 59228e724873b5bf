// The document screen: pick a document, adjust the options the answers did not settle and the
// municipality's own 例規 (docs_facts.cpp), look at the page as it will print (the PDF layout
// drawn to a texture), save as Word, PDF or Markdown, and make the 新旧対照表 against the last
// saved draft (docs_compare.cpp). The options themselves are in docs_options.cpp.
//
// Index: find_source (which assessment) · inputs_for / refresh_draft · draw_department_choice ·
// save / save_button / draw_save_bar (the bar that never scrolls) · draw_choices (documents,
// options, date, 新旧対照表, facts) · draw_preview (page, zoom, pan) · draw_documents (the layout).
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

#include "documents/writers.h"
#include "ui/page_view.h"
#include "ui/theme.h"
#include "ui/views.h"
#include "util/local_time.h"

namespace tebiki::ui {

using namespace documents;

namespace {

// The department's latest finished readiness assessment (else the latest one still being
// answered), looked up once per department; its options as chosen last time.
void find_source(App& app) {
    DocumentsUi& d = app.docs;
    if (d.overrides_for != app.assess.department->id) {
        d.overrides = load_options(app, app.assess.department->id);  // another department: its own choices
        d.overrides_for = app.assess.department->id;
        d.draft_dirty = true;
    }
    if (d.source_for == app.assess.department->id) return;
    d.source_for = app.assess.department->id;
    d.source.reset();
    const DocumentDef* regulation = d.set.regulation();
    if (!regulation) return;
    std::optional<int64_t> finished, unfinished;
    for (const storage::AssessmentRecord& r : app.assess.store->assessments(app.assess.department->id)) {  // newest first
        if (r.questionnaire_id != regulation->questionnaire) continue;
        if (r.status == "finished" && !finished) finished = r.id;
        if (r.status != "finished" && !unfinished) unfinished = r.id;
    }
    for (const std::optional<int64_t>& id : {finished, unfinished})
        if (id && !d.source) d.source = assessment::Session::open(*app.assess.store, *id, nullptr);
    d.draft_dirty = true;
}

// The date typed for the document: a real date that has a 和暦 (from 明治), else nothing.
std::optional<Date> drafting_date(const std::string& text) {
    const auto date = parse_date(text);
    return date && !wareki(*date).empty() ? date : std::nullopt;
}

DraftInputs inputs_for(App& app) {
    DocumentsUi& d = app.docs;
    const storage::Department& dept = *app.assess.department;
    DraftInputs in;
    in.documents = &d.set;
    if (d.source) {
        in.questionnaire = &d.source->questionnaire();
        in.answers = d.source->answers();
    }
    in.profile = d.facts;  // the municipality's own 例規, then the department
    in.profile.municipality = dept.municipality;
    in.profile.department = dept.name;
    in.profile.head_title = dept.head_title;
    in.profile.head_name = dept.head_name;
    in.profile.staff_count = dept.staff_count ? std::to_string(*dept.staff_count) : "";
    in.profile.contact = dept.contact;
    in.date = drafting_date(d.date_text).value_or(today());
    in.overrides = d.overrides;
    return in;
}

// Drafting takes a millisecond or more per document: only when an input changed.
void refresh_draft(DocumentsUi& d, const DraftInputs& in) {
    const std::vector<const DocumentDef*> applicable = applicable_documents(in);
    if (std::none_of(applicable.begin(), applicable.end(), [&](const DocumentDef* x) { return x->id == d.selected; }) &&
        !applicable.empty())
        d.selected = applicable.front()->id;
    d.titles.clear();
    for (const DocumentDef* doc : applicable) d.titles.emplace_back(doc->id, assemble(in, doc->id).title);
    d.draft = assemble(in, d.selected);
    // The same checks as `tebiki generate --set`: an emptied text, a yes/no that is not one.
    std::map<std::string, std::string> overrides = d.overrides;
    d.input_errors = check_overrides(d.set, overrides);
    d.draft_dirty = false;
    d.preview_dirty = true;
    d.message.clear();  // 「保存しました」 spoke of the draft before this change
    d.saved_as.clear();
    d.confirm_ext.clear();
    d.comparison_dirty = true;
}

void draw_department_choice(App& app) {
    const float width = ImGui::GetContentRegionAvail().x;
    const float body = app.ui_fonts.scale.body;
    draw_heading(app, app.text.get("docs.heading"), 0);
    draw_wrapped(app, app.text.get("docs.lead"), width, FontRole::Regular, body, Ink::Muted);
    ImGui::Spacing();
    const auto departments = app.assess.store->departments();
    if (departments.empty()) draw_wrapped(app, app.text.get("docs.no_departments"), width, FontRole::Regular, body, Ink::Text);
    for (const storage::Department& dept : departments) {
        if (wrapped_selectable(app, "docdept" + std::to_string(dept.id), dept.municipality + "　" + dept.name, false, width, FontRole::Bold)) {
            app.assess.department = dept;
            app.docs.draft_dirty = true;
        }
        app.target("docs:dept:" + dept.name);
    }
    ImGui::Spacing();
    if (ImGui::Button(app.text.get("docs.to_assessment"))) app.open_assessment();
}

void save(App& app, const Draft& draft, const std::string ext) {  // ext by value: it may be confirm_ext, cleared below
    DocumentsUi& d = app.docs;
    const storage::Department& dept = *app.assess.department;
    bool written = false;
    d.confirm_ext.clear();
    d.message = app.save_export(
        dept.municipality + "_" + dept.name + "_" + draft.title, "_" + draft.id + "_" + local_timestamp(), ext.c_str(),
        [&](std::string* error) { return draft_bytes(draft, ext.c_str(), error); }, "docs.saved", "docs.failed", &written);
    d.message_error = !written;
    if (written) {
        d.saved_as = draft.id + ext;
        remember_saved_draft(app, draft);  // the base of the next 新旧対照表
    }
}

// A save button; the same draft saved again in the same format asks first (every save is a
// new file: a second click would only leave a duplicate).
void save_button(App& app, const Draft& draft, const char* label_key, const char* ext, const char* target, bool first) {
    DocumentsUi& d = app.docs;
    const char* label = app.text.get(label_key);
    if (!first) same_line_if_fits(label);
    if (ImGui::Button(label)) {
        if (d.saved_as == draft.id + ext) d.confirm_ext = ext;
        else save(app, draft, ext);
    }
    app.target(target);
}

// The bar that never scrolls away: the department, where the answers come from, the save
// buttons and what the last save said.
void draw_save_bar(App& app, const Draft& draft, float width) {
    DocumentsUi& d = app.docs;
    const float body = app.ui_fonts.scale.body;
    if (ImGui::GetContentRegionAvail().y > body * 24) draw_heading(app, app.text.get("docs.heading"), 1);  // not on a short window
    draw_strong(app, app.assess.department->municipality + "　" + app.assess.department->name);
    same_line_if_fits(app.text.get("docs.change_department"));
    if (ImGui::Button(app.text.get("docs.change_department"))) {
        app.assess.department.reset();
        app.assess.session.reset();
    }
    app.target("docs:change_department");
    const bool blocked = !draft.errors.empty() || !d.input_errors.empty();
    if (blocked) {
        draw_heading(app, app.text.get("docs.errors"), 3);
        for (const std::string& e : d.input_errors) draw_message(app, e, true, width);
        for (const std::string& e : draft.errors) draw_message(app, e, true, width);
    }
    ImGui::BeginDisabled(blocked);
    save_button(app, draft, "docs.save_docx", ".docx", "docs:save_docx", true);
    save_button(app, draft, "docs.save_pdf", ".pdf", "docs:save_pdf", false);
    save_button(app, draft, "docs.save_md", ".md", "docs:save_md", false);
    ImGui::EndDisabled();
    // The message has room kept for it (as much as the longest seen), so that it coming and going does not
    // move the options below under the pointer.
    const float message_top = ImGui::GetCursorPosY();
    if (!d.confirm_ext.empty()) {
        draw_message(app, app.text.get("docs.resave"), false, width);
        if (ImGui::Button(app.text.get("docs.resave_yes"))) save(app, draft, d.confirm_ext);
        app.target("docs:resave");
        same_line_if_fits(app.text.get("docs.resave_no"));
        if (ImGui::Button(app.text.get("docs.resave_no"))) d.confirm_ext.clear();
        app.target("docs:resave_cancel");
    } else if (!d.message.empty()) {
        draw_message(app, d.message, d.message_error, width);
    }
    const float used = ImGui::GetCursorPosY() - message_top;
    d.message_room = std::max(d.message_room, used);  // never shrinks: a longer message once seen keeps its room
    const float room = d.message_room;
    if (used < room) ImGui::Dummy(ImVec2(1, room - used - ImGui::GetStyle().ItemSpacing.y));
}

// What scrolls under the bar. The list of documents keeps the height of every document the set
// can draft, and the 新旧対照表 comes after the options: an option that adds or drops a form
// never moves the options under the pointer.
void draw_choices(App& app, const DraftInputs& in, float width) {
    DocumentsUi& d = app.docs;
    const float body = app.ui_fonts.scale.body;
    const std::string source = d.source ? app.text.format("docs.answers_from", {d.source->questionnaire().title,
                                                                                 d.source->finished() ? app.text.get("assess.finished")
                                                                                                      : app.text.get("assess.in_progress")})
                                        : app.text.get("docs.no_answers");
    draw_wrapped(app, source, width, FontRole::Regular, body, Ink::Muted);
    draw_heading(app, app.text.get("docs.documents"), 2);
    const float list_top = ImGui::GetCursorPosY();
    float row_h = 0;
    for (const auto& [id, title] : d.titles) {
        const float before = ImGui::GetCursorPosY();
        if (ImGui::RadioButton(title.c_str(), d.selected == id)) {
            d.selected = id;
            d.page = 0;
            d.draft_dirty = true;
            d.compare_preview = false;
        }
        app.target("docs:doc:" + id);
        row_h = std::max(row_h, ImGui::GetCursorPosY() - before);
    }
    const float reserved = row_h * float(d.set.documents.size());
    if (ImGui::GetCursorPosY() - list_top < reserved) ImGui::Dummy(ImVec2(1, reserved - (ImGui::GetCursorPosY() - list_top) - ImGui::GetStyle().ItemSpacing.y));
    draw_heading(app, app.text.get("docs.options"), 2);
    draw_options(app, in, width);
    draw_wrapped(app, app.text.get("docs.date"), width, FontRole::Regular, body, Ink::Text);
    ImGui::SetNextItemWidth(body * 8);
    const Date now = today();
    char hint[16];
    std::snprintf(hint, sizeof hint, "%04d-%02d-%02d", now.year, now.month, now.day);
    if (ImGui::InputTextWithHint("##date", hint, &d.date_text)) d.draft_dirty = true;  // empty: today
    app.target("docs:date");
    if (!d.date_text.empty() && !drafting_date(d.date_text)) draw_message(app, app.text.get("docs.bad_date"), true, width);
    ImGui::Spacing();
    if (d.draft.errors.empty() && d.input_errors.empty()) draw_compare(app, width);
    ImGui::Spacing();
    draw_facts(app, width);
    ImGui::Spacing();
}

void draw_preview(App& app, const Draft& draft, float width, float height) {
    DocumentsUi& d = app.docs;
    const float body = app.ui_fonts.scale.body;
    const float bar_h = ImGui::GetFrameHeightWithSpacing() * (width < body * 22 ? 2.2f : 1.2f);
    if (d.preview_dirty) {
        // At zoom 1 the page fits the panel (below), its pixels matching the screen's, so it is sharp;
        // zoomed in, it is drawn larger and panned. The 新旧対照表 is A4 landscape.
        const bool table = d.compare_preview && d.comparison;
        const float page_w = table ? 842.0f : 595.0f, page_h = table ? 595.0f : 842.0f;
        // The whole page when that leaves it at least 60 % of the panel's width, else the width
        // (a short panel: the page scrolls).
        const double by_width = (width - body * 1.5) / page_w;
        const double whole = std::min(by_width, double(height - bar_h - body) / page_h);
        const double fit = whole * page_w < width * 0.6 ? by_width : whole;
        const double px_per_pt = std::clamp(fit * d.preview_zoom, 0.3, 4.0);
        const PageImage image = table ? render_comparison_page(*d.comparison, d.page, px_per_pt) : render_page(draft, d.page, px_per_pt);
        d.preview.update(image.width, image.height, image.rgba.data());
        d.preview_pages = image.pages;
        d.preview_w = image.width;
        d.preview_h = image.height;
        d.page = std::clamp(d.page, 0, std::max(0, image.pages - 1));
        d.preview_dirty = false;
    }
    // Page arrows (only the arrow on a narrow panel), the page number, then the zoom buttons.
    const bool narrow = width < body * 16;
    ImGui::BeginDisabled(d.page == 0);
    if (ImGui::Button(app.text.get(narrow ? "docs.prev_page_short" : "docs.prev_page"))) {
        d.page--;
        d.preview_dirty = true;
    }
    app.target("docs:prev_page");
    ImGui::EndDisabled();
    const std::string page = app.text.format("docs.page", {std::to_string(d.page + 1), std::to_string(d.preview_pages)});
    same_line_if_fits(page.c_str());
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(page.c_str());
    const char* next = app.text.get(narrow ? "docs.next_page_short" : "docs.next_page");
    same_line_if_fits(next);
    ImGui::BeginDisabled(d.page + 1 >= d.preview_pages);
    if (ImGui::Button(next)) {
        d.page++;
        d.preview_dirty = true;
    }
    app.target("docs:next_page");
    ImGui::EndDisabled();
    auto zoom_button = [&](const char* key, const char* target, float zoom, bool enabled) {
        same_line_if_fits(app.text.get(key));
        ImGui::BeginDisabled(!enabled);
        if (ImGui::Button(app.text.get(key))) {
            d.preview_zoom = zoom;
            d.preview_dirty = true;
        }
        ImGui::EndDisabled();
        app.target(target);
    };
    zoom_button("docs.zoom_out", "docs:zoom_out", std::max(1.0f, d.preview_zoom / 1.5f), d.preview_zoom > 1.0f);
    zoom_button("docs.zoom_in", "docs:zoom_in", std::min(4.0f, d.preview_zoom * 1.5f), d.preview_zoom < 4.0f);
    zoom_button("docs.zoom_fit", "docs:zoom_fit", 1.0f, d.preview_zoom != 1.0f);

    // The page in a panel of its own that scrolls both ways; a drag on the page pans it.
    ImGui::BeginChild("docs_page", ImVec2(0, 0), false, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_HorizontalScrollbar);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRect(ImVec2(at.x - 1, at.y - 1), ImVec2(at.x + float(d.preview_w) + 1, at.y + float(d.preview_h) + 1),
                                        IM_COL32(0xB8, 0xC4, 0xD4, 255));
    ImGui::Image(d.preview.id(), ImVec2(float(d.preview_w), float(d.preview_h)));
    app.target("docs:preview");
    if (ImGui::IsWindowHovered() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0)) {
        const ImVec2 delta = ImGui::GetIO().MouseDelta;
        ImGui::SetScrollX(ImGui::GetScrollX() - delta.x);
        ImGui::SetScrollY(ImGui::GetScrollY() - delta.y);
    }
    d.preview_scroll[0] = ImGui::GetScrollX();
    d.preview_scroll[1] = ImGui::GetScrollY();
    ImGui::EndChild();
}

}  // namespace

void draw_documents(App& app) {
    DocumentsUi& d = app.docs;
    const float body = app.ui_fonts.scale.body;
    ImGui::BeginChild("documents", ImVec2(0, 0), false, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NavFlattened);
    if (!app.assess.store) {
        draw_wrapped(app, app.text.get("assess.no_store"), ImGui::GetContentRegionAvail().x, FontRole::Bold, body, Ink::Text);
        ImGui::EndChild();
        return;
    }
    if (!app.assess.department) {
        draw_department_choice(app);
        ImGui::EndChild();
        return;
    }
    find_source(app);
    load_facts(app);
    const DraftInputs in = inputs_for(app);
    if (d.draft_dirty) refresh_draft(d, in);

    // Side by side; on a portrait window (a kiosk) or a narrow one the options above and the
    // page below, each the full width.
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float side_w = std::max(body * 18, avail.x * 0.42f);
    const bool stacked = avail.y > avail.x * 1.2f || avail.x - side_w < body * 16;  // or the page would be a strip
    const ImVec2 left_size = stacked ? ImVec2(avail.x, avail.y * 0.55f) : ImVec2(side_w, avail.y);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NavFlattened;
    ImGui::BeginChild("docs_left", left_size, false, flags | ImGuiWindowFlags_NoScrollbar);
    const float width = ImGui::GetContentRegionAvail().x - body * 0.5f;
    draw_save_bar(app, d.draft, width);
    ImGui::Separator();
    ImGui::BeginChild("docs_choices", ImVec2(0, 0), false, flags);
    draw_choices(app, in, ImGui::GetContentRegionAvail().x - body * 0.5f);
    ImGui::EndChild();
    ImGui::EndChild();

    if (!stacked) ImGui::SameLine();
    ImGui::BeginChild("docs_preview", ImVec2(0, 0), false, ImGuiWindowFlags_NoSavedSettings);
    if (d.draft_dirty) refresh_draft(d, inputs_for(app));  // an option changed in this very frame
    draw_preview(app, d.draft, ImGui::GetContentRegionAvail().x, ImGui::GetContentRegionAvail().y);
    ImGui::EndChild();
    ImGui::EndChild();
}

}  // namespace tebiki::ui
