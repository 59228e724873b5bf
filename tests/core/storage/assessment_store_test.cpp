#include "test_paths.h"
#include <doctest/doctest.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

#include "assessment/session.h"
#include "storage/assessment_store.h"
#include "util/file_io.h"

using namespace tebiki;
using namespace tebiki::storage;
using namespace tebiki::assessment;
namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const char* name) {
    const fs::path dir = fs::temp_directory_path() / (std::string("tebiki-assess-") + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

const char* kQuestionnaire = R"(id = "mini"
title = "ミニ診断"
version = 1
[[areas]]
id = "a"
name = "領域A"
[[questions]]
id = "q1"
area = "a"
text = "質問1"
type = "yesno"
yes_score = 1
no_score = 0
[[questions]]
id = "q2"
area = "a"
text = "質問2"
type = "number"
unit = "人"
[[levels]]
id = "l"
label = "レベル"
min = 0
)";

fs::path write_questionnaire(const fs::path& dir, const std::string& text) {
    const fs::path file = dir / "mini.toml";
    REQUIRE(write_file_atomic(file, text));
    return file;
}

Questionnaire load(const fs::path& file) {
    Diagnostics d;
    auto q = load_questionnaire(file, d);
    REQUIRE(q);
    return *q;
}

}  // namespace

TEST_CASE("[Storage] an older database is migrated and keeps its settings") {
    const fs::path dir = fresh_dir("migrate");
    {
        Database db(dir / "tebiki.sqlite");
        db.exec("CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL DEFAULT '')");
        db.exec("INSERT INTO settings(key, value) VALUES('zoom', '1.5')");
        db.set_user_version(1);
    }
    auto opened = UserStore::open(dir / "tebiki.sqlite");
    REQUIRE(opened.store);
    CHECK(opened.store->database().user_version() == UserStore::schema_version());
    CHECK(opened.store->get("zoom") == std::optional<std::string>("1.5"));
    AssessmentStore store(*opened.store);
    CHECK(store.departments().empty());
}

TEST_CASE("[Storage] departments are created, updated and deleted with their assessments") {
    const fs::path dir = fresh_dir("departments");
    auto opened = UserStore::open(dir / "tebiki.sqlite");
    REQUIRE(opened.store);
    AssessmentStore store(*opened.store);
    Department d;
    d.municipality = "○○区";
    d.name = "総務部総務課";
    d.head_title = "総務課長";
    d.staff_count = 24;
    d.id = store.save_department(d);
    d.contact = "内線1234";
    store.save_department(d);
    REQUIRE(store.departments().size() == 1);
    CHECK(store.department(d.id)->contact == "内線1234");
    CHECK(*store.department(d.id)->staff_count == 24);

    const int64_t a = store.start_assessment(d.id, "mini", 1);
    store.set_answer(a, -1, "q1", "true");
    store.delete_department(d.id);
    CHECK(store.departments().empty());
    CHECK_FALSE(store.assessment(a).has_value());
    CHECK(store.answers(a).empty());
}

TEST_CASE("[Session] answers are saved at once and an unfinished assessment resumes where it stopped") {
    const fs::path dir = fresh_dir("session");
    const Questionnaire q = load(write_questionnaire(dir, kQuestionnaire));
    int64_t id = 0;
    {
        auto opened = UserStore::open(dir / "tebiki.sqlite");
        AssessmentStore store(*opened.store);
        const int64_t dept = store.save_department({0, "○○区", "情報政策課", "", "", std::nullopt, "", ""});
        id = Session::start(store, dept, q);
        Message error;
        auto s = Session::open(store, id, &error);
        REQUIRE(s);
        s->set_answer(-1, "q1", Answer::of_flag(true));
        s->set_answer(-1, "q2", Answer::unknown());
        s->set_current_question("q2");
    }
    auto opened = UserStore::open(dir / "tebiki.sqlite");
    AssessmentStore store(*opened.store);
    auto s = Session::open(store, id, nullptr);
    REQUIRE(s);
    CHECK(s->answer(-1, "q1") == Answer::of_flag(true));
    CHECK(s->answer(-1, "q2").kind == Answer::Kind::Unknown);
    CHECK(s->record().current_question == "q2");
    CHECK_FALSE(s->finished());
    s->set_answer(-1, "q2", Answer{});
    CHECK(store.answers(id).size() == 1);
}

TEST_CASE("[Session] old results stay readable after the questionnaire file is edited") {
    const fs::path dir = fresh_dir("snapshot");
    const fs::path file = write_questionnaire(dir, kQuestionnaire);
    auto opened = UserStore::open(dir / "tebiki.sqlite");
    AssessmentStore store(*opened.store);
    const int64_t dept = store.save_department({0, "○○区", "人事課", "", "", std::nullopt, "", ""});
    const int64_t id = Session::start(store, dept, load(file));
    Session::open(store, id, nullptr)->set_answer(-1, "q1", Answer::of_flag(true));

    // Version 2 drops q1 altogether.
    std::string edited = kQuestionnaire;
    edited.replace(edited.find("version = 1"), 11, "version = 2");
    edited.replace(edited.find("id = \"q1\""), 9, "id = \"q9\"");
    write_questionnaire(dir, edited);

    auto s = Session::open(store, id, nullptr);
    REQUIRE(s);
    CHECK(s->questionnaire().version == 1);
    const Result r = s->result();
    CHECK(*r.overall == doctest::Approx(100));
}

