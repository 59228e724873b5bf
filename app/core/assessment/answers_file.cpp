#include "assessment/answers_file.h"

#include <algorithm>
#include <cmath>

#include <toml++/toml.h>

#include "assessment/toml_reader.h"
#include "util/file_io.h"
#include "util/toml_guard.h"

namespace tebiki::assessment {

std::string validate_answer(const Question& question, const Answer& answer) {
    switch (answer.kind) {
    case Answer::Kind::Unanswered: return {};
    case Answer::Kind::Unknown:
        return question.allow_unknown ? "" : "この質問には「わからない」で答えられません。";
    case Answer::Kind::Choice:
        if (question.type != QuestionType::Single) break;
        return question.option(answer.choice) ? "" : "選択肢「" + answer.choice + "」はありません。";
    case Answer::Kind::Choices:
        if (question.type != QuestionType::Multiple) break;
        for (const std::string& id : answer.choices)
            if (!question.option(id)) return "選択肢「" + id + "」はありません。";
        return {};
    case Answer::Kind::Number:
        if (question.type != QuestionType::Number) break;
        if (!std::isfinite(answer.number)) return "数として読めません。";
        if (question.min && answer.number < *question.min) return "数が小さすぎます（" + std::to_string(int(*question.min)) + " 以上）。";
        if (question.max && answer.number > *question.max) return "数が大きすぎます（" + std::to_string(int(*question.max)) + " 以下）。";
        return {};
    case Answer::Kind::Flag:
        return question.type == QuestionType::YesNo ? "" : "true / false で答える質問ではありません。";
    case Answer::Kind::Text:
        return question.type == QuestionType::Text ? "" : "文字で答える質問ではありません。";
    }
    static const char* expected[] = {"選択肢の id（\"…\"）", "選択肢の id の配列", "true か false", "数", "文字（\"…\"）"};
    return std::string("答えの形が違います。") + expected[int(question.type)] + " で書いてください。";
}

namespace {

Answer answer_from_node(const toml::node& node) {
    // Test the node's own type: toml++'s value<T>() would quietly turn 3 into true.
    if (node.is_string()) {
        const std::string s = *node.value<std::string>();
        return s == "unknown" ? Answer::unknown() : Answer::of_text(s);
    }
    if (node.is_boolean()) return Answer::of_flag(*node.value<bool>());
    if (node.is_number()) return Answer::of_number(*node.value<double>());
    if (const toml::array* array = node.as_array()) {
        std::vector<std::string> ids;
        for (const toml::node& item : *array)
            if (auto s = item.value<std::string>()) ids.push_back(*s);
        return Answer::of_choices(std::move(ids));
    }
    return {};
}

// A string answer is a choice for choice questions and a text otherwise.
Answer shaped_for(const Question& question, Answer answer) {
    if (answer.kind == Answer::Kind::Text && question.type == QuestionType::Single) return Answer::of_choice(answer.text);
    return answer;
}

void read_answer_table(const toml::table& table, const std::string& file, const Questionnaire& q, AnswerMap& out,
                       Diagnostics& diagnostics) {
    // toml++ keeps keys sorted; report in the file's order so messages read top to bottom.
    std::vector<std::pair<const toml::key*, const toml::node*>> entries;
    for (auto&& [key, node] : table) entries.emplace_back(&key, &node);
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
        return a.first->source().begin.line < b.first->source().begin.line;
    });
    for (auto [key_ptr, node_ptr] : entries) {
        const toml::key& key = *key_ptr;
        const toml::node& node = *node_ptr;
        const int line = int(key.source().begin.line), column = int(key.source().begin.column);
        const std::string id(key.str());
        const Question* question = q.question(id);
        if (!question) {
            diagnostics.push_back({file, line, column, "回答「" + id + "」: 質問票「" + q.id + "」にこの質問はありません。"});
            continue;
        }
        const Answer answer = shaped_for(*question, answer_from_node(node));
        if (const std::string problem = validate_answer(*question, answer); !problem.empty()) {
            diagnostics.push_back({file, line, column, "回答「" + id + "」: " + problem});
            continue;
        }
        out[id] = answer;
    }
}

}  // namespace

bool parse_answers(std::string_view text, const std::string& file_name, const Questionnaire& q, AnswersFile& out,
                   Diagnostics& diagnostics) {
    toml::table root;
    try {
        root = parse_toml(text, file_name);
    } catch (const toml::parse_error& e) {
        diagnostics.push_back({file_name, int(e.source().begin.line), int(e.source().begin.column),
                               "TOML の書式が正しくありません: " + std::string(e.description())});
        return false;
    }
    TomlReader r(root, file_name, diagnostics);
    if (const std::string id = r.text("questionnaire"); !id.empty() && id != q.id)
        r.error_at("questionnaire", "この回答は質問票「" + id + "」のものです（「" + q.id + "」ではありません）。");
    if (const toml::table* answers = r.table("answers")) read_answer_table(*answers, file_name, q, out.answers, diagnostics);
    for (const toml::table* t : r.tables("tasks")) {
        TomlReader tr(*t, file_name, diagnostics);
        TaskAnswers task;
        task.name = tr.text("name", true);
        if (const toml::table* answers = tr.table("answers")) read_answer_table(*answers, file_name, q, task.answers, diagnostics);
        out.tasks.push_back(std::move(task));
    }
    return true;
}

bool load_answers(const std::filesystem::path& file, const Questionnaire& q, AnswersFile& out, Diagnostics& diagnostics) {
    std::string error;
    auto text = read_file(file, &error);
    if (!text) {
        diagnostics.push_back({file.string(), 0, 0, error});
        return false;
    }
    return parse_answers(*text, file.string(), q, out, diagnostics);
}

}  // namespace tebiki::assessment
