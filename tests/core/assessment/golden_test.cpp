// Golden tests, in the spirit of cmark's spec tests: every tests/data/assessment/NAME.answers.toml
// is scored with the bundled questionnaire it names, and the text report must equal
// NAME.expected.txt. After an intended change, regenerate with TEBIKI_UPDATE_GOLDEN=1.
#include "test_paths.h"
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>

#include <toml++/toml.h>

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

// The spec profiles carry what the guide says the result must be, written before the engine was
// changed: '# expect.KEY = VALUE' lines (VALUE in TOML). See tests/data/assessment/*.answers.toml.
namespace {

toml::table read_expectations(const fs::path& answers_file) {
    toml::table out;
    std::istringstream lines(*read_file(answers_file));
    std::string line;
    while (std::getline(lines, line)) {
        if (line.rfind("# expect.", 0) != 0) continue;
        const std::string rest = line.substr(9);
        const size_t eq = rest.find(" = ");
        REQUIRE_MESSAGE(eq != std::string::npos, "expectation without ' = ': " << line);
        std::string key = rest.substr(0, eq);
        std::replace(key.begin(), key.end(), '.', '_');
        const toml::table parsed = toml::parse("v = " + rest.substr(eq + 3));
        out.insert_or_assign(key, *parsed.get("v"));
    }
    return out;
}

std::set<std::string> strings_of(const toml::node* node) {
    std::set<std::string> out;
    if (const toml::array* a = node ? node->as_array() : nullptr)
        for (const toml::node& item : *a) out.insert(*item.value<std::string>());
    return out;
}

std::set<std::string> ids(const std::vector<const ConsistencyCheck*>& checks) {
    std::set<std::string> out;
    for (const ConsistencyCheck* c : checks) out.insert(c->id);
    return out;
}

void check_department(const toml::table& expect, const Result& r) {
    if (const auto level = expect["level"].value<std::string>())
        CHECK_MESSAGE((r.level ? r.level->id : std::string("none")) == *level, format_result(r));
    std::set<std::string> stops, confirms, advice;
    for (const BlockerItem& b : r.blockers) (b.confirm ? confirms : stops).insert(b.blocker->id);
    for (const AdviceItem& a : r.advice) advice.insert(a.advice->id);
    if (expect.contains("blockers")) CHECK(stops == strings_of(expect.get("blockers")));
    if (expect.contains("confirm")) CHECK(confirms == strings_of(expect.get("confirm")));
    if (expect.contains("checks")) CHECK(ids(r.inconsistencies) == strings_of(expect.get("checks")));
    for (const std::string& id : strings_of(expect.get("advice"))) CHECK_MESSAGE(advice.count(id), "advice " << id << " expected");
    for (const std::string& id : strings_of(expect.get("no_advice"))) CHECK_MESSAGE(!advice.count(id), "advice " << id << " not expected");
    for (const AreaResult& a : r.areas) {
        if (const auto score = expect["area_score_" + a.area->id].value<double>()) {
            REQUIRE_MESSAGE(a.score, "area " << a.area->id << " has no score");
            CHECK(format_score(*a.score) == format_score(*score));
        }
        if (const auto level = expect["area_level_" + a.area->id].value<std::string>())
            CHECK((a.level ? a.level->id : std::string("none")) == *level);
    }
}

void check_tasks(const toml::table& expect, const std::vector<TaskResult>& results) {
    if (const toml::array* classes = expect["classes"].as_array()) {
        REQUIRE(classes->size() == results.size());
        for (size_t i = 0; i < results.size(); ++i) {
            CAPTURE(results[i].name);
            CHECK(results[i].assigned->id == *(*classes)[i].value<std::string>());
        }
    }
    if (const toml::array* checks = expect["task_checks"].as_array())
        for (size_t i = 0; i < results.size() && i < checks->size(); ++i) CHECK(ids(results[i].inconsistencies) == strings_of(&(*checks)[i]));
}

}  // namespace

TEST_CASE("[Golden] the spec profiles get the level, blockers, advice and classes the guide calls for") {
    Diagnostics load_problems;
    const std::vector<Questionnaire> bundled = load_questionnaires(TEBIKI_ASSESSMENT_DIR, load_problems);
    int specs = 0;
    for (const auto& entry : fs::directory_iterator(fs::path(TEBIKI_TEST_DATA) / "assessment")) {
        if (!entry.path().filename().string().ends_with(".answers.toml")) continue;
        const toml::table expect = read_expectations(entry.path());
        if (expect.empty()) continue;
        CAPTURE(entry.path().filename().string());
        const std::string id = questionnaire_id_of(entry.path());
        const Questionnaire* q = nullptr;
        for (const Questionnaire& candidate : bundled)
            if (candidate.id == id) q = &candidate;
        REQUIRE(q);
        AnswersFile answers;
        Diagnostics d;
        REQUIRE(load_answers(entry.path(), *q, answers, d));
        for (const Diagnostic& x : d) FAIL_CHECK(x.to_string());
        if (q->kind == Questionnaire::Kind::Tasks) {
            std::vector<TaskResult> results;
            for (const TaskAnswers& task : answers.tasks) results.push_back(classify(*q, task));
            check_tasks(expect, results);
        } else {
            check_department(expect, score(*q, answers.answers));
        }
        ++specs;
    }
    CHECK_MESSAGE(specs >= 12, "issue 10 asks for at least 12 spec profiles");
}
