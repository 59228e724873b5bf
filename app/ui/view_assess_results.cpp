// The results dashboard: the overall level (or why there is none, or why it is capped), what
// blocks, what needs confirming, contradictions and the open questions first; then a radar chart
// and bars per area, advice with links into the guide, the change since the department's previous
// assessment and a trend line; per-task questionnaires get a table instead. Export to CSV, JSON, PDF.
//
// Index of this file
//   guide_buttons, boxed          small widgets
//   load_history                  earlier finished assessments (cached)
//   draw_radar, draw_bar, draw_trend
//   export_buttons, context_of
//   draw_task_results             per-task questionnaires
//   draw_scored_results           department questionnaires
//   draw_assess_results           the screen
#include <imgui.h>

#include <algorithm>
#include <functional>
#include <chrono>
#include <cmath>
#include <ctime>
#include <map>

#include "assessment/check.h"
#include "assessment/export.h"
#include "assessment/report.h"
#include "documents/result_report.h"
#include "documents/writers.h"
#include "ui/page_view.h"
#include "ui/theme.h"
#include "ui/views.h"
#include "util/file_io.h"
#include "util/local_time.h"

namespace tebiki::ui {

using namespace assessment;

namespace {

constexpr float kPi = 3.14159265f;

void guide_buttons(App& app, const std::vector<std::string>& refs, const std::string& id) {
    for (size_t i = 0; i < refs.size(); ++i) {
        const GuideTarget t = find_guide_target(app.book, refs[i]);
        const std::string label = "→ " + (t.heading ? t.heading->text : t.chapter ? t.chapter->title : refs[i]);
        if (ImGui::Button((label + "##" + id + std::to_string(i)).c_str())) open_guide(app, refs[i]);
        app.target("assess:guide:" + id + ":" + std::to_string(i));
    }
}

// Text and its guide buttons in a tinted box (the box is sized once the text is laid out: text on
// channel 1, the box on channel 0).
void boxed(App& app, const std::string& text, const std::vector<std::string>& guide, const std::string& id, ImU32 tint, float width) {
    const float body = app.ui_fonts.scale.body;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::BeginGroup();
    draw_wrapped(app, text, width - body, FontRole::Bold, body, Ink::Text);
    guide_buttons(app, guide, id);
    ImGui::EndGroup();
    dl->ChannelsSetCurrent(0);
    const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
    dl->AddRectFilled(ImVec2(lo.x - body * 0.3f, lo.y - body * 0.2f), ImVec2(lo.x + width, hi.y + body * 0.2f), tint, 6);
    dl->ChannelsMerge();
    ImGui::Dummy(ImVec2(1, body * 0.3f));
}

// Finished assessments of the same questionnaire for this department, oldest first; cached.
const std::vector<ScoreHistoryPoint>& load_history(AssessUi& a) {
    const std::string key = std::to_string(a.session->record().id) + "@" + a.session->record().finished_at;
    if (a.history_of == key) return a.history;
    a.history_of = key;
    std::vector<ScoreHistoryPoint>& out = a.history;
    out.clear();
    for (const storage::AssessmentRecord& r : a.store->assessments(a.department->id)) {
        if (r.questionnaire_id != a.session->questionnaire().id || r.status != "finished") continue;
        auto s = Session::open(*a.store, r.id, nullptr);
        if (!s) continue;
        const Result result = s->result();
        ScoreHistoryPoint p{r.id, r.finished_at, result.overall, {}};
        for (const AreaResult& ar : result.areas)
            if (ar.score) p.areas[ar.area->id] = *ar.score;
        out.insert(out.begin(), p);
    }
    return out;
}

void draw_radar(App& app, const Result& r, float size) {
    const size_t n = r.areas.size();
    if (n < 3) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float label_room = app.ui_fonts.scale.body * 5;
    const ImVec2 c(origin.x + size * 0.5f + label_room, origin.y + size * 0.5f + app.ui_fonts.scale.body);
    const float radius = size * 0.42f;
    auto point = [&](size_t i, float fraction) {
        const float angle = -kPi / 2 + 2 * kPi * float(i) / float(n);
        return ImVec2(c.x + std::cos(angle) * radius * fraction, c.y + std::sin(angle) * radius * fraction);
    };
    for (float ring : {0.25f, 0.5f, 0.75f, 1.0f}) {
        for (size_t i = 0; i < n; ++i) dl->AddLine(point(i, ring), point((i + 1) % n, ring), IM_COL32(0xC8, 0xD0, 0xDC, 255), 1);
    }
    std::vector<ImVec2> polygon;
    for (size_t i = 0; i < n; ++i) {
        dl->AddLine(c, point(i, 1), IM_COL32(0xC8, 0xD0, 0xDC, 255), 1);
        polygon.push_back(point(i, r.areas[i].score ? float(*r.areas[i].score / 100.0) : 0.0f));
    }
    dl->AddConvexPolyFilled(polygon.data(), int(polygon.size()), IM_COL32(0x1F, 0x4E, 0x8C, 70));
    dl->AddPolyline(polygon.data(), int(polygon.size()), accent_color(), ImDrawFlags_Closed, 3);
    for (size_t i = 0; i < n; ++i) {
        // Each label hangs outwards from the end of its spoke.
        const ImVec2 p = point(i, 1.08f);
        const Area& area = *r.areas[i].area;
        const char* name = (area.short_name.empty() ? area.name : area.short_name).c_str();
        const ImVec2 text = ImGui::CalcTextSize(name);
        const float dx = p.x < c.x - 1 ? -text.x : (p.x > c.x + 1 ? 0 : -text.x / 2);
        const float dy = p.y < c.y - 1 ? -text.y : (p.y > c.y + 1 ? 0 : -text.y / 2);
        dl->AddText(app.ui_fonts.body, app.ui_fonts.scale.body, ImVec2(p.x + dx, p.y + dy), ink_color(Ink::Text), name);
    }
    ImGui::Dummy(ImVec2(size + 2 * label_room, size + 2 * app.ui_fonts.scale.body));
}

void draw_bar(float fraction, float width, float height, ImU32 color) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + height), IM_COL32(0xE4, 0xE9, 0xF0, 255), 4);
    dl->AddRectFilled(p, ImVec2(p.x + width * std::clamp(fraction, 0.0f, 1.0f), p.y + height), color, 4);
    ImGui::Dummy(ImVec2(width, height));
}

