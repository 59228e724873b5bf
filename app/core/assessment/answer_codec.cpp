#include "assessment/answer_codec.h"

#include <cstdio>

#include "assessment/answers_file.h"

namespace tebiki::assessment {

namespace {

std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else out += c;
    }
    return out + "\"";
}

}  // namespace

std::string encode_answer(const Answer& a) {
    switch (a.kind) {
    case Answer::Kind::Unanswered: return {};
    case Answer::Kind::Unknown: return "\"unknown\"";
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
