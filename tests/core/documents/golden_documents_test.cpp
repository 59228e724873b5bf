// Golden tests for the bundled 要綱 and 様式. Two kinds of fixture in tests/data/documents:
// - NAME.answers.toml: a readiness answers file, drafted with profile.toml;
// - NAME.case.toml: `profile` (a file in the same folder), optional `answers` (a file), `date`
//   (YYYY-MM-DD) and a [set] table of option values, as `tebiki generate --set` gives them.
// Every document that applies is drafted (date 2026-11-25 unless the case says otherwise) and the
// Markdown of all of them must equal NAME.expected.md. Regenerate with TEBIKI_UPDATE_GOLDEN=1.
#include "bundled_documents.h"

#include <toml++/toml.h>

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

namespace {

using Bundled = test::BundledDocuments;

const fs::path& dir() {
    static const fs::path d = fs::path(TEBIKI_TEST_DATA) / "documents";
    return d;
}

// Drafts every applicable document of `in` and compares the Markdown with `expected_file`.
void compare_with_golden(const DraftInputs& in, const fs::path& expected_file) {
    std::string actual;
    for (const DocumentDef* doc : applicable_documents(in)) {
        const Draft draft = assemble(in, doc->id);
        for (const std::string& e : draft.errors) FAIL_CHECK(doc->id << ": " << e);
        actual += "<!-- " + doc->id + " -->\n" + to_markdown(draft);
    }
    if (std::getenv("TEBIKI_UPDATE_GOLDEN")) write_file_atomic(expected_file, actual);
    const auto expected = read_file(expected_file);
    REQUIRE_MESSAGE(expected, "missing " << expected_file.string() << " (run with TEBIKI_UPDATE_GOLDEN=1)");
    CHECK(actual == *expected);
}

bool load_answers_into(const Bundled& b, const fs::path& file, DraftInputs& in) {
    assessment::AnswersFile answers;
    Diagnostics d;
    const bool ok = assessment::load_answers(file, *b.readiness, answers, d);
    for (const Diagnostic& x : d) FAIL_CHECK(x.to_string());
    in.answers = answers.answers;
    return ok && d.empty();
}

}  // namespace

TEST_CASE("[Golden] bundled documents draft every answer fixture exactly as recorded") {
    Bundled b;
    check_document_conditions(b.set, b.questionnaires, b.problems);
    for (const Diagnostic& d : b.problems) FAIL_CHECK(d.to_string());
    REQUIRE(b.readiness);
    Profile profile;
    Diagnostics problems;
    REQUIRE(load_profile(dir() / "profile.toml", profile, problems));
    int compared = 0;
    for (const auto& entry : fs::directory_iterator(dir())) {
        const std::string name = entry.path().filename().string();
        if (!name.ends_with(".answers.toml")) continue;
        CAPTURE(name);
        DraftInputs in;
        in.documents = &b.set;
        in.questionnaire = b.readiness;
        in.profile = profile;
        in.date = {2026, 11, 25};
        REQUIRE(load_answers_into(b, entry.path(), in));
        compare_with_golden(in, dir() / (name.substr(0, name.size() - 13) + ".expected.md"));
        ++compared;
    }
    CHECK(compared >= 3);
}

TEST_CASE("[Golden] profile and option cases (町, 特別区, scope, allowance, order-only, satellite) draft as recorded") {
    const Bundled b;
    REQUIRE(b.readiness);
    int compared = 0;
    for (const auto& entry : fs::directory_iterator(dir())) {
        const std::string name = entry.path().filename().string();
        if (!name.ends_with(".case.toml")) continue;
        CAPTURE(name);
        const toml::table c = toml::parse_file(entry.path().string());
        DraftInputs in;
        in.documents = &b.set;
        in.questionnaire = b.readiness;
        in.date = {2026, 11, 25};
        Diagnostics problems;
        REQUIRE(load_profile(dir() / c["profile"].value_or(std::string("profile.toml")), in.profile, problems));
        for (const Diagnostic& d : problems) FAIL_CHECK(d.to_string());
        if (const auto answers = c["answers"].value<std::string>()) REQUIRE(load_answers_into(b, dir() / *answers, in));
        if (const auto date = c["date"].value<std::string>()) in.date = parse_date(*date).value_or(in.date);
        if (const toml::table* set = c["set"].as_table())
            for (const auto& [key, value] : *set) in.overrides[std::string(key.str())] = value.value_or(std::string());
        for (const std::string& e : check_overrides(b.set, in.overrides)) FAIL_CHECK(e);
        compare_with_golden(in, dir() / (name.substr(0, name.size() - 10) + ".expected.md"));
        ++compared;
    }
    CHECK(compared >= 6);
}