void draw_trend(App& app, const std::vector<ScoreHistoryPoint>& history, float width) {
    std::vector<float> values;
    for (const ScoreHistoryPoint& p : history)
        if (p.overall) values.push_back(float(*p.overall));
    if (values.size() < 2) return;
    draw_heading(app, app.text.get("assess.trend"), 2);
    const float height = app.ui_fonts.scale.body * 5;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 o = ImGui::GetCursorScreenPos();
    dl->AddRect(o, ImVec2(o.x + width, o.y + height), IM_COL32(0xC8, 0xD0, 0xDC, 255));
    std::vector<ImVec2> points;
    for (size_t i = 0; i < values.size(); ++i)
        points.emplace_back(o.x + width * (float(i) + 0.5f) / float(values.size()), o.y + height * (1 - values[i] / 100.0f));
    dl->AddPolyline(points.data(), int(points.size()), accent_color(), 0, 3);
    for (size_t i = 0; i < points.size(); ++i) {
        dl->AddCircleFilled(points[i], 5, accent_color());
        const std::string label = format_score(values[i]);
        dl->AddText(ImVec2(points[i].x - ImGui::CalcTextSize(label.c_str()).x / 2, points[i].y - app.ui_fonts.scale.body * 1.2f),
                    ink_color(Ink::Text), label.c_str());
    }
    ImGui::Dummy(ImVec2(width, height));
}

