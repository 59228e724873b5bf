#include "documents/result_report.h"

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

void header(Draft& d, const Questionnaire& q, const ExportContext& who) {
    d.title = q.title + "　結果";
    add(d, Block::Kind::Title, d.title, FormLine::Align::Center);
    add(d, Block::Kind::Line, who.municipality + "　" + who.department, FormLine::Align::Right);
    if (const auto date = parse_date(who.assessed_at.substr(0, 10)))
        add(d, Block::Kind::Line, "実施日：" + wareki(*date), FormLine::Align::Right);
}

}  // namespace

Draft result_draft(const Result& r, const ExportContext& who) {
    Draft d;
    d.id = r.questionnaire->id + "-result";
    header(d, *r.questionnaire, who);
    std::string overall = r.overall ? "総合 " + format_score(*r.overall) + " 点" : "採点できる回答がありません";
    if (r.level) overall += "　レベル：" + r.level->label;
    if (!r.complete()) overall += "（未回答の質問があるため暫定）";
    add(d, Block::Kind::Line, overall);
    if (!r.blockers.empty()) {
        add(d, Block::Kind::Heading, "（このままでは始められない事項）");
        for (size_t i = 0; i < r.blockers.size(); ++i) add(d, Block::Kind::Item, "(" + std::to_string(i + 1) + ")　" + r.blockers[i]->message);
    }
    add(d, Block::Kind::Heading, "（領域別の状況）");
    std::vector<FormRow> rows;
    for (const AreaResult& a : r.areas) {
        std::string value = a.score ? format_score(*a.score) + " 点" : "未採点";
        if (a.level) value += "（" + a.level->label + "）";
        value += "　回答 " + std::to_string(a.answered) + "/" + std::to_string(a.applicable);
        if (a.unknown) value += "・わからない " + std::to_string(a.unknown);
        if (a.unanswered) value += "・未回答 " + std::to_string(a.unanswered);
        rows.push_back(row(a.area->name, value));
    }
    add_table(d, std::move(rows));
    if (!r.advice.empty()) {
        add(d, Block::Kind::Heading, "（次に取り組むこと）");
        for (size_t i = 0; i < r.advice.size(); ++i)
            add(d, Block::Kind::Item, "(" + std::to_string(i + 1) + ")　【" + r.advice[i].area->area->name + "】" + r.advice[i].advice->text);
    }
    if (!r.unknown.empty() || !r.unanswered.empty())
        add(d, Block::Kind::Note, "※「わからない」" + std::to_string(r.unknown.size()) + "問、未回答 " + std::to_string(r.unanswered.size()) +
                                      "問は採点に含めていません。");
    return d;
}

Draft tasks_draft(const Questionnaire& q, const std::vector<TaskResult>& tasks, const std::vector<TaskAnswers>& answers,
                  const ExportContext& who) {
    Draft d;
    d.id = q.id + "-result";
    header(d, q, who);
    for (size_t i = 0; i < tasks.size(); ++i) {
        const TaskResult& t = tasks[i];
        add(d, Block::Kind::Heading, "（" + t.name + "）");
        std::vector<FormRow> rows;
        if (t.assigned) rows.push_back(row("区分", t.assigned->label + (t.unknown.empty() && t.unanswered.empty() ? "" : "（暫定）")));
        for (const std::string& id : q.summary) {
            const Question* question = q.question(id);
            const auto it = answers[i].answers.find(id);
            rows.push_back(row(question->short_text.empty() ? question->text : question->short_text,
                               answer_label(*question, it == answers[i].answers.end() ? Answer{} : it->second)));
        }
        std::string reasons;
        for (const TaskRule* rule : t.matched)
            if (!rule->reason.empty()) reasons += (reasons.empty() ? "" : "\n") + rule->reason;
        if (!reasons.empty()) rows.push_back(row("理由", reasons));
        add_table(d, std::move(rows));
    }
    return d;
}

}  // namespace tebiki::documents