TEST_CASE("[Session] a process killed with SIGKILL between answers keeps every answer it had saved") {
    const fs::path dir = fresh_dir("sigkill");
    const Questionnaire q = load(write_questionnaire(dir, kQuestionnaire));
    int64_t id = 0;
    {
        auto opened = UserStore::open(dir / "tebiki.sqlite");
        AssessmentStore store(*opened.store);
        id = Session::start(store, store.save_department({0, "○○区", "子育て支援課", "", "", std::nullopt, "", ""}), q);
    }
    int pipe_fds[2];
    REQUIRE(pipe(pipe_fds) == 0);
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // The child answers q2 again and again; after each saved answer it tells the parent.
        auto opened = UserStore::open(dir / "tebiki.sqlite");
        AssessmentStore store(*opened.store);
        auto s = Session::open(store, id, nullptr);
        s->set_answer(-1, "q1", Answer::of_flag(false));
        for (int n = 1;; ++n) {
            s->set_answer(-1, "q2", Answer::of_number(n));
            if (write(pipe_fds[1], &n, sizeof n) != sizeof n) _exit(1);
        }
    }
    close(pipe_fds[1]);
    int last = 0;
    for (int i = 0; i < 20; ++i) REQUIRE(read(pipe_fds[0], &last, sizeof last) == sizeof last);
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    close(pipe_fds[0]);
    CHECK(WIFSIGNALED(status));

    auto opened = UserStore::open(dir / "tebiki.sqlite");
    REQUIRE(opened.store);
    CHECK(opened.notice.empty());
    AssessmentStore store(*opened.store);
    auto s = Session::open(store, id, nullptr);
    REQUIRE(s);
    CHECK(s->answer(-1, "q1") == Answer::of_flag(false));
    // Every answer the child reported as saved is on disk (it may have saved one more).
    CHECK(s->answer(-1, "q2").number >= last);
}

TEST_CASE("[Session] task rows keep their own answers") {
    const fs::path dir = fresh_dir("tasks");
    const Questionnaire q = load(write_questionnaire(dir, kQuestionnaire));
    auto opened = UserStore::open(dir / "tebiki.sqlite");
    AssessmentStore store(*opened.store);
    const int64_t id = Session::start(store, store.save_department({0, "○○区", "税務課", "", "", std::nullopt, "", ""}), q);
    {
        auto s = Session::open(store, id, nullptr);
        s->add_task("窓口");
        s->add_task("資料作成");
        s->add_task("審査");
        s->set_answer(0, "q1", Answer::of_flag(true));
        s->set_answer(2, "q1", Answer::of_flag(false));
        s->remove_task(1);
        s->rename_task(1, "個人番号の審査");
    }
    auto s = Session::open(store, id, nullptr);
    REQUIRE(s->tasks().size() == 2);
    CHECK(s->tasks()[1].name == "個人番号の審査");
    CHECK(s->answer(0, "q1") == Answer::of_flag(true));
    CHECK(s->answer(1, "q1") == Answer::of_flag(false));
}

TEST_CASE("[Storage] a file that cannot be opened is reported, not mistaken for a damaged one") {
    const fs::path dir = fresh_dir("unopenable");
    fs::create_directories(dir / "tebiki.sqlite");  // a folder where the file should be
    auto opened = UserStore::open(dir / "tebiki.sqlite");
    CHECK_FALSE(opened.store);
    CHECK(opened.notice.find("ファイルは変更していません") != std::string::npos);
    CHECK(fs::is_directory(dir / "tebiki.sqlite"));
    size_t aside = 0;
    for (const auto& entry : fs::directory_iterator(dir)) aside += entry.path().string().find(".broken-") != std::string::npos;
    CHECK(aside == 0);
}