// The exports are built only when a button is pressed (not every frame).
void export_buttons(App& app, const std::function<std::string()>& csv, const std::function<std::string()>& json,
                    const std::function<documents::Draft()>& printable) {
    AssessUi& a = app.assess;
    // The department's name may be cut to fit; the questionnaire id and the time never are.
    const std::string name = a.department->municipality + "_" + a.department->name;
    const std::string tail = "_" + a.session->questionnaire().id + "_" + local_timestamp();
    auto save = [&](const char* ext, const std::function<std::optional<std::string>(std::string*)>& bytes) {
        bool saved = false;
        a.message = app.save_export(name, tail, ext, bytes, "assess.exported", "assess.export_failed", &saved);
        a.message_error = !saved;
    };
    if (ImGui::Button(app.text.get("assess.export_csv"))) save(".csv", [&](std::string*) { return std::optional<std::string>(csv()); });
    app.target("assess:export_csv");
    ImGui::SameLine();
    if (ImGui::Button(app.text.get("assess.export_json"))) save(".json", [&](std::string*) { return std::optional<std::string>(json()); });
    app.target("assess:export_json");
    ImGui::SameLine();
    if (ImGui::Button(app.text.get("assess.export_pdf"))) save(".pdf", [&](std::string* error) { return documents::pdf_bytes(printable(), error); });
    app.target("assess:export_pdf");
    draw_message(app, a.message, a.message_error, ImGui::GetContentRegionAvail().x);
}

ExportContext context_of(const AssessUi& a) {
    return {a.department->municipality, a.department->name, a.session->record().finished_at};
}

void draw_task_results(App& app) {
    AssessUi& a = app.assess;
    Session& s = *a.session;
    const float width = ImGui::GetContentRegionAvail().x;
    const float body = app.ui_fonts.scale.body;
    const std::vector<TaskResult> results = s.task_results();
    const Questionnaire& q = s.questionnaire();
    const int columns = 2 + int(q.summary.size());
    if (ImGui::BeginTable("tasks", columns, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn(q.task_label.empty() ? app.text.get("assess.task_column") : q.task_label.c_str());
        for (const std::string& id : q.summary) {
            const Question& column = *q.question(id);
            ImGui::TableSetupColumn((column.short_text.empty() ? column.text : column.short_text).c_str());
        }
        ImGui::TableSetupColumn(app.text.get("assess.class"));
        ImGui::TableHeadersRow();
        for (size_t i = 0; i < results.size(); ++i) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            // Cells wrap with 禁則 (ImGui's own wrapping only breaks at spaces).
            auto cell = [&](const std::string& text) {
                draw_wrapped(app, text, ImGui::GetContentRegionAvail().x, FontRole::Regular, body, Ink::Text);
            };
            cell(results[i].name);
            for (const std::string& id : q.summary) {
                ImGui::TableNextColumn();
                cell(answer_label(*q.question(id), s.answer(int(i), id)));
            }
            ImGui::TableNextColumn();
            const bool provisional = !results[i].unknown.empty() || !results[i].unanswered.empty();
            cell((results[i].assigned ? results[i].assigned->label : std::string()) + (provisional ? app.text.get("assess.provisional") : ""));
        }
        ImGui::EndTable();
    }
    for (size_t i = 0; i < results.size(); ++i) {
        if (results[i].matched.empty() && results[i].inconsistencies.empty()) continue;
        ImGui::Spacing();
        ImGui::PushFont(app.ui_fonts.bold);
        ImGui::TextUnformatted(results[i].name.c_str());
        ImGui::PopFont();
        for (const ConsistencyCheck* c : results[i].inconsistencies)
            boxed(app, app.text.get("assess.check_mark") + c->message, c->guide, "check" + std::to_string(i) + c->id,
                  IM_COL32(0xEE, 0xF1, 0xF5, 255), width);
        for (size_t k = 0; k < results[i].matched.size(); ++k) {
            const TaskRule* rule = results[i].matched[k];
            if (!rule->reason.empty())
                draw_wrapped(app, app.text.get("assess.reason") + std::string("：") + rule->reason, width, FontRole::Regular, body, Ink::Text);
            if (!rule->change.empty())
                draw_wrapped(app, app.text.get("assess.change_hint") + std::string("：") + rule->change, width, FontRole::Regular, body, Ink::Muted);
            guide_buttons(app, rule->guide, "rule" + std::to_string(i) + "_" + std::to_string(k));
        }
    }
}

