#include "documents/result_report.h"

#include "assessment/export.h"
#include "assessment/report.h"

namespace tebiki::documents {

using namespace assessment;

namespace {

void add(Draft& d, Block::Kind kind, std::string text, FormLine::Align align = FormLine::Align::Left) {
    Block b;
    b.kind = kind;
    b.text = std::move(text);
    b.align = align;
    d.blocks.push_back(std::move(b));
}

void add_table(Draft& d, std::vector<FormRow> rows) {
    Block b;
    b.kind = Block::Kind::Table;
    b.rows = std::move(rows);
    d.blocks.push_back(std::move(b));
}

FormRow row(std::string label, std::string value) {
    FormRow r;
    r.label = std::move(label);
    r.value = std::move(value);
    return r;
}

void header(Draft& d, const Questionnaire& q, const ExportContext& who, const UiStrings& w) {
    d.title = w.format("report.title", {q.title});
    add(d, Block::Kind::Title, d.title, FormLine::Align::Center);
    add(d, Block::Kind::Line, who.municipality + "　" + who.department, FormLine::Align::Right);
    if (const auto date = parse_date(who.assessed_at.substr(0, 10)))
        add(d, Block::Kind::Line, w.format("report.assessed_on", {wareki(*date)}), FormLine::Align::Right);
}

// Numbered items under a heading; nothing when there are none.
void add_items(Draft& d, const std::string& heading, const std::vector<std::string>& items) {
    if (items.empty()) return;
    add(d, Block::Kind::Heading, heading);
    for (size_t i = 0; i < items.size(); ++i) add(d, Block::Kind::Item, "(" + std::to_string(i + 1) + ")　" + items[i]);
}

std::vector<std::string> question_texts(const std::vector<const Question*>& questions) {
    std::vector<std::string> out;
    for (const Question* q : questions) out.push_back(q->text);
    return out;
}

}  // namespace

// In the order of the text report: the overall judgement, what blocks, what contradicts, what is
// unknown or unanswered, then the areas and the advice.
Draft result_draft(const Result& r, const ExportContext& who, const UiStrings& w) {
    Draft d;
    d.id = r.questionnaire->id + "-result";
    header(d, *r.questionnaire, who, w);
    std::string overall = r.overall ? w.format("report.overall", {format_score(*r.overall)}) : std::string();
    if (r.level) overall += w.format("report.level", {r.level->label});
    if (r.overall && !r.complete()) overall += w.get("report.provisional");
    if (!overall.empty()) add(d, Block::Kind::Line, overall);
    if (const std::string note = level_note(r, w); !note.empty()) add(d, Block::Kind::Line, note);
    std::vector<std::string> stops, confirms, checks;
    for (const BlockerItem& b : r.blockers) (b.confirm ? confirms : stops).push_back(b.confirm ? b.blocker->confirm : b.blocker->message);
    for (const ConsistencyCheck* c : r.inconsistencies) checks.push_back(c->message);
    add_items(d, w.get("report.blockers"), stops);
    add_items(d, w.get("report.confirms"), confirms);
    add_items(d, w.get("report.inconsistencies"), checks);
    add_items(d, w.get("report.unknown_list"), question_texts(r.unknown));
    add_items(d, w.get("report.unanswered_list"), question_texts(r.unanswered));
    add(d, Block::Kind::Heading, w.get("report.areas"));
    std::vector<FormRow> rows;
    for (const AreaResult& a : r.areas) {
        std::string value = a.score    ? w.format("report.points", {format_score(*a.score)})
                            : a.scored ? w.format("report.area_few", {percent_text(a.answered_share)})
                                       : std::string(w.get("report.not_scored"));
        if (a.level) value += "（" + a.level->label + "）";
        value += "　" + w.format("report.counts", {std::to_string(a.counts.answered), std::to_string(a.counts.applicable)});
        if (a.counts.unknown) value += w.format("report.unknown", {std::to_string(a.counts.unknown)});
        if (a.counts.unanswered) value += w.format("report.unanswered", {std::to_string(a.counts.unanswered)});
        if (!a.not_met.empty()) value += w.format("report.not_met", {std::to_string(a.not_met.size())});
        rows.push_back(row(a.area->name + (a.area->critical ? w.get("report.critical") : ""), value));
    }
    add_table(d, std::move(rows));
    if (!r.advice.empty()) {
        add(d, Block::Kind::Heading, w.get("report.advice"));
        for (size_t i = 0; i < r.advice.size(); ++i)
            add(d, Block::Kind::Item, "(" + std::to_string(i + 1) + ")　【" + r.advice[i].area->area->name + "】" + r.advice[i].advice->text);
    }
    if (!r.unknown.empty() || !r.unanswered.empty())
        add(d, Block::Kind::Note, w.format("report.footnote", {std::to_string(r.unknown.size()), std::to_string(r.unanswered.size())}));
    return d;
}

Draft tasks_draft(const Questionnaire& q, const std::vector<TaskResult>& tasks, const std::vector<TaskAnswers>& answers,
                  const ExportContext& who, const UiStrings& w) {
    Draft d;
    d.id = q.id + "-result";
    header(d, q, who, w);
    for (size_t i = 0; i < tasks.size(); ++i) {
        const TaskResult& t = tasks[i];
        add(d, Block::Kind::Heading, "（" + t.name + "）");
        std::vector<FormRow> rows;
        if (t.assigned)
            rows.push_back(row(w.get("report.class"), t.assigned->label + (t.unknown.empty() && t.unanswered.empty() ? "" : w.get("report.provisional_short"))));
        for (const std::string& id : q.summary) {
            const Question* question = q.question(id);
            const auto it = answers[i].answers.find(id);
            rows.push_back(row(question->short_text.empty() ? question->text : question->short_text,
                               answer_label(*question, it == answers[i].answers.end() ? Answer{} : it->second)));
        }
        std::string reasons;
        for (const TaskRule* rule : t.matched)
            if (!rule->reason.empty()) reasons += (reasons.empty() ? "" : "\n") + rule->reason;
        std::string checks;
        for (const ConsistencyCheck* c : t.inconsistencies) checks += (checks.empty() ? "" : "\n") + c->message;
        if (!checks.empty()) rows.push_back(row(w.get("report.inconsistency"), checks));
        if (!reasons.empty()) rows.push_back(row(w.get("report.reason"), reasons));
        add_table(d, std::move(rows));
    }
    return d;
}

}  // namespace tebiki::documents
