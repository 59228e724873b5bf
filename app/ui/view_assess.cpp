// The assessment screens' entrance: pick or register a department, then choose a questionnaire
// or an earlier assessment. The question, review and results screens have files of their own.
#include <imgui.h>
#include <imgui_internal.h>  // SetNextWindowScroll
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdlib>

#include "assessment/report.h"
#include "assessment/scoring.h"
#include "text/normalize.h"
#include "ui/page_view.h"
#include "ui/touch_scroll.h"
#include "ui/theme.h"
#include "ui/views.h"

namespace tebiki::ui {

using namespace assessment;

namespace {

std::string department_label(const storage::Department& d) { return d.municipality + "　" + d.name; }

// "2026-11-25T07:34:11.123Z" → "2026-11-25 07:34" (UTC as stored; good enough to tell entries apart).
std::string short_time(const std::string& iso) {
    if (iso.size() < 16) return iso;
    return iso.substr(0, 10) + " " + iso.substr(11, 5);
}

void open_department(App& app, const storage::Department& d) {
    app.assess.department = d;
    app.assess.session.reset();
    app.assess.step = AssessStep::Chooser;
}

void draw_departments(App& app) {
    AssessUi& a = app.assess;
    const float body = app.ui_fonts.scale.body;
    const float width = ImGui::GetContentRegionAvail().x;
    draw_heading(app, app.text.get("assess.heading"), 0);
    draw_wrapped(app, app.text.get("assess.lead"), width, FontRole::Regular, body, Ink::Muted);
    ImGui::Spacing();
    const auto departments = a.store->departments();
    if (departments.empty()) draw_wrapped(app, app.text.get("assess.no_departments"), width, FontRole::Regular, body, Ink::Text);
    for (const storage::Department& d : departments) {
        if (wrapped_selectable(app, "dept" + std::to_string(d.id), department_label(d), false, width, FontRole::Bold))
            open_department(app, d);
        app.target("assess:dept:" + d.name);
    }
    ImGui::Spacing();
    if (ImGui::Button(app.text.get("assess.new_department"))) {
        a.form = {};
        a.form_staff.clear();
        a.form_error.clear();
        a.step = AssessStep::DepartmentForm;
    }
    app.target("assess:new_department");
}

bool labelled_input(App& app, const char* label_key, const char* id, std::string& value, float width) {
    ImGui::TextUnformatted(app.text.get(label_key));
    ImGui::SetNextItemWidth(width);
    const bool changed = ImGui::InputText(id, &value);
    app.target(std::string("assess:field:") + (id + 2));
    return changed;
}

void draw_department_form(App& app) {
    AssessUi& a = app.assess;
    const float body = app.ui_fonts.scale.body;
    const float width = std::min(ImGui::GetContentRegionAvail().x, body * 30);
    draw_heading(app, app.text.get(a.form.id ? "assess.edit_department" : "assess.new_department"), 0);
    labelled_input(app, "assess.municipality", "##municipality", a.form.municipality, width);
    labelled_input(app, "assess.department", "##department", a.form.name, width);
    labelled_input(app, "assess.head_title", "##head_title", a.form.head_title, width);
    labelled_input(app, "assess.head_name", "##head_name", a.form.head_name, width);
    labelled_input(app, "assess.staff_count", "##staff_count", a.form_staff, body * 8);
    labelled_input(app, "assess.contact", "##contact", a.form.contact, width);
    draw_message(app, a.form_error, true, width);
    ImGui::Spacing();
    if (ImGui::Button(app.text.get("assess.save"))) {
        const std::string staff_text = fold_for_search(a.form_staff);  // １２ typed by an IME is 12
        char* end = nullptr;
        const long staff = std::strtol(staff_text.c_str(), &end, 10);
        if (a.form.municipality.empty() || a.form.name.empty()) a.form_error = app.text.get("assess.required");
        else if (!a.form_staff.empty() && (*end != '\0' || staff < 0)) a.form_error = app.text.get("assess.bad_staff");
        else {
            a.form.staff_count = a.form_staff.empty() ? std::nullopt : std::optional<int64_t>(staff);
            for (std::string* field : {&a.form.municipality, &a.form.name, &a.form.head_title, &a.form.head_name, &a.form.contact})
                *field = normalize_nfc(*field);  // one spelling of each character, for search and exports
            a.form.id = a.store->save_department(a.form);
            open_department(app, *a.store->department(a.form.id));
        }
    }
    app.target("assess:save");
    ImGui::SameLine();
    if (ImGui::Button(app.text.get("assess.cancel"))) a.step = a.department ? AssessStep::Chooser : AssessStep::Departments;
}

void start_or_resume(App& app, int64_t assessment_id, AssessStep step) {
    AssessUi& a = app.assess;
    if (step == AssessStep::Question) bring_up_to_date(app, assessment_id);  // answering goes on the current questions
    Message error;
    a.session = Session::open(*a.store, assessment_id, &error);
    if (!a.session) {
        app.notices.push_back(app.text.format("assess.load_failed", {app.text.text(error)}));
        return;
    }
    a.task = -1;
    a.question = 0;
    a.message.clear();
    const auto visible = a.session->visible_questions();
    for (size_t i = 0; i < visible.size(); ++i)
        if (visible[i]->id == a.session->record().current_question) a.question = i;
    if (a.session->questionnaire().kind == Questionnaire::Kind::Tasks && step == AssessStep::Question) step = AssessStep::Tasks;
    a.step = step;
}

void draw_history(App& app) {
    AssessUi& a = app.assess;
    const float body = app.ui_fonts.scale.body;
    draw_heading(app, app.text.get("assess.history"), 1);
    const auto records = a.store->assessments(a.department->id);
    if (records.empty()) draw_wrapped(app, app.text.get("assess.no_history"), ImGui::GetContentRegionAvail().x, FontRole::Regular, body, Ink::Muted);
    for (const storage::AssessmentRecord& r : records) {
        ImGui::PushID(int(r.id));
        std::string title = r.questionnaire_id;
        for (const Questionnaire& q : a.questionnaires)
            if (q.id == r.questionnaire_id) title = q.title;
        const bool done = r.status == "finished";
        ImGui::AlignTextToFramePadding();
        ImGui::Text("%s　%s　%s", short_time(done ? r.finished_at : r.updated_at).c_str(), title.c_str(),
                    app.text.get(done ? "assess.finished" : "assess.in_progress"));
        ImGui::SameLine();
        if (ImGui::Button(app.text.get(done ? "assess.view" : "assess.resume")))
            start_or_resume(app, r.id, done ? AssessStep::Results : AssessStep::Question);
        app.target("assess:history:" + std::to_string(r.id));
        ImGui::PopID();
    }
}

// The number of questions asked before any answer (the same count the question screen and the
// results show), and the most that follow-up questions can add.
std::string question_count_text(App& app, const Questionnaire& q) {
    const int first = count_questions(q, {}).applicable, most = int(q.questions.size());
    const char* key = q.kind == Questionnaire::Kind::Tasks ? "assess.questions_per_task" : "assess.questions";
    std::string text = app.text.format(key, {std::to_string(first)});
    if (most > first) text += app.text.format("assess.questions_most", {std::to_string(most)});
    return text;
}

void draw_chooser(App& app) {
    AssessUi& a = app.assess;
    const float body = app.ui_fonts.scale.body;
    const float width = ImGui::GetContentRegionAvail().x;
    draw_strong(app, department_label(*a.department));
    if (ImGui::Button(app.text.get("assess.change_department"))) {
        a.department.reset();
        a.step = AssessStep::Departments;
        return;
    }
    ImGui::SameLine();
    if (ImGui::Button(app.text.get("assess.edit_department"))) {
        a.form = *a.department;
        a.form_staff = a.form.staff_count ? std::to_string(*a.form.staff_count) : "";
        a.form_error.clear();
        a.step = AssessStep::DepartmentForm;
    }
    if (!app.kiosk.on) {  // at a kiosk, deleting is for the admin screen only
        ImGui::SameLine();
        if (ImGui::Button(app.text.get("assess.delete_department"))) a.confirm_delete = true;
    }
    draw_message(app, a.message, a.message_error, width);  // 「回答のない診断は残さずに閉じました」
    ImGui::Spacing();

    draw_heading(app, app.text.get("assess.choose"), 1);
    for (const Questionnaire& q : a.questionnaires) {
        ImGui::PushID(q.id.c_str());
        const bool preselected = q.id == a.preselect;
        ImGui::PushFont(app.ui_fonts.bold);
        ImGui::TextColored(ImColor(preselected ? accent_color() : ink_color(Ink::Text)), "%s（%s）", q.title.c_str(), question_count_text(app, q).c_str());
        ImGui::PopFont();
        draw_wrapped(app, q.description, width, FontRole::Regular, body, Ink::Muted);
        if (ImGui::Button(app.text.get("assess.start"))) {
            const int64_t id = Session::start(*a.store, a.department->id, q);
            start_or_resume(app, id, AssessStep::Question);
        }
        app.target("assess:start:" + q.id);
        ImGui::Spacing();
        ImGui::PopID();
    }
    ImGui::Separator();
    draw_history(app);

    if (a.confirm_delete) ImGui::OpenPopup("##confirm_delete");
    ImGui::SetNextWindowSize(ImVec2(body * 30, 0));
    if (ImGui::BeginPopupModal("##confirm_delete", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        draw_wrapped(app, app.text.format("assess.confirm_delete", {department_label(*a.department)}), body * 28, FontRole::Regular, body,
                     Ink::Text);
        if (ImGui::Button(app.text.get("assess.delete"))) {
            a.store->delete_department(a.department->id);
            a.department.reset();
            a.session.reset();
            a.step = AssessStep::Departments;
            a.confirm_delete = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button(app.text.get("assess.cancel")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
            a.confirm_delete = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

}  // namespace

void resume_assessment(App& app, const storage::Department& department, int64_t assessment_id) {
    app.screen = Screen::Assessment;
    open_department(app, department);
    start_or_resume(app, assessment_id, AssessStep::Question);
    app.request_frames();
}

void bring_up_to_date(App& app, int64_t assessment_id) {
    AssessUi& a = app.assess;
    const auto record = a.store->assessment(assessment_id);
    if (!record) return;
    for (const Questionnaire& q : a.questionnaires) {
        if (q.id != record->questionnaire_id || record->questionnaire_version >= q.version) continue;
        Message error;
        if (!Session::migrate(*a.store, assessment_id, q, &error)) app.notices.push_back(app.text.format("assess.load_failed", {app.text.text(error)}));
    }
}

void draw_assessment(App& app) {
    AssessUi& a = app.assess;
    const float body = app.ui_fonts.scale.body;
    // Every step (and every question) opens at its top: the chooser's scroll must not carry over
    // to the results. Set before BeginChild, so that the step's first frame is drawn at the top
    // (SetScrollY inside the child took effect a frame later: the question screen showed for a
    // frame at the chooser's scroll, and a click then missed its button).
    static std::string shown;
    const std::string now = std::to_string(int(a.step)) + ":" + std::to_string(a.task) + ":" + std::to_string(a.question);
    if (now != shown) {
        ImGui::SetNextWindowScroll(ImVec2(-1.0f, 0.0f));
        shown = now;
    }
    ImGui::BeginChild("assessment", ImVec2(0, 0), false, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NavFlattened);
    touch_scroll(app);
    const float avail = ImGui::GetContentRegionAvail().x;
    const float margin = std::max(body, (avail - body * 56) * 0.5f);
    ImGui::SetCursorPosX(margin);
    ImGui::BeginGroup();
    ImGui::PushItemWidth(avail - 2 * margin);
    ImGui::Dummy(ImVec2(avail - 2 * margin, body * 0.3f));
    if (!a.store) {
        draw_wrapped(app, app.text.get("assess.no_store"), avail - 2 * margin, FontRole::Bold, body, Ink::Text);
    } else {
        if (!a.department && a.step != AssessStep::DepartmentForm) a.step = AssessStep::Departments;
        if (!a.session && a.step >= AssessStep::Tasks) a.step = AssessStep::Chooser;
        switch (a.step) {
        case AssessStep::Departments: draw_departments(app); break;
        case AssessStep::DepartmentForm: draw_department_form(app); break;
        case AssessStep::Chooser: draw_chooser(app); break;
        case AssessStep::Tasks: draw_assess_tasks(app); break;
        case AssessStep::Question: draw_assess_question(app); break;
        case AssessStep::Review: draw_assess_review(app); break;
        case AssessStep::Results: draw_assess_results(app); break;
        }
    }
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    a.scroll = ImGui::GetScrollY();
    ImGui::EndChild();
}

}  // namespace tebiki::ui
