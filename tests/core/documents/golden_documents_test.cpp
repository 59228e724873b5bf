// Golden tests for the bundled 要綱 and 様式: every tests/data/documents/NAME.answers.toml, with
// profile.toml and the date 2026-11-25, drafts every document that applies; the Markdown of all
// of them must equal NAME.expected.md. Regenerate with TEBIKI_UPDATE_GOLDEN=1.
#include "test_paths.h"
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

#include "assessment/answers_file.h"
#include "documents/check.h"
#include "documents/profile.h"
#include "documents/writers.h"
#include "util/file_io.h"

using namespace tebiki;
using namespace tebiki::documents;
namespace fs = std::filesystem;

TEST_CASE("[Golden] bundled documents draft every answer fixture exactly as recorded") {
    Diagnostics problems;
    const DocumentSet set = load_documents(fs::path(TEBIKI_ASSESSMENT_DIR) / "documents", problems);
    const auto questionnaires = assessment::load_questionnaires(TEBIKI_ASSESSMENT_DIR, problems);
    check_document_conditions(set, questionnaires, problems);
    for (const Diagnostic& d : problems) FAIL_CHECK(d.to_string());
    REQUIRE(set.regulation());
    const assessment::Questionnaire* readiness = nullptr;
    for (const auto& q : questionnaires)
        if (q.id == set.regulation()->questionnaire) readiness = &q;
    REQUIRE(readiness);

    const fs::path dir = fs::path(TEBIKI_TEST_DATA) / "documents";
    Profile profile;
    REQUIRE(load_profile(dir / "profile.toml", profile, problems));
    const bool update = std::getenv("TEBIKI_UPDATE_GOLDEN") != nullptr;
    int compared = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (!name.ends_with(".answers.toml")) continue;
        CAPTURE(name);
        assessment::AnswersFile answers;
        Diagnostics d;
        REQUIRE(assessment::load_answers(entry.path(), *readiness, answers, d));
        for (const Diagnostic& x : d) FAIL_CHECK(x.to_string());
        DraftInputs in;
        in.documents = &set;
        in.questionnaire = readiness;
        in.answers = answers.answers;
        in.profile = profile;
        in.date = {2026, 11, 25};
        std::string actual;
        for (const DocumentDef* doc : applicable_documents(in)) {
            const Draft draft = assemble(in, doc->id);
            for (const std::string& e : draft.errors) FAIL_CHECK(doc->id << ": " << e);
            actual += "<!-- " + doc->id + " -->\n" + to_markdown(draft);
        }
        const fs::path expected_file = dir / (name.substr(0, name.size() - 13) + ".expected.md");
        if (update) write_file_atomic(expected_file, actual);
        const auto expected = read_file(expected_file);
        REQUIRE_MESSAGE(expected, "missing " << expected_file.string() << " (run with TEBIKI_UPDATE_GOLDEN=1)");
        CHECK(actual == *expected);
        ++compared;
    }
    CHECK(compared >= 3);
}
