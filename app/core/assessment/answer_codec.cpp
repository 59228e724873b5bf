#include "assessment/answer_codec.h"

#include <cstdio>

#include <toml++/toml.h>

#include "assessment/answers_file.h"

namespace tebiki::assessment {

namespace {

// A TOML basic string: quotes, backslashes and every control character escaped, so any text a
// user typed (pasted tabs, DEL …) reads back exactly.
std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20 || u == 0x7F) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\u%04X", u);
            out += buffer;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

// 「わからない」 is stored as this bare word: a text answer that happens to read "unknown" is
// stored quoted and stays text.
constexpr const char* kUnknown = "unknown";

}  // namespace

std::string encode_answer(const Answer& a) {
    switch (a.kind) {
    case Answer::Kind::Unanswered: return {};
    case Answer::Kind::Unknown: return kUnknown;
    case Answer::Kind::Choice: return quoted(a.choice);
    case Answer::Kind::Text: return quoted(a.text);
    case Answer::Kind::Flag: return a.flag ? "true" : "false";
    case Answer::Kind::Number: {
        char buffer[40];
        std::snprintf(buffer, sizeof buffer, "%.17g", a.number);
        return buffer;
    }
    case Answer::Kind::Choices: {
        std::string out = "[";
        for (size_t i = 0; i < a.choices.size(); ++i) out += (i ? ", " : "") + quoted(a.choices[i]);
        return out + "]";
    }
    }
    return {};
}

std::optional<Answer> decode_answer(const Question& question, const std::string& text) {
    if (text == kUnknown) return question.allow_unknown ? std::optional<Answer>(Answer::unknown()) : std::nullopt;
    if (question.type == QuestionType::Text) {
        // Read the string directly: the answers-file rule that "unknown" means 「わからない」 must
        // not turn a typed word into no answer.
        try {
            const toml::table t = toml::parse("v = " + text);
            if (auto value = t["v"].value<std::string>()) return Answer::of_text(*value);
        } catch (const toml::parse_error&) {
        }
        return std::nullopt;
    }
    // One questionnaire with just this question, one answers file with just this answer: the
    // same parsing and validation as `tebiki assess`, so the two can never disagree.
    Questionnaire single;
    single.id = "stored";
    single.questions.push_back(question);
    AnswersFile parsed;
    Diagnostics problems;
    if (!parse_answers("[answers]\n" + question.id + " = " + text + "\n", "(stored)", single, parsed, problems) ||
        !problems.empty())
        return std::nullopt;
    const auto it = parsed.answers.find(question.id);
    if (it == parsed.answers.end()) return std::nullopt;
    return it->second;
}

}  // namespace tebiki::assessment
