// Answering: the task list of per-task questionnaires, one question per screen, and the review
// page. Every click or keystroke that changes an answer goes straight to Session::set_answer,
// which has written it to disk before the next frame shows it — except a number, which is
// stored when committed (Enter, leaving the field or the question) and only when valid.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>

#include <GLFW/glfw3.h>

#include "assessment/answers_file.h"
#include "assessment/report.h"
#include "assessment/scoring.h"
#include "text/normalize.h"
#include "ui/page_view.h"
#include "ui/theme.h"
#include "ui/views.h"

namespace tebiki::ui {

using namespace assessment;

namespace {

std::string task_title(const AssessUi& a) {
    std::string title = a.session->questionnaire().title;
    if (a.task >= 0) title += "　" + a.session->tasks()[size_t(a.task)].name;
    return title;
}

// A large option button; the chosen one is filled with the accent colour.
bool option_button(App& app, const std::string& label, bool chosen, const std::string& target, float width) {
    const float body = app.ui_fonts.scale.body;
    if (chosen) {
        // Hovered or touched, the chosen answer keeps its fill: white text on a light hover
        // colour could not be read.
        ImGui::PushStyleColor(ImGuiCol_Button, accent_color());
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(0x1E, 0x4F, 0x8A, 255));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, IM_COL32(0x0C, 0x2A, 0x50, 255));
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
    }
    ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
    const std::string mark = app.text.get(chosen ? "assess.option_chosen" : "assess.option_open");
    const bool clicked = ImGui::Button((mark + " " + label + "##" + target).c_str(), ImVec2(width, std::max(44.0f, body * 1.75f)));
    ImGui::PopStyleVar();
    app.target(target);
    if (chosen) ImGui::PopStyleColor(4);
    return clicked;
}

// "12", "１２" (full width, as a Japanese IME types it) or "3.5"; nullopt for anything else.
std::optional<double> parse_number(const std::string& typed) {
    const std::string text = fold_for_search(typed);  // NFKC: full-width digits become ASCII
    char* end = nullptr;
    const double n = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || !std::isfinite(n)) return std::nullopt;  // "nan", "inf" are not answers
    return n;
}

std::string number_text(double n) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", n);
    return buffer;
}

// A number answer is stored only when committed (Enter, leaving the field, leaving the
// question) and valid: the keystrokes on the way to 150 are not answers, and 150 in a 0–100
// field is not stored at all. An empty field clears the answer. Returns true when stored.
bool commit_number(App& app, const Question& q) {
    AssessUi& a = app.assess;
    Session& s = *a.session;
    const Answer current = s.answer(a.task, q.id);
    if (a.text_draft.empty()) {
        if (current.given()) s.set_answer(a.task, q.id, Answer{});
        return true;
    }
    const auto n = parse_number(a.text_draft);
    if (!n || !validate_answer(q, Answer::of_number(*n)).empty()) return false;
    if (!(current.kind == Answer::Kind::Number && current.number == *n)) s.set_answer(a.task, q.id, Answer::of_number(*n));
    a.text_draft = number_text(*n);  // "１５" or "15.0" shows as stored: 15
    return true;
}

// True when the number field shows exactly what is stored.
bool number_draft_saved(const AssessUi& a, const Answer& current) {
    if (a.text_draft.empty()) return !current.given();
    const auto n = parse_number(a.text_draft);
    return n && current.kind == Answer::Kind::Number && current.number == *n;
}

const Question* question_on_screen(const AssessUi& a) {
    if (!a.session) return nullptr;
    const std::vector<const Question*> visible = a.session->visible_questions(a.task);
    return a.question < visible.size() ? visible[a.question] : nullptr;
}

