// `tebiki generate DOC_ID --answers FILE.toml --profile FILE.toml --out PATH.{docx,pdf,md}
//  [--date YYYY-MM-DD] [--set OPTION=VALUE …]` and `tebiki list documents`.
#include <cstdio>

#include "assessment/answers_file.h"
#include "cli/commands.h"
#include "cli/print_diagnostics.h"
#include "documents/profile.h"
#include "documents/writers.h"

namespace tebiki::cli {

using namespace documents;

namespace {

const assessment::Questionnaire* find_questionnaire(const std::vector<assessment::Questionnaire>& all, const std::string& id) {
    for (const assessment::Questionnaire& q : all)
        if (q.id == id) return &q;
    return nullptr;
}

}  // namespace

bool read_date_option(const Options& options, Date& date) {
    date = today();
    const auto text = options.value("date");
    if (!text) return true;
    const auto parsed = parse_date(*text);
    if (!parsed || wareki(*parsed).empty()) {
        std::fprintf(stderr, "tebiki: --date は 2026-11-25 のように、明治以降の実在する日付で指定してください。\n");
        return false;
    }
    date = *parsed;
    return true;
}

int run_generate(const Options& options) {
    // --profile and --out are required, the document id is there: checked by parse().
    const auto answers_path = options.value("answers"), profile_path = options.value("profile"), out = options.value("out");
    Diagnostics diagnostics;
    const DocumentSet documents = load_documents(options.paths.assessment / "documents", diagnostics);
    const std::vector<assessment::Questionnaire> questionnaires = assessment::load_questionnaires(options.paths.assessment, diagnostics);
    if (!diagnostics.empty()) {
        print_diagnostics(options, diagnostics);
        return 1;
    }
    DraftInputs in;
    in.documents = &documents;
    const DocumentDef* regulation = documents.regulation();
    in.questionnaire = regulation ? find_questionnaire(questionnaires, regulation->questionnaire) : nullptr;
    if (answers_path) {
        if (!in.questionnaire) {
            std::fprintf(stderr, "tebiki: 要綱の questionnaire に指定された質問票がありません。\n");
            return 1;
        }
        assessment::AnswersFile answers;
        if (!assessment::load_answers(*answers_path, *in.questionnaire, answers, diagnostics) || !diagnostics.empty()) {
            print_diagnostics(options, diagnostics);
            return 1;
        }
        in.answers = answers.answers;
    }
    if (!load_profile(*profile_path, in.profile, diagnostics) || !diagnostics.empty()) {
        print_diagnostics(options, diagnostics);
        return 1;
    }
    if (!read_date_option(options, in.date)) return 2;
    for (const std::string& set : options.values_of("set")) {
        const size_t eq = set.find('=');
        if (eq == std::string::npos) {
            std::fprintf(stderr, "tebiki: --set は オプション=値 の形で指定してください（%s）。\n", set.c_str());
            return 2;
        }
        in.overrides[set.substr(0, eq)] = set.substr(eq + 1);
    }
    // Unknown options, empty texts and yes/no values other than true/false/はい/いいえ: each named.
    const std::vector<std::string> problems = check_overrides(documents, in.overrides);
    for (const std::string& p : problems) std::fprintf(stderr, "tebiki: %s\n", p.c_str());
    if (!problems.empty()) return 2;

    const Draft draft = assemble(in, options.positional[0]);
    for (const std::string& e : draft.errors) std::fprintf(stderr, "tebiki: %s\n", e.c_str());
    if (!draft.errors.empty()) return 1;
    std::string error;
    if (!write_draft(draft, *out, &error)) {
        std::fprintf(stderr, "tebiki: %s\n", error.c_str());
        return 1;
    }
    return 0;
}

int run_list_documents(const Options& options) {
    Diagnostics diagnostics;
    const DocumentSet documents = load_documents(options.paths.assessment / "documents", diagnostics);
    print_diagnostics(options, diagnostics);
    for (const DocumentDef& d : documents.documents)
        std::printf("%s\t%s\t%s\n", d.id.c_str(), d.kind == DocumentDef::Kind::Regulation ? "要綱" : "様式", d.title.c_str());
    if (const DocumentDef* regulation = documents.regulation())
        for (const DocOption& o : regulation->options)
            std::printf("  --set %s=%s\t%s\n", o.id.c_str(), o.default_value.c_str(), o.label.c_str());
    return documents.documents.empty() ? 1 : 0;
}

}  // namespace tebiki::cli