void draw_scored_results(App& app) {
    AssessUi& a = app.assess;
    Session& s = *a.session;
    const float width = ImGui::GetContentRegionAvail().x;
    const float body = app.ui_fonts.scale.body;
    const Result r = s.result();
    const std::vector<ScoreHistoryPoint>& history = load_history(a);
    const ScoreHistoryPoint* previous = nullptr;
    for (const ScoreHistoryPoint& p : history)
        if (p.assessment != s.record().id && p.when < s.record().finished_at) previous = &p;

    ImGui::PushFont(app.ui_fonts.heading[1]);
    ImGui::TextColored(ImColor(accent_color()), "%s",
                       r.overall ? app.text.format("assess.overall", {format_score(*r.overall)}).c_str() : app.text.get("assess.no_level_yet"));
    ImGui::PopFont();
    const std::string answered = std::to_string(r.counts.answered), applicable = std::to_string(r.counts.applicable);
    if (!r.overall) draw_wrapped(app, app.text.format("assess.answered_of", {answered, applicable}), width, FontRole::Bold, body, Ink::Text);
    else if (!r.complete()) draw_wrapped(app, app.text.format("assess.partial", {answered, applicable}), width, FontRole::Bold, body, Ink::Text);
    if (r.level) {
        ImGui::PushFont(app.ui_fonts.bold);
        ImGui::TextUnformatted(app.text.format("assess.level", {r.level->label}).c_str());
        ImGui::PopFont();
        draw_wrapped(app, r.level->description, width, FontRole::Regular, body, Ink::Muted);
    }
    if (const std::string note = level_note(r, app.text); !note.empty()) draw_wrapped(app, note, width, FontRole::Bold, body, Ink::Text);
    app.target("assess:level_note");

    // What blocks, what needs confirming and what contradicts, each in its tinted box; then what is
    // unknown or unanswered: all before the areas and the advice.
    const ImU32 red = IM_COL32(0xFD, 0xEC, 0xEA, 255), amber = IM_COL32(0xFF, 0xF4, 0xDC, 255), grey = IM_COL32(0xEE, 0xF1, 0xF5, 255);
    for (const bool confirm : {false, true}) {
        if ((confirm ? r.confirmations() : r.stoppers()) == 0) continue;
        ImGui::Spacing();
        draw_heading(app, app.text.get(confirm ? "assess.confirms" : "assess.blockers"), 2);
        for (const BlockerItem& b : r.blockers) {
            if (b.confirm != confirm) continue;
            std::string text = app.text.get(confirm ? "assess.confirm_mark" : "assess.stop_mark") + (confirm ? b.blocker->confirm : b.blocker->message);
            for (const Question* open : b.open)
                text += std::string("\n") + app.text.get("assess.list_mark") + open->text + "（" + answer_label(*open, s.answer(-1, open->id)) + "）";
            boxed(app, text, b.blocker->guide, "blocker" + b.blocker->id, confirm ? amber : red, width);
        }
    }
    if (!r.inconsistencies.empty()) {
        ImGui::Spacing();
        draw_heading(app, app.text.get("assess.inconsistencies"), 2);
        for (const ConsistencyCheck* c : r.inconsistencies) boxed(app, app.text.get("assess.check_mark") + c->message, c->guide, "check" + c->id, grey, width);
    }
    for (const bool unknown : {true, false}) {
        const std::vector<const Question*>& list = unknown ? r.unknown : r.unanswered;
        if (list.empty()) continue;
        ImGui::Spacing();
        draw_heading(app, app.text.format(unknown ? "assess.unknown_list" : "assess.unanswered_list", {std::to_string(list.size())}), 2);
        for (const Question* q : list) draw_wrapped(app, app.text.get("assess.list_mark") + q->text, width, FontRole::Regular, body, Ink::Text);
    }
    ImGui::Spacing();
    draw_heading(app, app.text.get("assess.areas"), 2);
    const float radar = std::min(width * 0.45f, body * 14);
    ImGui::BeginGroup();
    draw_radar(app, r, radar);
    ImGui::EndGroup();
    const bool beside = width > radar + body * 32;
    if (beside) ImGui::SameLine();
    ImGui::BeginGroup();
    const float bar_w = beside ? width - ImGui::GetCursorPosX() + ImGui::GetWindowPos().x - body : width;
    for (const AreaResult& ar : r.areas) {
        std::string line = ar.area->name + (ar.area->critical ? app.text.get("report.critical") : "") + "　" +
                           (ar.score    ? format_score(*ar.score)
                            : ar.scored ? app.text.format("report.area_few", {percent_text(ar.answered_share)})
                                        : std::string(app.text.get("assess.not_scored")));
        if (ar.level) line += "（" + ar.level->label + "）";
        line += "　" + app.text.format("assess.counts", {std::to_string(ar.counts.answered), std::to_string(ar.counts.applicable)});
        if (ar.counts.unknown) line += "・" + app.text.format("assess.unknown_count", {std::to_string(ar.counts.unknown)});
        if (ar.counts.unanswered) line += "・" + app.text.format("assess.unanswered_count", {std::to_string(ar.counts.unanswered)});
        if (!ar.not_met.empty()) line += app.text.format("report.not_met", {std::to_string(ar.not_met.size())});
        if (previous && ar.score && previous->areas.count(ar.area->id)) {
            const double delta = *ar.score - previous->areas.at(ar.area->id);
            line += "　" + app.text.format("assess.change", {(delta >= 0 ? "+" : "") + format_score(delta)});
        }
        draw_wrapped(app, line, std::max(bar_w, body * 10), FontRole::Regular, body * 1.0f, Ink::Text);
        draw_bar(ar.score ? float(*ar.score / 100.0) : 0.0f, std::max(bar_w, body * 10), body * 0.45f, accent_color());
    }
    ImGui::EndGroup();

    if (!r.advice.empty()) {
        ImGui::Spacing();
        draw_heading(app, app.text.get("assess.advice"), 2);
        for (size_t i = 0; i < r.advice.size(); ++i) {
            const AdviceItem& item = r.advice[i];
            draw_wrapped(app, std::to_string(i + 1) + ". 【" + item.area->area->name + "】" + item.advice->text, width, FontRole::Regular, body,
                         Ink::Text);
            guide_buttons(app, item.advice->guide, "advice" + std::to_string(i));
        }
    }
    ImGui::Spacing();
    draw_trend(app, history, std::min(width, body * 30));
}

}  // namespace

