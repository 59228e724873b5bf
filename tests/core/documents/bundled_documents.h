// The bundled documents (assessment/documents) and the readiness questionnaire their options
// read, loaded once per test case; a fixture profile from tests/data/documents.
#pragma once
#include "test_paths.h"
#include <doctest/doctest.h>

#include "documents/profile.h"

namespace tebiki::test {

struct BundledDocuments {
    Diagnostics problems;
    documents::DocumentSet set;
    std::vector<assessment::Questionnaire> questionnaires;
    const assessment::Questionnaire* readiness = nullptr;
    BundledDocuments() {
        set = documents::load_documents(TEBIKI_ASSESSMENT_DIR / "documents", problems);
        questionnaires = assessment::load_questionnaires(TEBIKI_ASSESSMENT_DIR, problems);
        for (const auto& q : questionnaires)
            if (set.regulation() && q.id == set.regulation()->questionnaire) readiness = &q;
    }
    // Inputs for drafting with `profile` (a file of tests/data/documents) on 2026-11-25.
    documents::DraftInputs inputs(const std::string& profile = "profile.toml") const {
        documents::DraftInputs in;
        in.documents = &set;
        in.questionnaire = readiness;
        in.date = {2026, 11, 25};
        Diagnostics d;
        REQUIRE(documents::load_profile(TEBIKI_TEST_DATA / "documents" / profile, in.profile, d));
        return in;
    }
};

}  // namespace tebiki::test
