// The 全庁 model built from an installation's own SQLite store with the bundled readiness
// questionnaire and the answers fixtures: latest level per department, change since the previous
// assessment, blockers across the ward (and over a filter), the monthly trend, 部 and sorting.
#include "test_paths.h"
#include <doctest/doctest.h>

#include <filesystem>

#include "assessment/answer_codec.h"
#include "assessment/answers_file.h"
#include "storage/sqlite_store.h"
#include "util/file_io.h"
#include "ward/ward.h"
#include "ward/ward_report.h"

using namespace tebiki;
using namespace tebiki::storage;
namespace fs = std::filesystem;

namespace {

assessment::Questionnaire readiness() {
    Diagnostics d;
    auto q = assessment::load_questionnaire(TEBIKI_ASSESSMENT_DIR / "readiness.toml", d);
    REQUIRE(q);
    return *q;
}

// One finished assessment from tests/data/assessment/NAME.answers.toml, dated `finished_at`.
void record(SqliteStore& store, const assessment::Questionnaire& q, const std::string& department, const std::string& name,
            const std::string& finished_at) {
    assessment::AnswersFile answers;
    Diagnostics d;
    REQUIRE(assessment::load_answers(TEBIKI_TEST_DATA / "assessment" / (name + ".answers.toml"), q, answers, d));
    auto dept = store.find_department("千代田区", department);
    const int64_t id = dept ? dept->id : store.save_department({0, "千代田区", department, "", "", std::nullopt, "", ""});
    if (auto source = read_file(q.file)) store.keep_questionnaire_source(q.id, q.version, *source);
    std::vector<StoredAnswer> rows;
    for (const auto& [question, answer] : answers.answers) rows.push_back({-1, question, assessment::encode_answer(answer)});
    const int64_t a = store.record_assessment(id, q.id, q.version, {}, rows);
    store.database().prepare("UPDATE assessments SET finished_at = ?1 WHERE id = ?2").bind(1, finished_at).bind(2, a).run();
}

UiStrings words() {
    UiStrings w;
    Diagnostics d;
    REQUIRE(w.load(TEBIKI_CONTENT_DIR.parent_path() / "assets" / "strings" / "ja.toml", d));
    return w;
}

const ward::Row& row(const ward::Model& m, const std::string& department) {
    for (const ward::Row& r : m.rows)
        if (r.department == department) return r;
    FAIL("no row for " << department);
    return m.rows.front();
}

}  // namespace

TEST_CASE("[Ward] 部 is the name up to and including the first 部 after its first character, or the whole name") {
    CHECK(ward::division_of("総務部人事課") == "総務部");
    CHECK(ward::division_of("区民部戸籍住民課") == "区民部");
    CHECK(ward::division_of("人事課") == "人事課");
    CHECK(ward::division_of("部長室") == "部長室");
    CHECK(ward::division_of("会計室") == "会計室");
}

TEST_CASE("[Ward] the model from a SQLite store: latest per department, change, blockers, trend, sorting, CSV") {
    const fs::path dir = fs::temp_directory_path() / "tebiki-ward-model";
    fs::remove_all(dir);
    fs::create_directories(dir);
    auto opened = UserStore::open(dir / "tebiki.sqlite");
    REQUIRE(opened.store);
    SqliteStore store(*opened.store);
    const assessment::Questionnaire q = readiness();
    record(store, q, "総務部人事課", "readiness-nothing-done", "2026-09-10T01:00:00.000Z");
    record(store, q, "総務部人事課", "readiness-ready", "2026-11-02T01:00:00.000Z");
    record(store, q, "区民部戸籍住民課", "readiness-takehome-no-rules", "2026-10-05T01:00:00.000Z");
    record(store, q, "会計室", "readiness-no-access", "2026-11-20T01:00:00.000Z");

    const ward::Model m = ward::build_model(store, q);
    CHECK(m.questionnaire_id == "readiness");
    REQUIRE(m.rows.size() == 3);
    CHECK(m.problems.empty());
    CHECK(m.areas.size() == q.areas.size());

    const ward::Row& jinji = row(m, "総務部人事課");
    CHECK(jinji.assessments == 2);
    CHECK(jinji.assessed_at == "2026-11-02T01:00:00.000Z");
    CHECK(jinji.division == "総務部");
    CHECK(jinji.has_previous);
    REQUIRE(jinji.overall);
    REQUIRE(jinji.overall_change);
    CHECK(*jinji.overall_change > 0);
    CHECK(jinji.level > jinji.previous_level);
    CHECK(jinji.blockers.empty());
    CHECK(size_t(jinji.level) == m.levels.size() - 1);  // ready: the top level

    const ward::Row& koseki = row(m, "区民部戸籍住民課");
    CHECK_FALSE(koseki.has_previous);
    CHECK_FALSE(koseki.blockers.empty());
    CHECK(koseki.level == 0);  // a blocker caps it at the first level

    // Blockers across the ward: each with the departments that have it; over a filter, only theirs.
    REQUIRE_FALSE(m.blockers.empty());
    size_t counted = 0;
    for (const ward::BlockerSummary& b : m.blockers) {
        CHECK_FALSE(b.label.empty());
        counted += b.departments.size();
        const std::string sentence = ward::blocker_sentence(b, words());
        CHECK(sentence == std::to_string(b.departments.size()) + (b.confirm ? "課で『" + b.label + "』かどうかの確認が必要です"
                                                                          : "課が『" + b.label + "』で止まっています"));
    }
    CHECK(counted >= 2);
    std::vector<const ward::Row*> somu = {&jinji};
    CHECK(ward::blockers_among(m, somu).empty());
    std::vector<const ward::Row*> kumin = {&koseki};
    const auto only = ward::blockers_among(m, kumin);
    REQUIRE_FALSE(only.empty());
    for (const ward::BlockerSummary& b : only) CHECK(b.departments == std::vector<std::string>{"千代田区　区民部戸籍住民課"});

    // The trend: every month from the first assessment to the last, the latest level at its end.
    REQUIRE(m.trend.size() == 3);
    CHECK(m.trend[0].month == "2026-09");
    CHECK(m.trend[2].month == "2026-11");
    auto total = [](const ward::Month& month) {
        int n = 0;
        for (int c : month.counts) n += c;
        return n;
    };
    CHECK(total(m.trend[0]) == 1);
    CHECK(total(m.trend[1]) == 2);
    CHECK(total(m.trend[2]) == 3);
    CHECK(m.trend[2].counts[m.levels.size() - 1] == 1);  // 人事課 at the top by November

    // Sorting: by the overall score, both ways, missing values last either way.
    std::vector<const ward::Row*> rows;
    for (const ward::Row& r : m.rows) rows.push_back(&r);
    ward::sort_rows(rows, ward::SortBy::Overall, 0, true);
    CHECK(rows.front()->department == "総務部人事課");
    ward::sort_rows(rows, ward::SortBy::Division, 0, false);
    CHECK(rows.front()->division == "会計室");

    // CSV: BOM, one line per department plus the header, a formula-like name made harmless.
    ward::Model shown = m;
    shown.rows.front().department = "=1+1課";
    const std::string csv = ward::to_csv(shown, words());
    CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(csv.find("'=1+1課") != std::string::npos);
    const std::string json = ward::to_json(m, {"local", ""});
    CHECK(json.find("\"departments\"") != std::string::npos);
}