void draw_assess_results(App& app) {
    AssessUi& a = app.assess;
    Session& s = *a.session;
    draw_heading(app, app.text.get("assess.results"), 0);
    ImGui::PushFont(app.ui_fonts.bold);
    ImGui::TextUnformatted((a.department->municipality + "　" + a.department->name + "　" + s.questionnaire().title).c_str());
    ImGui::PopFont();
    if (ImGui::Button(app.text.get("assess.edit_answers"))) {
        // Answers are changed on the current questions: an older version's assessment is brought up to date first.
        const int64_t id = s.record().id;
        bring_up_to_date(app, id);
        if (auto fresh = Session::open(*a.store, id, nullptr)) a.session = std::move(fresh);
        a.session->reopen();
        a.step = a.session->questionnaire().kind == Questionnaire::Kind::Tasks ? AssessStep::Tasks : AssessStep::Review;
        app.target("assess:edit_answers");
        return;
    }
    app.target("assess:edit_answers");
    ImGui::SameLine();
    if (ImGui::Button(app.text.get("assess.history"))) {
        a.session.reset();
        a.step = AssessStep::Chooser;
        return;
    }
    app.target("assess:back");
    // Exports at the top: the dashboard below can be long.
    const Questionnaire& q = s.questionnaire();
    const ExportContext who = context_of(a);
    if (q.kind == Questionnaire::Kind::Tasks) {
        export_buttons(
            app, [&] { return tasks_csv(q, s.task_results(), who, app.text); }, [&] { return tasks_json(q, s.task_results(), who); },
            [&] { return documents::tasks_draft(q, s.task_results(), s.tasks(), who, app.text); });
    } else {
        export_buttons(
            app, [&] { return result_csv(s.result(), who, app.text); }, [&] { return result_json(s.result(), who); },
            [&] { return documents::result_draft(s.result(), who, app.text); });
    }
    ImGui::Spacing();
    if (q.kind == Questionnaire::Kind::Tasks) draw_task_results(app);
    else draw_scored_results(app);
}

}  // namespace tebiki::ui
