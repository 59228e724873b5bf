#include "assessment/export.h"

#include <cstdio>

#include "assessment/report.h"
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

// RFC 4180: quote every field, double the quotes inside. A field that starts like a formula
// (= + - @, tab, CR) gets a leading ' so that Excel shows it as text instead of running it.
std::string csv_field(const std::string& s) {
    std::string out = "\"";
    if (!s.empty() && std::string_view("=+-@\t\r").find(s.front()) != std::string_view::npos) out += '\'';
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// A header from the words file: comma-separated names (names themselves hold no commas).
std::vector<std::string> header_of(const char* names) {
    std::vector<std::string> out;
    std::string field;
    for (const char* c = names; *c; ++c) {
        if (*c == ',') {
            out.push_back(field);
            field.clear();
        } else {
            field += *c;
        }
    }
    out.push_back(field);
    return out;
}

std::string csv_row(const std::vector<std::string>& fields) {
    std::string out;
    for (size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csv_field(fields[i]);
    return out + "\r\n";
}

const char* kBom = "\xEF\xBB\xBF";

}  // namespace

std::string result_json(const Result& r, const ExportContext& who) {
    std::string out = json_head(*r.questionnaire, who);
    out += ",\"overall\":" + json_score(r.overall) + ",\"level\":" + (r.level ? json_string(r.level->id) : "null");
    out += std::string(",\"complete\":") + (r.complete() ? "true" : "false") + ",\"blockers\":[";
    for (size_t i = 0; i < r.blockers.size(); ++i)
        out += (i ? "," : "") + std::string("{\"id\":") + json_string(r.blockers[i]->id) + ",\"message\":" +
               json_string(r.blockers[i]->message) + ",\"guide\":" + json_strings(r.blockers[i]->guide) + "}";
    out += "],\"areas\":[";
    for (size_t i = 0; i < r.areas.size(); ++i) {
        const AreaResult& a = r.areas[i];
        out += (i ? "," : "") + std::string("{\"id\":") + json_string(a.area->id) + ",\"name\":" + json_string(a.area->name) +
               ",\"score\":" + json_score(a.score) + ",\"level\":" + (a.level ? json_string(a.level->id) : "null") +
               ",\"applicable\":" + std::to_string(a.applicable) + ",\"answered\":" + std::to_string(a.answered) +
               ",\"unknown\":" + std::to_string(a.unknown) + ",\"unanswered\":" + std::to_string(a.unanswered) + "}";
    }
    out += "],\"advice\":[";
    for (size_t i = 0; i < r.advice.size(); ++i) {
        const AdviceItem& a = r.advice[i];
        out += (i ? "," : "") + std::string("{\"area\":") + json_string(a.area->area->id) + ",\"text\":" +
               json_string(a.advice->text) + ",\"guide\":" + json_strings(a.advice->guide) + ",\"impact\":" + format_score(a.impact) +
               "}";
    }
    return out + "],\"unknown\":" + json_questions(r.unknown) + ",\"unanswered\":" + json_questions(r.unanswered) + "}\n";
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
               (t.assigned ? json_string(t.assigned->id) : "null") + ",\"reasons\":" + json_strings(reasons) +
               ",\"changes\":" + json_strings(changes) + ",\"unknown\":" + json_questions(t.unknown) +
               ",\"unanswered\":" + json_questions(t.unanswered) + "}";
    }
    return out + "]}\n";
}

std::string result_csv(const Result& r, const ExportContext& who, const UiStrings& words) {
    const Questionnaire& q = *r.questionnaire;
    std::string out = kBom + csv_row(header_of(words.get("report.csv_header")));
    auto row = [&](const std::string& area, const std::optional<double>& score, const Level* level, int answered, int applicable,
                   int unknown, int unanswered) {
        out += csv_row({who.municipality, who.department, who.assessed_at, q.title, std::to_string(q.version), area,
                        score ? format_score(*score) : "", level ? level->label : "", std::to_string(answered),
                        std::to_string(applicable), std::to_string(unknown), std::to_string(unanswered)});
    };
    int answered = 0, applicable = 0;
    for (const AreaResult& a : r.areas) {
        answered += a.answered;
        applicable += a.applicable;
    }
    row(words.get("report.csv_overall"), r.overall, r.level, answered, applicable, int(r.unknown.size()), int(r.unanswered.size()));
    for (const AreaResult& a : r.areas) row(a.area->name, a.score, a.level, a.answered, a.applicable, a.unknown, a.unanswered);
    return out;
}

std::string tasks_csv(const Questionnaire& q, const std::vector<TaskResult>& tasks, const ExportContext& who, const UiStrings& words) {
    std::string out = kBom + csv_row(header_of(words.get("report.csv_tasks_header")));
    for (const TaskResult& t : tasks) {
        std::string reasons, changes;
        for (const TaskRule* rule : t.matched) {
            if (!rule->reason.empty()) reasons += (reasons.empty() ? "" : "／") + rule->reason;
            if (!rule->change.empty()) changes += (changes.empty() ? "" : "／") + rule->change;
        }
        out += csv_row({who.municipality, who.department, who.assessed_at, q.title, std::to_string(q.version), t.name,
                        t.assigned ? t.assigned->label : "", reasons, changes, std::to_string(t.unknown.size() + t.unanswered.size())});
    }
    return out;
}

}  // namespace tebiki::assessment
