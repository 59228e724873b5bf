#include "assessment/report.h"

#include <cmath>
#include <cstdio>

namespace tebiki::assessment {

namespace {

std::string join_guide(const std::vector<std::string>& guide) {
    std::string out;
    for (const std::string& g : guide) out += (out.empty() ? "" : " ") + g;
    return out;
}

std::string format_number(double n) {
    char buffer[32];
    if (n == std::floor(n) && std::fabs(n) < 1e15) std::snprintf(buffer, sizeof buffer, "%.0f", n);
    else std::snprintf(buffer, sizeof buffer, "%g", n);
    return buffer;
}

void list_questions(std::string& out, const char* heading, const std::vector<const Question*>& questions) {
    if (questions.empty()) return;
    out += std::string(heading) + "（" + std::to_string(questions.size()) + "問）\n";
    for (const Question* q : questions) out += "  - " + q->id + "　" + q->text + "\n";
}

}  // namespace

std::string format_score(double score) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.1f", score);
    return buffer;
}

std::string answer_label(const Question& question, const Answer& answer) {
    switch (answer.kind) {
    case Answer::Kind::Unanswered: return "未回答";
    case Answer::Kind::Unknown: return "わからない";
    case Answer::Kind::Choice:
        if (const Option* o = question.option(answer.choice)) return o->label;
        return answer.choice;
    case Answer::Kind::Choices: {
        std::string out;
        for (const std::string& id : answer.choices) {
            const Option* o = question.option(id);
            out += (out.empty() ? "" : "、") + (o ? o->label : id);
        }
        return out.empty() ? "（選択なし）" : out;
    }
    case Answer::Kind::Number: return format_number(answer.number) + (question.unit.empty() ? "" : " " + question.unit);
    case Answer::Kind::Flag: return answer.flag ? "はい" : "いいえ";
    case Answer::Kind::Text: return answer.text;
    }
    return {};
}

std::string format_result(const Result& r) {
    const Questionnaire& q = *r.questionnaire;
    std::string out = q.title + "（" + q.id + " 第" + std::to_string(q.version) + "版）\n";
    out += "総合: " + (r.overall ? format_score(*r.overall) + " 点" : std::string("算出できません（採点できる回答がありません）"));
    if (r.level) out += "　レベル: " + r.level->label;
    out += "\n";
    if (!r.blockers.empty()) {
        out += "開始を妨げる事項（" + std::to_string(r.blockers.size()) + "件）\n";
        for (const Blocker* b : r.blockers) out += "  ! " + b->message + (b->guide.empty() ? "" : "　→ " + join_guide(b->guide)) + "\n";
    }
    out += "領域別\n";
    for (const AreaResult& a : r.areas) {
        out += "  " + a.area->name + ": " + (a.score ? format_score(*a.score) + " 点" : std::string("未採点"));
        if (a.level) out += "（" + a.level->label + "）";
        out += "　回答 " + std::to_string(a.answered) + "/" + std::to_string(a.applicable);
        if (a.unknown) out += "・わからない " + std::to_string(a.unknown);
        if (a.unanswered) out += "・未回答 " + std::to_string(a.unanswered);
        out += "\n";
    }
    if (!r.advice.empty()) {
        out += "次にすること（影響の大きい順）\n";
        for (const AdviceItem& item : r.advice)
            out += "  [" + item.area->area->name + "] " + item.advice->text +
                   (item.advice->guide.empty() ? "" : "　→ " + join_guide(item.advice->guide)) + "\n";
    }
    list_questions(out, "「わからない」と答えた質問", r.unknown);
    list_questions(out, "未回答の質問", r.unanswered);
    return out;
}

std::string format_tasks(const Questionnaire& q, const std::vector<TaskResult>& tasks, const std::vector<TaskAnswers>& answers) {
    std::string out = q.title + "（" + q.id + " 第" + std::to_string(q.version) + "版）\n";
    for (size_t i = 0; i < tasks.size(); ++i) {
        const TaskResult& t = tasks[i];
        out += "■ " + t.name;
        if (t.assigned) out += ": " + t.assigned->label;
        if (!t.unknown.empty() || !t.unanswered.empty()) out += "（暫定：未回答・わからないあり）";
        out += "\n";
        for (const std::string& id : q.summary) {
            const Question* question = q.question(id);
            const auto it = answers[i].answers.find(id);
            out += "  " + (question->short_text.empty() ? question->text : question->short_text) + ": " + answer_label(*question, it == answers[i].answers.end() ? Answer{} : it->second) + "\n";
        }
        for (const TaskRule* rule : t.matched) {
            if (!rule->reason.empty()) out += "  理由: " + rule->reason + "\n";
            if (!rule->change.empty()) out += "  変えるには: " + rule->change + "\n";
            if (!rule->guide.empty()) out += "  → " + join_guide(rule->guide) + "\n";
        }
        for (const Question* question : t.unknown) out += "  わからない: " + question->text + "\n";
        for (const Question* question : t.unanswered) out += "  未回答: " + question->text + "\n";
    }
    return out;
}

}  // namespace tebiki::assessment