void answer_widgets(App& app, const Question& q, float width) {
    AssessUi& a = app.assess;
    Session& s = *a.session;
    const Answer current = s.answer(a.task, q.id);
    const float body = app.ui_fonts.scale.body;
    auto set = [&](const Answer& answer) { s.set_answer(a.task, q.id, answer); };

    switch (q.type) {
    case QuestionType::Single:
        for (const Option& o : q.options)
            if (option_button(app, o.label, current.kind == Answer::Kind::Choice && current.choice == o.id, "assess:option:" + o.id, width))
                set(Answer::of_choice(o.id));
        break;
    case QuestionType::YesNo:
        if (option_button(app, app.text.get("assess.yes"), current == Answer::of_flag(true), "assess:option:yes", width))
            set(Answer::of_flag(true));
        if (option_button(app, app.text.get("assess.no"), current == Answer::of_flag(false), "assess:option:no", width))
            set(Answer::of_flag(false));
        break;
    case QuestionType::Multiple: {
        std::vector<std::string> chosen = current.kind == Answer::Kind::Choices ? current.choices : std::vector<std::string>{};
        for (const Option& o : q.options) {
            bool on = std::find(chosen.begin(), chosen.end(), o.id) != chosen.end();
            if (ImGui::Checkbox((o.label + "##" + o.id).c_str(), &on)) {
                // An exclusive option (「ない」) clears the others, and any other option clears it:
                // the answer never holds a contradiction (Session refuses one anyway).
                std::vector<std::string> next;
                for (const Option& x : q.options) {  // keep the questionnaire's order
                    const bool keep = x.id == o.id ? on : std::find(chosen.begin(), chosen.end(), x.id) != chosen.end();
                    if (keep && (x.id == o.id || !(on && (o.exclusive || x.exclusive)))) next.push_back(x.id);
                }
                set(Answer::of_choices(next));  // none left: the question is unanswered again
            }
            app.target("assess:option:" + o.id);
        }
        break;
    }
    case QuestionType::Number:
    case QuestionType::Text: {
        // The draft belongs to this assessment, task and question: never to another department's.
        const std::string draft_key = std::to_string(s.record().id) + ":" + std::to_string(a.task) + ":" + q.id;
        if (a.draft_for != draft_key) {
            a.draft_for = draft_key;
            a.text_draft.clear();
            if (current.kind == Answer::Kind::Text) a.text_draft = current.text;
            if (current.kind == Answer::Kind::Number) a.text_draft = number_text(current.number);
        }
        const bool number = q.type == QuestionType::Number;
        const std::string hint = number ? app.text.format("assess.number_hint", {q.unit}) : app.text.get("assess.text_hint");
        ImGui::SetNextItemWidth(number ? body * 10 : width);
        // Text is saved on every change; a number only when committed (commit_number).
        const bool changed = ImGui::InputTextWithHint("##answer", hint.c_str(), &a.text_draft, number ? ImGuiInputTextFlags_EnterReturnsTrue : 0);
        const bool left = ImGui::IsItemDeactivatedAfterEdit();
        app.target("assess:input");
        if (!number && changed) set(a.text_draft.empty() ? Answer{} : Answer::of_text(a.text_draft));
        if (number && (changed || left)) commit_number(app, q);
        if (number && changed) ImGui::SetKeyboardFocusHere(-1);  // Enter stores; typing goes on in the field
        if (number && !q.unit.empty()) {
            ImGui::SameLine();
            ImGui::TextUnformatted(q.unit.c_str());
        }
        const Answer stored = s.answer(a.task, q.id);
        const bool saved = number ? number_draft_saved(a, stored) : stored.given();
        if (saved && stored.given()) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s", app.text.get("assess.saved"));
        }
        if (number && !saved) {
            // Say what is stored while the field shows something else, and why a value is not taken.
            ImGui::SameLine();
            ImGui::TextDisabled("%s", app.text.get("assess.number_unsaved"));
            const auto n = parse_number(a.text_draft);
            const std::string problem = a.text_draft.empty() ? std::string()
                                        : n                  ? app.text.text(validate_answer(q, Answer::of_number(*n)))
                                                             : std::string(app.text.get("assess.not_a_number"));
            draw_message(app, problem, true, width);
            const std::string kept = stored.kind == Answer::Kind::Number ? number_text(stored.number) + q.unit : app.text.get("assess.number_none");
            draw_wrapped(app, app.text.format("assess.number_stored", {kept}), width, FontRole::Regular, body, Ink::Muted);
        }
        break;
    }
    }
    if (q.allow_unknown) {
        ImGui::Spacing();
        if (option_button(app, app.text.get("assess.unknown"), current.kind == Answer::Kind::Unknown, "assess:unknown", width * 0.5f)) {
            set(Answer::unknown());
            a.draft_for.clear();
        }
    }
}

}  // namespace

void interrupt_assessment(App& app) {
    AssessUi& a = app.assess;
    if (!a.session) return;
    // An assessment with no answer (and no task rows) would only be a junk entry in the history.
    const bool empty = a.session->answers(-1).empty() && a.session->tasks().empty();
    if (empty) {
        a.store->delete_assessment(a.session->record().id);
        a.message = app.text.get("assess.discarded");
        a.message_error = false;
    }
    a.session.reset();
    a.task = -1;
    a.question = 0;
    a.draft_for.clear();
    a.step = AssessStep::Chooser;
    app.request_frames();
}