TEST_CASE("[Session] an answer the question does not accept is refused and nothing is stored") {
    const fs::path dir = fresh_dir("refuse");
    std::string text = kQuestionnaire;
    text += "[[questions]]\nid = \"q3\"\narea = \"a\"\ntext = \"q3\"\ntype = \"multiple\"\n"
            "  [[questions.options]]\n  id = \"x\"\n  label = \"X\"\n  score = 1\n"
            "  [[questions.options]]\n  id = \"none\"\n  label = \"ない\"\n  score = 0\n  exclusive = true\n";
    const Questionnaire q = load(write_questionnaire(dir, text));
    auto opened = UserStore::open(dir / "tebiki.sqlite");
    AssessmentStore store(*opened.store);
    const int64_t id = Session::start(store, store.save_department({0, "○○区", "企画課", "", "", std::nullopt, "", ""}), q);
    auto s = Session::open(store, id, nullptr);
    REQUIRE(s);
    CHECK_FALSE(s->set_answer(-1, "q3", Answer::of_choices({"x", "none"})));
    CHECK_FALSE(s->set_answer(-1, "q3", Answer::of_choices({"x", "x"})));
    CHECK_FALSE(s->set_answer(-1, "q1", Answer::of_choice("maybe")));
    CHECK(store.answers(id).empty());
    CHECK(s->set_answer(-1, "q3", Answer::of_choices({"x"})));
    CHECK(s->set_answer(-1, "q3", Answer::of_choices({})));  // nothing chosen: unanswered again
    CHECK(store.answers(id).empty());
}

TEST_CASE("[Session] version 1 readiness answers still load, are re-scored, and migrate to version 2 through aliases") {
    const fs::path dir = fresh_dir("migrate-v1");
    Diagnostics d;
    auto v1 = load_questionnaire(fs::path(TEBIKI_TEST_DATA) / "assessment" / "v1" / "readiness.toml", d);
    REQUIRE(v1);
    REQUIRE(v1->version == 1);
    const auto bundled = load_questionnaires(TEBIKI_ASSESSMENT_DIR, d);
    const Questionnaire* v2 = nullptr;
    for (const Questionnaire& q : bundled)
        if (q.id == "readiness") v2 = &q;
    REQUIRE(v2);
    REQUIRE(v2->version == 2);

    auto opened = UserStore::open(dir / "tebiki.sqlite");
    AssessmentStore store(*opened.store);
    const int64_t dept = store.save_department({0, "○○区", "総務課", "", "", std::nullopt, "", ""});
    const int64_t kept = Session::start(store, dept, *v1);
    const int64_t moved = Session::start(store, dept, *v1);
    for (int64_t id : {kept, moved}) {
        auto s = Session::open(store, id, nullptr);
        REQUIRE(s);
        for (auto& [question, answer] : std::vector<std::pair<std::string, Answer>>{
                 {"top_commitment", Answer::of_choice("announced")},
                 {"top_message", Answer::of_flag(true)},
                 {"report_to_top", Answer::of_flag(false)},
                 {"policy_check", Answer::of_choice("done")},
                 {"home_rules", Answer::of_choice("drafting")},
                 {"takeout", Answer::of_choice("known")},
                 {"survey", Answer::of_flag(true)},
                 {"briefing", Answer::of_choices({"managers"})},
                 {"share_pros_cons", Answer::of_flag(true)},
                 {"start_end", Answer::of_choice("mail")},
                 {"access", Answer::unknown()},
                 {"weekly_hours", Answer::of_choice("other")},
                 {"weekly_hours_other", Answer::of_text("unknown")}})
            REQUIRE_MESSAGE(s->set_answer(-1, question, answer), question);
        s->set_current_question("home_rules");
        s->finish();
    }

    // Not migrated: read back on the version 1 text it was taken on, and scored by today's engine.
    auto old = Session::open(store, kept, nullptr);
    REQUIRE(old);
    CHECK(old->questionnaire().version == 1);
    CHECK(old->answer(-1, "home_rules") == Answer::of_choice("drafting"));
    const Result old_result = old->result();
    CHECK(old_result.counts.answered == 12);
    CHECK(old_result.no_level == Result::NoLevel::FewAnswers);  // 13 of 56 answered: no level, as the rules say

    // Migrated: the answers are on version 2, merged questions read the most cautious way.
    Message error;
    REQUIRE(Session::migrate(store, moved, *v2, &error));
    auto now = Session::open(store, moved, nullptr);
    REQUIRE(now);
    CHECK(now->questionnaire().version == 2);
    CHECK(now->answer(-1, "top_commitment") == Answer::of_choices({"announced", "message"}));
    CHECK(now->answer(-1, "policy_check") == Answer::of_choice("drafting"));
    CHECK(now->answer(-1, "survey") == Answer::of_choice("planned"));
    CHECK(now->answer(-1, "briefing") == Answer::of_choices({"managers", "pros_cons"}));
    CHECK(now->answer(-1, "start_end") == Answer::of_choice("mail"));
    CHECK(now->answer(-1, "access").kind == Answer::Kind::Unknown);
    CHECK(now->answer(-1, "weekly_hours_other") == Answer::of_text("unknown"));  // a typed word stays text
    CHECK(now->answers(-1).count("home_rules") == 0);
    CHECK(now->record().current_question == "policy_check");
    CHECK(now->finished());
    const Result result = now->result();
    CHECK(result.questionnaire->version == 2);
    CHECK(result.confirmations() > 0);  // access わからない: 確認が必要
    // Migrating again changes nothing.
    REQUIRE(Session::migrate(store, moved, *v2, &error));
    CHECK(Session::open(store, moved, nullptr)->answers(-1) == now->answers(-1));
}
