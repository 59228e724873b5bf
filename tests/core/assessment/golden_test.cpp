// Golden tests, in the spirit of cmark's spec tests: every tests/data/assessment/NAME.answers.toml
// is scored with the bundled questionnaire it names, and the text report must equal
// NAME.expected.txt. After an intended change, regenerate with TEBIKI_UPDATE_GOLDEN=1.
#include "test_paths.h"
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

#include "assessment/answers_file.h"
#include "assessment/report.h"
#include "util/file_io.h"

using namespace tebiki;
using namespace tebiki::assessment;
namespace fs = std::filesystem;

namespace {

std::string questionnaire_id_of(const fs::path& answers_file) {
    const auto text = read_file(answers_file);
    if (!text) return {};
    const size_t key = text->find("questionnaire = \"");
    if (key == std::string::npos) return {};
    const size_t start = key + 17;
    return text->substr(start, text->find('"', start) - start);
}

std::string report_for(const Questionnaire& q, const fs::path& answers_file) {
    AnswersFile answers;
    Diagnostics d;
    REQUIRE(load_answers(answers_file, q, answers, d));
    for (const Diagnostic& x : d) FAIL_CHECK(x.to_string());
    if (q.kind == Questionnaire::Kind::Tasks) {
        std::vector<TaskResult> results;
        for (const TaskAnswers& task : answers.tasks) results.push_back(classify(q, task));
        return format_tasks(q, results, answers.tasks);
    }
    return format_result(score(q, answers.answers));
}

}  // namespace

TEST_CASE("[Golden] bundled questionnaires score the answer fixtures exactly as recorded") {
    Diagnostics load_problems;
    const std::vector<Questionnaire> bundled = load_questionnaires(TEBIKI_ASSESSMENT_DIR, load_problems);
    for (const Diagnostic& x : load_problems) FAIL_CHECK(x.to_string());
    const bool update = std::getenv("TEBIKI_UPDATE_GOLDEN") != nullptr;
    int compared = 0;
    for (const auto& entry : fs::directory_iterator(fs::path(TEBIKI_TEST_DATA) / "assessment")) {
        const std::string name = entry.path().filename().string();
        if (!name.ends_with(".answers.toml")) continue;
        const fs::path expected_file = entry.path().parent_path() / (name.substr(0, name.size() - 13) + ".expected.txt");
        const std::string id = questionnaire_id_of(entry.path());
        const Questionnaire* q = nullptr;
        for (const Questionnaire& candidate : bundled)
            if (candidate.id == id) q = &candidate;
        CAPTURE(name);
        REQUIRE_MESSAGE(q, "the fixture names a questionnaire that is not bundled: " << id);
        const std::string actual = report_for(*q, entry.path());
        if (update) write_file_atomic(expected_file, actual);
        const auto expected = read_file(expected_file);
        REQUIRE_MESSAGE(expected, "missing " << expected_file.string() << " (run with TEBIKI_UPDATE_GOLDEN=1)");
        CHECK(actual == *expected);
        ++compared;
    }
    CHECK_MESSAGE(compared >= 5, "every bundled questionnaire should have golden fixtures");
}
