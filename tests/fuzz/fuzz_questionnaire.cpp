// libFuzzer target: any bytes as a questionnaire, and any bytes as answers to the bundled
// readiness questionnaire, must load (or be reported), score and classify without crashing.
// Build as fuzz_markdown.cpp says, then: build-fuzz/tests/fuzz/fuzz_questionnaire -max_total_time=60
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "assessment/answers_file.h"
#include "assessment/scoring.h"

using namespace tebiki;
using namespace tebiki::assessment;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::optional<Questionnaire> readiness = [] {
        Diagnostics ignored;
        return load_questionnaire(TEBIKI_SOURCE_DIR "/assessment/readiness.toml", ignored);
    }();
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    Diagnostics diagnostics;
    if (auto q = parse_questionnaire(text, "fuzz.toml", diagnostics)) {
        score(*q, {});
        classify(*q, TaskAnswers{});
    }
    if (readiness) {
        AnswersFile answers;
        if (parse_answers(text, "fuzz-answers.toml", *readiness, answers, diagnostics)) {
            score(*readiness, answers.answers);
            for (const TaskAnswers& task : answers.tasks) classify(*readiness, task);
        }
    }
    return 0;
}
