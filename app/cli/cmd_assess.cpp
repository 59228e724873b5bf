// `tebiki assess ID --answers FILE [--json]` and `tebiki list questionnaires`.
#include <cstdio>

#include "assessment/answers_file.h"
#include "assessment/export.h"
#include "assessment/report.h"
#include "cli/commands.h"

namespace tebiki::cli {

using namespace assessment;

namespace {

void print_diagnostics(const Diagnostics& diagnostics) {
    for (const Diagnostic& d : diagnostics) std::fprintf(stderr, "%s\n", d.to_string().c_str());
}

}  // namespace

int run_assess(const Options& options) {
    const auto answers_path = options.value("answers");  // required: checked by parse()
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
        if (options.flag("json")) std::fputs(tasks_json(*q, results).c_str(), stdout);
        else std::fputs(format_tasks(*q, results, answers.tasks).c_str(), stdout);
        return 0;
    }
    const Result result = score(*q, answers.answers);
    if (options.flag("json")) std::fputs(result_json(result).c_str(), stdout);
    else std::fputs(format_result(result).c_str(), stdout);
    return 0;
}

int run_list(const Options& options) {
    if (options.positional[0] != "questionnaires") {
        std::fprintf(stderr, "tebiki list: 「%s」の一覧はありません。\n使い方: tebiki list questionnaires|documents\n", options.positional[0].c_str());
        return 2;
    }
    Diagnostics diagnostics;
    const std::vector<Questionnaire> all = load_questionnaires(options.paths.assessment, diagnostics);
    print_diagnostics(diagnostics);
    // The count the window shows: questions asked before any answer, and the most follow-ups can add.
    for (const Questionnaire& q : all) {
        const int first = count_questions(q, {}).applicable, most = int(q.questions.size());
        std::printf("%s\t第%d版\t%s\t%d問%s\n", q.id.c_str(), q.version, q.title.c_str(), first,
                    most > first ? ("（最大" + std::to_string(most) + "問）").c_str() : "");
    }
    return all.empty() ? 1 : 0;
}

}  // namespace tebiki::cli
