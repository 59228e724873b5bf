// The document screen: pick a document, adjust the options the answers did not settle and the
// municipality's own 例規 (docs_facts.cpp), look at the page as it will print (the PDF layout
// drawn to a texture), save as Word, PDF or Markdown, and make the 新旧対照表 against the last
// saved draft (docs_compare.cpp).
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "documents/writers.h"
#include "ui/page_view.h"
#include "ui/theme.h"
#include "ui/views.h"
#include "util/local_time.h"

namespace tebiki::ui {

using namespace documents;

namespace {

// The department's most recent readiness assessment (finished or not), looked up once per department.
void find_source(App& app) {
    DocumentsUi& d = app.docs;
    if (d.overrides_for != app.assess.department->id) {
        d.overrides.clear();  // another department: its own answers decide again
        d.overrides_for = app.assess.department->id;
        d.draft_dirty = true;
    }
    if (d.source_for == app.assess.department->id) return;
    d.source_for = app.assess.department->id;
    d.source.reset();
    const DocumentDef* regulation = d.set.regulation();
    if (!regulation) return;
    for (const storage::AssessmentRecord& r : app.assess.store->assessments(app.assess.department->id))
        if (r.questionnaire_id == regulation->questionnaire) {
            d.source = assessment::Session::open(*app.assess.store, r.id, nullptr);
            if (d.source) break;
        }
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

void draw_options(App& app, const DraftInputs& in, float width) {
    DocumentsUi& d = app.docs;
    for (const OptionValue& v : resolve_options(in)) {
        ImGui::PushID(v.option->id.c_str());
        const std::string tag = v.settled && !v.overridden ? std::string(" ") + app.text.get("docs.settled") : "";
        if (v.option->yesno) {
            bool on = v.value == "true";
            if (ImGui::Checkbox((v.option->label + tag).c_str(), &on)) {
                d.overrides[v.option->id] = on ? "true" : "false";
                d.draft_dirty = true;
            }
        } else {
            ImGui::TextUnformatted((v.option->label + tag).c_str());
            std::string value = v.value;
            ImGui::SetNextItemWidth(width);
            if (ImGui::InputText("##value", &value)) {
                d.overrides[v.option->id] = value;
                d.draft_dirty = true;
            }
        }
        app.target("docs:option:" + v.option->id);
        ImGui::PopID();
    }
}

void save(App& app, const Draft& draft, const char* ext) {
    const storage::Department& dept = *app.assess.department;
    bool written = false;
    app.docs.message = app.save_export(
        dept.municipality + "_" + dept.name + "_" + draft.title, "_" + draft.id + "_" + local_timestamp(), ext,
        [&](std::string* error) { return draft_bytes(draft, ext, error); }, "docs.saved", "docs.failed", &written);
    if (written) remember_saved_draft(app, draft);  // the base of the next 新旧対照表
}

void draw_preview(App& app, const Draft& draft, float width, float height) {
    DocumentsUi& d = app.docs;
    const float body = app.ui_fonts.scale.body;
    if (d.preview_dirty) {
        // Sized to the panel: the page's pixels match the screen's, so the preview is sharp. The
        // 新旧対照表 is A4 landscape.
        const bool table = d.compare_preview && d.comparison;
        const float page_w = table ? 842.0f : 595.0f, page_h = table ? 595.0f : 842.0f;
        const double px_per_pt = std::clamp(double(std::min(width / page_w, (height - body * 2.5f) / page_h)), 0.3, 3.0);
        const PageImage image = table ? render_comparison_page(*d.comparison, d.page, px_per_pt) : render_page(draft, d.page, px_per_pt);
        d.preview.update(image.width, image.height, image.rgba.data());
        d.preview_pages = image.pages;
        d.preview_w = image.width;
        d.preview_h = image.height;
        d.page = std::clamp(d.page, 0, std::max(0, image.pages - 1));
        d.preview_dirty = false;
    }
    ImGui::BeginDisabled(d.page == 0);
    if (ImGui::Button(app.text.get("docs.prev_page"))) {
        d.page--;
        d.preview_dirty = true;
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(app.text.format("docs.page", {std::to_string(d.page + 1), std::to_string(d.preview_pages)}).c_str());
    ImGui::SameLine();
    ImGui::BeginDisabled(d.page + 1 >= d.preview_pages);
    if (ImGui::Button(app.text.get("docs.next_page"))) {
        d.page++;
        d.preview_dirty = true;
    }
    ImGui::EndDisabled();
    app.target("docs:next_page");
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRect(ImVec2(at.x - 1, at.y - 1), ImVec2(at.x + float(d.preview_w) + 1, at.y + float(d.preview_h) + 1),
                                        IM_COL32(0xB8, 0xC4, 0xD4, 255));
    ImGui::Image(d.preview.id(), ImVec2(float(d.preview_w), float(d.preview_h)));
    app.target("docs:preview");
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
    const Draft& draft = d.draft;

    const float avail = ImGui::GetContentRegionAvail().x;
    const float left_w = std::max(body * 18, avail * 0.42f);
    ImGui::BeginChild("docs_left", ImVec2(left_w, 0), false, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NavFlattened);
    const float width = ImGui::GetContentRegionAvail().x - body * 0.5f;
    draw_heading(app, app.text.get("docs.heading"), 1);
    ImGui::PushFont(app.ui_fonts.bold);
    ImGui::TextUnformatted((app.assess.department->municipality + "　" + app.assess.department->name).c_str());
    ImGui::PopFont();
    if (ImGui::Button(app.text.get("docs.change_department"))) {
        app.assess.department.reset();
        app.assess.session.reset();
    }
    const std::string source = d.source ? app.text.format("docs.answers_from", {d.source->questionnaire().title,
                                                                                 d.source->finished() ? app.text.get("assess.finished")
                                                                                                      : app.text.get("assess.in_progress")})
                                        : app.text.get("docs.no_answers");
    draw_wrapped(app, source, width, FontRole::Regular, body, Ink::Muted);
    // Saving comes first: it is what the screen is for, and the options below can be long.
    const bool blocked = !draft.errors.empty() || !d.input_errors.empty();
    if (blocked) {
        draw_heading(app, app.text.get("docs.errors"), 3);
        for (const std::string& e : d.input_errors) draw_wrapped(app, e, width, FontRole::Regular, body, Ink::Text);
        for (const std::string& e : draft.errors) draw_wrapped(app, e, width, FontRole::Regular, body, Ink::Text);
    }
    ImGui::BeginDisabled(blocked);
    if (ImGui::Button(app.text.get("docs.save_docx"))) save(app, draft, ".docx");
    app.target("docs:save_docx");
    ImGui::SameLine();
    if (ImGui::Button(app.text.get("docs.save_pdf"))) save(app, draft, ".pdf");
    app.target("docs:save_pdf");
    ImGui::SameLine();
    if (ImGui::Button(app.text.get("docs.save_md"))) save(app, draft, ".md");
    app.target("docs:save_md");
    ImGui::EndDisabled();
    if (!d.message.empty()) draw_wrapped(app, d.message, width, FontRole::Regular, body, Ink::Muted);
    if (!blocked) draw_compare(app, width);

    draw_heading(app, app.text.get("docs.documents"), 2);
    for (const auto& [id, title] : d.titles) {
        if (ImGui::RadioButton(title.c_str(), d.selected == id)) {
            d.selected = id;
            d.page = 0;
            d.draft_dirty = true;
            d.compare_preview = false;
        }
        app.target("docs:doc:" + id);
    }
    draw_heading(app, app.text.get("docs.options"), 2);
    draw_options(app, in, width);
    ImGui::TextUnformatted(app.text.get("docs.date"));
    ImGui::SetNextItemWidth(body * 8);
    if (ImGui::InputTextWithHint("##date", "2026-11-25", &d.date_text)) d.draft_dirty = true;
    if (!d.date_text.empty() && !drafting_date(d.date_text)) ImGui::TextColored(ImColor(IM_COL32(0xB0, 0x20, 0x20, 255)), "%s", app.text.get("docs.bad_date"));
    ImGui::Spacing();
    draw_facts(app, width);
    ImGui::Spacing();

    ImGui::EndChild();

    ImGui::SameLine();
    ImGui::BeginChild("docs_preview", ImVec2(0, 0), false, ImGuiWindowFlags_NoSavedSettings);
    if (d.draft_dirty) refresh_draft(d, inputs_for(app));  // an option changed in this very frame
    draw_preview(app, d.draft, ImGui::GetContentRegionAvail().x, ImGui::GetContentRegionAvail().y);
    ImGui::EndChild();
    ImGui::EndChild();
}

}  // namespace tebiki::ui
