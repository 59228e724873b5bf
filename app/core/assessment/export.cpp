#include "assessment/export.h"

#include <cstdio>

#include "assessment/report.h"
#include "util/csv.h"
#include "util/json.h"

namespace tebiki::assessment {

namespace {

std::string json_strings(const std::vector<std::string>& items) {
    std::string out = "[";
    for (size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + json_string(items[i]);
    return out + "]";
}

std::string json_questions(const std::vector<const Question*>& questions) {
    std::vector<std::string> ids;
    for (const Question* q : questions) ids.push_back(q->id);
    return json_strings(ids);
}

std::string json_score(const std::optional<double>& score) { return score ? format_score(*score) : "null"; }

std::string json_head(const Questionnaire& q, const ExportContext& who) {
    std::string out = "{\"questionnaire\":" + json_string(q.id) + ",\"version\":" + std::to_string(q.version);
    if (!who.municipality.empty()) out += ",\"municipality\":" + json_string(who.municipality);
    if (!who.department.empty()) out += ",\"department\":" + json_string(who.department);
    if (!who.assessed_at.empty()) out += ",\"assessed_at\":" + json_string(who.assessed_at);
    return out;
}

}  // namespace

namespace {

const char* no_level_id(Result::NoLevel n) {
    switch (n) {
    case Result::NoLevel::FewAnswers: return "\"few_answers\"";
    case Result::NoLevel::CriticalArea: return "\"critical_area\"";
    case Result::NoLevel::NeedsConfirm: return "\"needs_confirm\"";
    case Result::NoLevel::None: break;
    }
    return "null";
}

const char* cap_id(Result::Cap c) {
    return c == Result::Cap::Blocker ? "\"blocker\"" : c == Result::Cap::WeakArea ? "\"weak_area\"" : "null";
}

std::string json_level(const Level* level) { return level ? json_string(level->id) : "null"; }

std::string json_counts(const QuestionCounts& c) {
    return "\"applicable\":" + std::to_string(c.applicable) + ",\"answered\":" + std::to_string(c.answered) +
           ",\"unknown\":" + std::to_string(c.unknown) + ",\"unanswered\":" + std::to_string(c.unanswered);
}

std::string json_checks(const std::vector<const ConsistencyCheck*>& checks) {
    std::string out = "[";
    for (size_t i = 0; i < checks.size(); ++i)
        out += (i ? "," : "") + std::string("{\"id\":") + json_string(checks[i]->id) + ",\"message\":" + json_string(checks[i]->message) +
               ",\"guide\":" + json_strings(checks[i]->guide) + "}";
    return out + "]";
}

std::string share(double v) { return format_score(v * 100); }

}  // namespace

// Key order follows the reports: what blocks and what is missing come before the areas and the advice.
std::string result_json(const Result& r, const ExportContext& who) {
    std::string out = json_head(*r.questionnaire, who);
    out += ",\"overall\":" + json_score(r.overall) + ",\"answered_percent\":" + share(r.answered_share) + ",\"level\":" + json_level(r.level) +
           ",\"score_level\":" + json_level(r.score_level) + ",\"no_level\":" + no_level_id(r.no_level) + ",\"cap\":" + cap_id(r.cap) +
           ",\"limiting_area\":" + (r.limiting_area ? json_string(r.limiting_area->area->id) : "null");
    out += std::string(",\"complete\":") + (r.complete() ? "true" : "false") + ",\"counts\":{" + json_counts(r.counts) + "},\"blockers\":[";
    for (size_t i = 0; i < r.blockers.size(); ++i) {
        const BlockerItem& b = r.blockers[i];
        out += (i ? "," : "") + std::string("{\"id\":") + json_string(b.blocker->id) + ",\"kind\":" + (b.confirm ? "\"confirm\"" : "\"stop\"") +
               ",\"message\":" + json_string(b.confirm ? b.blocker->confirm : b.blocker->message) + ",\"open\":" + json_questions(b.open) +
               ",\"guide\":" + json_strings(b.blocker->guide) + "}";
    }
    out += "],\"inconsistencies\":" + json_checks(r.inconsistencies);
    out += ",\"unknown\":" + json_questions(r.unknown) + ",\"unanswered\":" + json_questions(r.unanswered) + ",\"areas\":[";
    for (size_t i = 0; i < r.areas.size(); ++i) {
        const AreaResult& a = r.areas[i];
        out += (i ? "," : "") + std::string("{\"id\":") + json_string(a.area->id) + ",\"name\":" + json_string(a.area->name) +
               ",\"critical\":" + (a.area->critical ? "true" : "false") + ",\"score\":" + json_score(a.score) + ",\"level\":" + json_level(a.level) +
               ",\"answered_percent\":" + share(a.answered_share) + "," + json_counts(a.counts) + ",\"not_met\":" + json_questions(a.not_met) + "}";
    }
    out += "],\"advice\":[";
    for (size_t i = 0; i < r.advice.size(); ++i) {
        const AdviceItem& a = r.advice[i];
        out += (i ? "," : "") + std::string("{\"id\":") + json_string(a.advice->id) + ",\"area\":" + json_string(a.area->area->id) +
               ",\"text\":" + json_string(a.advice->text) + ",\"guide\":" + json_strings(a.advice->guide) + ",\"impact\":" + format_score(a.impact) + "}";
    }
    return out + "]}\n";
}

std::string tasks_json(const Questionnaire& q, const std::vector<TaskResult>& tasks, const ExportContext& who) {
    std::string out = json_head(q, who) + ",\"tasks\":[";
    for (size_t i = 0; i < tasks.size(); ++i) {
        const TaskResult& t = tasks[i];
        std::vector<std::string> reasons, changes;
        for (const TaskRule* rule : t.matched) {
            if (!rule->reason.empty()) reasons.push_back(rule->reason);
            if (!rule->change.empty()) changes.push_back(rule->change);
        }
        out += (i ? "," : "") + std::string("{\"name\":") + json_string(t.name) + ",\"class\":" +
               (t.assigned ? json_string(t.assigned->id) : "null") + ",\"inconsistencies\":" + json_checks(t.inconsistencies) +
               ",\"unknown\":" + json_questions(t.unknown) + ",\"unanswered\":" + json_questions(t.unanswered) + ",\"counts\":{" + json_counts(t.counts) + "}" +
               ",\"reasons\":" + json_strings(reasons) + ",\"changes\":" + json_strings(changes) + "}";
    }
    return out + "]}\n";
}

std::string percent_text(double share) { return std::to_string(int(share * 100 + 0.5)) + "%"; }

std::string level_note(const Result& r, const UiStrings& words) {
    const Questionnaire& q = *r.questionnaire;
    switch (r.no_level) {
    case Result::NoLevel::FewAnswers:
        return words.format("report.few_answers", {percent_text(r.answered_share), percent_text(q.scoring.min_answered)});
    case Result::NoLevel::CriticalArea: return words.format("report.no_level_critical", {r.limiting_area->area->name});
    case Result::NoLevel::NeedsConfirm: return words.get("report.no_level_confirm");
    case Result::NoLevel::None: break;
    }
    if (r.cap == Result::Cap::Blocker) return words.format("report.cap_blocker", {r.score_level->label, r.level->label});
    if (r.cap == Result::Cap::WeakArea)
        return words.format("report.cap_area", {r.score_level->label, r.limiting_area->area->name, r.limiting_area->level->label,
                                                std::to_string(q.scoring.cap_above_weakest)});
    return {};
}

std::string result_csv(const Result& r, const ExportContext& who, const UiStrings& words) {
    const Questionnaire& q = *r.questionnaire;
    std::string out = kCsvBom + csv_row(csv_header(words.get("report.csv_header")));
    auto row = [&](const std::string& area, const std::optional<double>& score, const Level* level, const QuestionCounts& c,
                   const std::string& stoppers, const std::string& confirms, const std::string& note) {
        out += csv_row({who.municipality, who.department, who.assessed_at, q.title, std::to_string(q.version), area,
                        score ? format_score(*score) : "", level ? level->label : "", std::to_string(c.answered),
                        std::to_string(c.applicable), std::to_string(c.unknown), std::to_string(c.unanswered), stoppers, confirms, note});
    };
    row(words.get("report.csv_overall"), r.overall, r.level, r.counts, std::to_string(r.stoppers()), std::to_string(r.confirmations()),
        level_note(r, words));
    for (const AreaResult& a : r.areas) row(a.area->name, a.score, a.level, a.counts, "", "", "");
    return out;
}

std::string tasks_csv(const Questionnaire& q, const std::vector<TaskResult>& tasks, const ExportContext& who, const UiStrings& words) {
    std::string out = kCsvBom + csv_row(csv_header(words.get("report.csv_tasks_header")));
    for (const TaskResult& t : tasks) {
        std::string reasons, changes;
        for (const TaskRule* rule : t.matched) {
            if (!rule->reason.empty()) reasons += (reasons.empty() ? "" : "／") + rule->reason;
            if (!rule->change.empty()) changes += (changes.empty() ? "" : "／") + rule->change;
        }
        std::string checks;
        for (const ConsistencyCheck* c : t.inconsistencies) checks += (checks.empty() ? "" : "／") + c->message;
        out += csv_row({who.municipality, who.department, who.assessed_at, q.title, std::to_string(q.version), t.name,
                        t.assigned ? t.assigned->label : "", reasons, changes, std::to_string(t.unknown.size() + t.unanswered.size()), checks});
    }
    return out;
}

}  // namespace tebiki::assessment
