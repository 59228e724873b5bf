#include "assessment/report.h"

#include <cmath>
#include <cstdio>

namespace tebiki::assessment {

namespace {

std::string format_number(double n) {
    char buffer[32];
    if (n == std::floor(n) && std::fabs(n) < 1e15) std::snprintf(buffer, sizeof buffer, "%.0f", n);
    else std::snprintf(buffer, sizeof buffer, "%g", n);
    return buffer;
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

namespace {

std::string join_guide(const std::vector<std::string>& guide) {
    std::string out;
    for (const std::string& g : guide) out += (out.empty() ? "" : " ") + g;
    return out;
}

void list_questions(std::string& out, const char* heading, const std::vector<const Question*>& questions) {
    if (questions.empty()) return;
    out += std::string(heading) + "（" + std::to_string(questions.size()) + "問）\n";
    for (const Question* q : questions) out += "  - " + q->id + "　" + q->text + "\n";
}

std::string percent(double share) { return std::to_string(int(share * 100 + 0.5)) + "%"; }

std::string counts_text(const QuestionCounts& c) {
    std::string out = "回答 " + std::to_string(c.answered) + "/" + std::to_string(c.applicable);
    if (c.unknown) out += "・わからない " + std::to_string(c.unknown);
    if (c.unanswered) out += "・未回答 " + std::to_string(c.unanswered);
    return out;
}

// The level and, in brackets, why it is lower than the score alone would give, or why there is none.
std::string level_text(const Result& r) {
    const Questionnaire& q = *r.questionnaire;
    switch (r.no_level) {
    case Result::NoLevel::FewAnswers: return {};
    case Result::NoLevel::CriticalArea: return "判定していません（重点領域「" + r.limiting_area->area->name + "」の回答が足りません）";
    case Result::NoLevel::NeedsConfirm: return "判定していません（確認が必要な事項があります）";
    case Result::NoLevel::None: break;
    }
    std::string out = r.level ? r.level->label : std::string();
    if (r.cap == Result::Cap::Blocker)
        out += "（点数では「" + r.score_level->label + "」。開始を妨げる事項があるため「" + r.level->label + "」までとしています）";
    if (r.cap == Result::Cap::WeakArea)
        out += "（点数では「" + r.score_level->label + "」。重点領域「" + r.limiting_area->area->name + "」が「" +
               r.limiting_area->level->label + "」のため、その" + std::to_string(q.scoring.cap_above_weakest) + "段階上までとしています）";
    return out;
}

std::string overall_text(const Result& r) {
    if (!r.overall)
        return "判定には回答が足りません（採点できる回答 " + percent(r.answered_share) + "、必要 " + percent(r.questionnaire->scoring.min_answered) + "）";
    const std::string note = level_text(r);
    return format_score(*r.overall) + " 点" + (note.empty() ? "" : "　レベル: " + note);
}

std::string area_text(const AreaResult& a) {
    std::string out = a.score ? format_score(*a.score) + " 点" : a.scored ? "判定には回答が足りません（採点できる回答 " + percent(a.answered_share) + "）" : std::string("採点しない領域");
    if (a.level) out += "（" + a.level->label + "）";
    out += "　" + counts_text(a.counts);
    if (!a.not_met.empty()) out += "・前の回答により0点 " + std::to_string(a.not_met.size());
    return out;
}

}  // namespace

std::string format_result(const Result& r) {
    const Questionnaire& q = *r.questionnaire;
    std::string out = q.title + "（" + q.id + " 第" + std::to_string(q.version) + "版）\n";
    out += "総合: " + overall_text(r) + "\n";
    out += "質問: " + counts_text(r.counts) + "\n";
    if (r.stoppers()) {
        out += "開始を妨げる事項（" + std::to_string(r.stoppers()) + "件）\n";
        for (const BlockerItem& b : r.blockers)
            if (!b.confirm) out += "  ! " + b.blocker->message + (b.blocker->guide.empty() ? "" : "　→ " + join_guide(b.blocker->guide)) + "\n";
    }
    if (r.confirmations()) {
        out += "確認が必要な事項（" + std::to_string(r.confirmations()) + "件）\n";
        for (const BlockerItem& b : r.blockers) {
            if (!b.confirm) continue;
            std::string ids;
            for (const Question* open : b.open) ids += (ids.empty() ? "" : ", ") + open->id;
            out += "  ? " + b.blocker->confirm + "（" + ids + "）" + (b.blocker->guide.empty() ? "" : "　→ " + join_guide(b.blocker->guide)) + "\n";
        }
    }
    if (!r.inconsistencies.empty()) {
        out += "回答の食い違い（" + std::to_string(r.inconsistencies.size()) + "件）\n";
        for (const ConsistencyCheck* c : r.inconsistencies) out += "  ※ " + c->message + (c->guide.empty() ? "" : "　→ " + join_guide(c->guide)) + "\n";
    }
    list_questions(out, "「わからない」と答えた質問", r.unknown);
    list_questions(out, "未回答の質問", r.unanswered);
    out += "領域別\n";
    for (const AreaResult& a : r.areas) out += "  " + a.area->name + (a.area->critical ? "（重点）" : "") + ": " + area_text(a) + "\n";
    if (!r.advice.empty()) {
        out += "次にすること（影響の大きい順）\n";
        for (const AdviceItem& item : r.advice)
            out += "  [" + item.area->area->name + "] " + item.advice->text +
                   (item.advice->guide.empty() ? "" : "　→ " + join_guide(item.advice->guide)) + "\n";
    }
    return out;
}

std::string format_tasks(const Questionnaire& q, const std::vector<TaskResult>& tasks, const std::vector<TaskAnswers>& answers) {
    std::string out = q.title + "（" + q.id + " 第" + std::to_string(q.version) + "版）\n";
    for (size_t i = 0; i < tasks.size(); ++i) {
        const TaskResult& t = tasks[i];
        out += "■ " + t.name;
        if (t.assigned) out += ": " + t.assigned->label;
        const bool open = !t.unknown.empty() || !t.unanswered.empty();
        if (open) out += t.assigned == &q.classes.front() ? "（未回答・わからないあり）" : "（暫定：未回答・わからないあり）";
        out += "\n";
        for (const std::string& id : q.summary) {
            const Question* question = q.question(id);
            const auto it = answers[i].answers.find(id);
            out += "  " + (question->short_text.empty() ? question->text : question->short_text) + ": " + answer_label(*question, it == answers[i].answers.end() ? Answer{} : it->second) + "\n";
        }
        for (const ConsistencyCheck* c : t.inconsistencies) out += "  回答の食い違い: " + c->message + "\n";
        for (const Question* question : t.unknown) out += "  わからない: " + question->text + "\n";
        for (const Question* question : t.unanswered) out += "  未回答: " + question->text + "\n";
        for (const TaskRule* rule : t.matched) {
            if (!rule->reason.empty()) out += "  理由: " + rule->reason + "\n";
            if (!rule->change.empty()) out += "  変えるには: " + rule->change + "\n";
            if (!rule->guide.empty()) out += "  → " + join_guide(rule->guide) + "\n";
        }
    }
    return out;
}

}  // namespace tebiki::assessment
