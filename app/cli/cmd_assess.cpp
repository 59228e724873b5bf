// `tebiki assess ID --answers FILE [--json] [--save --profile P.toml]` and `tebiki list questionnaires`.
#include <cstdio>
#include <cstdlib>

#include "assessment/answer_codec.h"
#include "assessment/answers_file.h"
#include "assessment/export.h"
#include "assessment/report.h"
#include "cli/commands.h"
#include "cli/print_diagnostics.h"
#include "cli/store_cli.h"
#include "documents/profile.h"
#include "storage/ops.h"
#include "text/normalize.h"
#include "util/file_io.h"
#include "util/test_hooks.h"

namespace tebiki::cli {

using namespace assessment;

namespace {

// --save: the answers become a finished assessment of the profile's department (found by its
// key, registered when new; the profile's 所属長 and other fields update it) in the configured
// store, then the outbox is delivered when there is a server.
int save_assessment(const Options& options, const Questionnaire& q, const AnswersFile& answers) {
    const auto profile_path = options.value("profile");
    if (!profile_path) {
        std::fprintf(stderr, "tebiki assess: --save には --profile 部署.toml（部署の自治体名と部署名）が必要です。\n");
        return 2;
    }
    documents::Profile profile;
    Diagnostics diagnostics;
    const bool read = documents::load_profile(*profile_path, profile, diagnostics);
    print_diagnostics(options, diagnostics);
    if (!read || !diagnostics.empty()) return 1;
    if (profile.municipality.empty() || profile.department.empty()) {
        std::fprintf(stderr, "tebiki assess: %s に municipality と department を書いてください。\n", profile_path->c_str());
        return 1;
    }
    const auto choice = store_choice(options);
    if (!choice) return 2;
    auto opened = open_command_store(options, *choice);
    if (!opened) return 1;
    storage::SqliteStore& store = *opened->local.store;
    try {
        const storage::ops::Key key = storage::ops::department_key(profile.municipality, profile.department);
        storage::Department d = store.find_department(key.municipality, key.name).value_or(storage::Department{});
        const storage::Department before = d;
        d.municipality = key.municipality;
        d.name = key.name;
        for (auto [field, value] : {std::pair{&d.head_title, &profile.head_title}, {&d.head_name, &profile.head_name}, {&d.contact, &profile.contact}})
            if (!value->empty()) *field = normalize_nfc(*value);
        if (!profile.staff_count.empty()) d.staff_count = std::strtoll(profile.staff_count.c_str(), nullptr, 10);
        if (d.id == 0 || d.head_title != before.head_title || d.head_name != before.head_name || d.contact != before.contact ||
            d.staff_count != before.staff_count)
            d.id = store.save_department(d);
        if (const auto source = read_file(q.file)) store.keep_questionnaire_source(q.id, q.version, *source);
        std::vector<storage::StoredTask> tasks;
        std::vector<storage::StoredAnswer> rows;
        for (const auto& [question, answer] : answers.answers) rows.push_back({-1, question, encode_answer(answer)});
        for (size_t i = 0; i < answers.tasks.size(); ++i) {
            tasks.push_back({int(i), answers.tasks[i].name});
            for (const auto& [question, answer] : answers.tasks[i].answers) rows.push_back({int(i), question, encode_answer(answer)});
        }
        const int64_t id = store.record_assessment(d.id, q.id, q.version, tasks, rows);
        crash_here_for_tests("after_local_commit");
        std::fprintf(stderr, "tebiki assess: %s　%s の「%s」（第%d版）を完了した診断として保存しました（%s）。\n", d.municipality.c_str(),
                     d.name.c_str(), q.title.c_str(), q.version, store.assessment(id)->global_id.c_str());
        const storage::DeliveryReport report = deliver_now(opened->local);
        if (opened->local.server && report.error.empty())
            std::fprintf(stderr, "tebiki assess: サーバー（%s）に送りました。\n", choice->shown.c_str());
    } catch (const storage::StorageError& e) {
        std::fprintf(stderr, "tebiki assess: 保存できませんでした：%s\n", e.what());
        return 1;
    }
    return 0;
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
        print_diagnostics(options, diagnostics);
        std::fprintf(stderr, "tebiki: 質問票「%s」がありません（tebiki list questionnaires で一覧を表示します）。\n",
                     options.positional[0].c_str());
        return 2;
    }
    diagnostics.clear();  // problems in other questionnaires do not concern this run
    AnswersFile answers;
    const bool read = load_answers(*answers_path, *q, answers, diagnostics);
    print_diagnostics(options, diagnostics);
    if (!read || !diagnostics.empty()) return 1;
    if (options.flag("save")) {
        if (const int saved = save_assessment(options, *q, answers); saved != 0) return saved;
    } else if (options.value("profile")) {
        std::fprintf(stderr, "tebiki assess: --profile は --save と一緒に使います。\n");
        return 2;
    }

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
    print_diagnostics(options, diagnostics);
    // The count the window shows: questions asked before any answer, and the most follow-ups can add.
    for (const Questionnaire& q : all) {
        const int first = count_questions(q, {}).applicable, most = int(q.questions.size());
        std::printf("%s\t第%d版\t%s\t%d問%s\n", q.id.c_str(), q.version, q.title.c_str(), first,
                    most > first ? ("（最大" + std::to_string(most) + "問）").c_str() : "");
    }
    return all.empty() ? 1 : 0;
}

}  // namespace tebiki::cli