bool assess_draft_saved(const App& app) {
    const AssessUi& a = app.assess;
    const Question* q = question_on_screen(a);
    if (!q || (q->type != QuestionType::Number && q->type != QuestionType::Text)) return true;
    const Answer stored = a.session->answer(a.task, q->id);
    if (q->type == QuestionType::Number) return number_draft_saved(a, stored);
    return a.text_draft.empty() ? !stored.given() : stored.kind == Answer::Kind::Text && stored.text == a.text_draft;
}

void draw_assess_tasks(App& app) {
    AssessUi& a = app.assess;
    Session& s = *a.session;
    const float body = app.ui_fonts.scale.body;
    const float width = ImGui::GetContentRegionAvail().x;
    draw_heading(app, s.questionnaire().title, 0);
    draw_wrapped(app, app.text.get("assess.tasks_lead"), width, FontRole::Regular, body, Ink::Muted);
    ImGui::Spacing();
    const std::vector<TaskResult> results = s.task_results();
    for (size_t i = 0; i < s.tasks().size(); ++i) {
        ImGui::PushID(int(i));
        const TaskResult& r = results[i];
        const size_t visible = s.visible_questions(int(i)).size();
        const size_t open = r.unanswered.size();
        std::string status = open == 0 && r.assigned ? app.text.format("assess.task_done", {s.tasks()[i].name, r.assigned->label})
                                                     : s.tasks()[i].name + "　" +
                                                           app.text.format("assess.task_open", {std::to_string(visible - open), std::to_string(visible)});
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(status.c_str());
        ImGui::SameLine();
        if (ImGui::Button(app.text.get("assess.answer_task"))) {
            a.task = int(i);
            a.question = 0;
            a.step = AssessStep::Question;
        }
        app.target("assess:task:" + std::to_string(i));
        ImGui::SameLine();
        if (ImGui::Button(app.text.get("assess.remove_task"))) {
            s.remove_task(i);
            ImGui::PopID();
            break;
        }
        ImGui::PopID();
    }
    ImGui::Spacing();
    ImGui::SetNextItemWidth(body * 18);
    const bool enter = ImGui::InputTextWithHint("##new_task", app.text.get("assess.task_name"), &a.new_task, ImGuiInputTextFlags_EnterReturnsTrue);
    app.target("assess:new_task");
    ImGui::SameLine();
    if ((ImGui::Button(app.text.get("assess.add_task")) || enter) && !a.new_task.empty()) {
        s.add_task(a.new_task);
        a.new_task.clear();
    }
    app.target("assess:add_task");
    ImGui::Spacing();
    if (ImGui::Button(app.text.get("assess.finish"))) {
        s.finish();
        a.step = AssessStep::Results;
    }
    app.target("assess:finish");
    same_line_if_fits(app.text.get("assess.interrupt"));
    if (ImGui::Button(app.text.get("assess.interrupt"))) interrupt_assessment(app);
    app.target("assess:interrupt");
}

