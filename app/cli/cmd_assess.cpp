// `tebiki assess ID --answers FILE [--json]` and `tebiki list questionnaires`.
#include <cstdio>

#include "assessment/answers_file.h"
#include "assessment/report.h"
#include "cli/commands.h"
#include "cli/json.h"

namespace tebiki::cli {

using namespace assessment;

namespace {

std::string json_number(double n) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", n);
    return buffer;
}

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

void print_result_json(const Result& r) {
    const Questionnaire& q = *r.questionnaire;
    std::printf("{\"questionnaire\":%s,\"version\":%d,\"overall\":%s,\"level\":%s,\"complete\":%s,\"blockers\":[",
                json_string(q.id).c_str(), q.version, r.overall ? json_number(*r.overall).c_str() : "null",
                r.level ? json_string(r.level->id).c_str() : "null", r.complete() ? "true" : "false");
    for (size_t i = 0; i < r.blockers.size(); ++i)
        std::printf("%s{\"id\":%s,\"message\":%s,\"guide\":%s}", i ? "," : "", json_string(r.blockers[i]->id).c_str(),
                    json_string(r.blockers[i]->message).c_str(), json_strings(r.blockers[i]->guide).c_str());
    std::printf("],\"areas\":[");
    for (size_t i = 0; i < r.areas.size(); ++i) {
        const AreaResult& a = r.areas[i];
        std::printf("%s{\"id\":%s,\"name\":%s,\"score\":%s,\"level\":%s,\"applicable\":%d,\"answered\":%d,\"unknown\":%d,"
                    "\"unanswered\":%d}",
                    i ? "," : "", json_string(a.area->id).c_str(), json_string(a.area->name).c_str(),
                    a.score ? json_number(*a.score).c_str() : "null", a.level ? json_string(a.level->id).c_str() : "null",
                    a.applicable, a.answered, a.unknown, a.unanswered);
    }
    std::printf("],\"advice\":[");
    for (size_t i = 0; i < r.advice.size(); ++i) {
        const AdviceItem& a = r.advice[i];
        std::printf("%s{\"area\":%s,\"text\":%s,\"guide\":%s,\"impact\":%s}", i ? "," : "", json_string(a.area->area->id).c_str(),
                    json_string(a.advice->text).c_str(), json_strings(a.advice->guide).c_str(), json_number(a.impact).c_str());
    }
    std::printf("],\"unknown\":%s,\"unanswered\":%s}\n", json_questions(r.unknown).c_str(), json_questions(r.unanswered).c_str());
}

void print_tasks_json(const Questionnaire& q, const std::vector<TaskResult>& results) {
    std::printf("{\"questionnaire\":%s,\"version\":%d,\"tasks\":[", json_string(q.id).c_str(), q.version);
    for (size_t i = 0; i < results.size(); ++i) {
        const TaskResult& t = results[i];
        std::vector<std::string> reasons, changes;
        for (const TaskRule* rule : t.matched) {
            if (!rule->reason.empty()) reasons.push_back(rule->reason);
            if (!rule->change.empty()) changes.push_back(rule->change);
        }
        std::printf("%s{\"name\":%s,\"class\":%s,\"reasons\":%s,\"changes\":%s,\"unknown\":%s,\"unanswered\":%s}", i ? "," : "",
                    json_string(t.name).c_str(), t.assigned ? json_string(t.assigned->id).c_str() : "null",
                    json_strings(reasons).c_str(), json_strings(changes).c_str(), json_questions(t.unknown).c_str(),
                    json_questions(t.unanswered).c_str());
    }
    std::printf("]}\n");
}

void print_diagnostics(const Diagnostics& diagnostics) {
    for (const Diagnostic& d : diagnostics) std::fprintf(stderr, "%s\n", d.to_string().c_str());
}

}  // namespace

int run_assess(const Options& options) {
    const auto answers_path = options.value("answers");
    if (options.positional.empty() || !answers_path) {
        std::fprintf(stderr, "使い方: tebiki assess 質問票ID --answers 回答.toml [--json]\n");
        return 2;
    }
    Diagnostics diagnostics;
    const std::vector<Questionnaire> all = load_questionnaires(options.paths.assessment, diagnostics);
    const Questionnaire* q = nullptr;
    for (const Questionnaire& candidate : all)
        if (candidate.id == options.positional[0]) q = &candidate;
    if (!q) {
        print_diagnostics(diagnostics);
        std::fprintf(stderr, "tebiki: 質問票「%s」がありません（tebiki list questionnaires で一覧を表示します）。\n",
                     options.positional[0].c_str());
        return 2;
    }
    diagnostics.clear();  // problems in other questionnaires do not concern this run
    AnswersFile answers;
    const bool read = load_answers(*answers_path, *q, answers, diagnostics);
    print_diagnostics(diagnostics);
    if (!read || !diagnostics.empty()) return 1;

    if (q->kind == Questionnaire::Kind::Tasks) {
        std::vector<TaskResult> results;
        for (const TaskAnswers& task : answers.tasks) results.push_back(classify(*q, task));
        if (options.flag("json")) print_tasks_json(*q, results);
        else std::fputs(format_tasks(*q, results, answers.tasks).c_str(), stdout);
        return 0;
    }
    const Result result = score(*q, answers.answers);
    if (options.flag("json")) print_result_json(result);
    else std::fputs(format_result(result).c_str(), stdout);
    return 0;
}

int run_list(const Options& options) {
    if (options.positional.empty() || options.positional[0] != "questionnaires") {
        std::fprintf(stderr, "使い方: tebiki list questionnaires\n");
        return 2;
    }
    Diagnostics diagnostics;
    const std::vector<Questionnaire> all = load_questionnaires(options.paths.assessment, diagnostics);
    print_diagnostics(diagnostics);
    for (const Questionnaire& q : all)
        std::printf("%s\t第%d版\t%s\t%zu問\n", q.id.c_str(), q.version, q.title.c_str(), q.questions.size());
    return all.empty() ? 1 : 0;
}

}  // namespace tebiki::cli