void draw_assess_question(App& app) {
    AssessUi& a = app.assess;
    Session& s = *a.session;
    const float body = app.ui_fonts.scale.body;
    const float width = ImGui::GetContentRegionAvail().x;
    const std::vector<const Question*> visible = s.visible_questions(a.task);
    if (visible.empty()) {
        a.step = a.task >= 0 ? AssessStep::Tasks : AssessStep::Review;
        return;
    }
    a.question = std::min(a.question, visible.size() - 1);
    const Question& q = *visible[a.question];
    if (a.task < 0) s.set_current_question(q.id);

    size_t answered = 0;
    for (const Question* v : visible)
        if (s.answer(a.task, v->id).kind != Answer::Kind::Unanswered) ++answered;
    // The title with the progress, the buttons (wrapping when narrow), then the question and its
    // answers right away: at 200 % on a laptop the answers must be on the first screen. The help
    // text and the area follow the answers.
    const float right = ImGui::GetCursorScreenPos().x + width;
    ImGui::PushFont(app.ui_fonts.bold);
    ImGui::TextColored(ImColor(ink_color(Ink::Heading)), "%s", task_title(a).c_str());
    ImGui::PopFont();
    ImGui::SameLine(0, body);
    ImGui::TextUnformatted(app.text.format("assess.progress", {std::to_string(a.question + 1), std::to_string(visible.size())}).c_str());
    const bool first = a.question == 0, last = a.question + 1 >= visible.size();
    size_t next_question = a.question;
    ImGui::BeginDisabled(first);
    if (ImGui::Button(app.text.get("assess.prev")) || (!first && app.key_pressed(GLFW_KEY_PAGE_UP))) next_question = a.question - 1;
    ImGui::EndDisabled();
    app.target("assess:prev");
    same_line_if_fits(app.text.get(last ? "assess.to_review" : "assess.next"), right);
    if (ImGui::Button(app.text.get(last ? "assess.to_review" : "assess.next")) || app.key_pressed(GLFW_KEY_PAGE_DOWN)) {
        if (last) a.step = a.task >= 0 ? AssessStep::Tasks : AssessStep::Review;
        else next_question = a.question + 1;
    }
    app.target("assess:next");
    same_line_if_fits(app.text.get(a.task >= 0 ? "assess.back_to_tasks" : "assess.to_review"), right);
    if (a.task >= 0) {
        if (ImGui::Button(app.text.get("assess.back_to_tasks"))) a.step = AssessStep::Tasks;
    } else if (ImGui::Button(app.text.get("assess.to_review"))) {
        a.step = AssessStep::Review;
    }
    app.target("assess:review");
    same_line_if_fits(app.text.get("assess.interrupt"), right);
    const bool interrupt = ImGui::Button(app.text.get("assess.interrupt"));
    app.target("assess:interrupt");
    ImGui::ProgressBar(float(answered) / float(visible.size()), ImVec2(width, std::max(4.0f, body * 0.25f)), "");
    draw_wrapped(app, q.text, width, FontRole::Bold, body, Ink::Text);
    ImGui::PushID(q.id.c_str());
    answer_widgets(app, q, std::min(width, body * 30));
    ImGui::PopID();
    ImGui::Spacing();
    if (!q.help.empty()) draw_wrapped(app, q.help, width, FontRole::Regular, body, Ink::Muted);
    if (const Area* area = s.questionnaire().area(q.area))
        ImGui::TextDisabled("%s", app.text.format("assess.area", {area->name}).c_str());
    if (!q.guide.empty()) {
        if (ImGui::Button(app.text.get("assess.guide_link"))) open_guide(app, q.guide);
        app.target("assess:guide");
    }
    if (interrupt) {
        interrupt_assessment(app);
        return;
    }
    // Leaving the question (PageDown, the buttons) commits a number still being typed.
    if (q.type == QuestionType::Number && a.draft_for.ends_with(":" + q.id) &&
        (next_question != a.question || a.step != AssessStep::Question))
        commit_number(app, q);
    a.question = next_question;  // after the answer widgets, which belong to this question
}

void draw_assess_review(App& app) {
    AssessUi& a = app.assess;
    Session& s = *a.session;
    const float body = app.ui_fonts.scale.body;
    const float width = ImGui::GetContentRegionAvail().x;
    draw_heading(app, app.text.get("assess.review"), 0);
    draw_wrapped(app, app.text.get("assess.review_lead"), width, FontRole::Regular, body, Ink::Muted);
    // The finish button stands above the (long) list as well as below it.
    auto finish_button = [&](const char* target) {
        if (ImGui::Button(app.text.get("assess.finish"))) {
            s.finish();
            a.step = AssessStep::Results;
        }
        app.target(target);
    };
    finish_button("assess:finish");
    const std::vector<const Question*> visible = s.visible_questions(a.task);
    std::string area;
    for (size_t i = 0; i < visible.size(); ++i) {
        const Question& q = *visible[i];
        if (const Area* ar = s.questionnaire().area(q.area); ar && ar->name != area) {
            area = ar->name;
            ImGui::Spacing();
            draw_strong(app, area);
        }
        const Answer answer = s.answer(a.task, q.id);
        const std::string label = q.text + "\n→ " + answer_label(q, answer);
        if (wrapped_selectable(app, "review" + q.id, label, answer.kind == Answer::Kind::Unanswered, width)) {
            a.question = i;
            a.step = AssessStep::Question;
        }
        app.target("assess:review:" + q.id);
    }
    ImGui::Spacing();
    finish_button("assess:finish_bottom");
}

}  // namespace tebiki::ui
