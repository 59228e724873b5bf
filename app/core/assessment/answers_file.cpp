#include "assessment/answers_file.h"

#include <algorithm>

#include "assessment/answer_resolve.h"
#include "assessment/messages.h"
#include "assessment/toml_reader.h"
#include "util/file_io.h"
#include "util/toml_guard.h"

namespace tebiki::assessment {

Message validate_answer(const Question& question, const Answer& answer) { return check_answer(question, answer).message; }

namespace {

int line_of(const toml::node& n) { return int(n.source().begin.line); }
int column_of(const toml::node& n) { return int(n.source().begin.column); }

// Test the node's own type: toml++'s value<T>() would quietly turn 3 into true.
RawAnswer raw_from_node(std::string id, int line, int column, const toml::node& node) {
    RawAnswer raw;
    raw.id = std::move(id);
    raw.line = line;
    raw.column = column;
    if (node.is_string()) {
        raw.text = *node.value<std::string>();
        raw.kind = raw.text == "unknown" ? RawAnswer::Kind::Unknown : RawAnswer::Kind::String;
    } else if (node.is_boolean()) {
        raw.kind = RawAnswer::Kind::Bool;
        raw.flag = *node.value<bool>();
    } else if (node.is_number()) {
        raw.kind = RawAnswer::Kind::Number;
        raw.number = *node.value<double>();
    } else if (const toml::array* array = node.as_array()) {
        raw.kind = RawAnswer::Kind::Strings;
        for (const toml::node& item : *array) {
            if (!item.is_string()) {
                raw.kind = RawAnswer::Kind::Bad;
                raw.bad = {says::array_item, {}};
                raw.bad_column = column_of(item);
                raw.line = line_of(item);
                break;
            }
            raw.items.push_back(*item.value<std::string>());
            raw.item_columns.push_back(column_of(item));
        }
    } else if (node.is_table()) {
        raw.bad = {says::table_value, {}};
    } else {
        raw.bad = {says::date_value, {}};
    }
    return raw;
}

AnswerMap read_answer_table(const toml::table& table, const std::string& file, const Questionnaire& q, Diagnostics& diagnostics) {
    return resolve_answers(q, raw_answers(table), file, diagnostics);
}

}  // namespace

std::vector<RawAnswer> raw_answers(const toml::table& table) {
    // toml++ keeps keys sorted; report in the file's order so messages read top to bottom.
    std::vector<std::pair<const toml::key*, const toml::node*>> entries;
    for (auto&& [key, node] : table) entries.emplace_back(&key, &node);
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
        return a.first->source().begin.line < b.first->source().begin.line;
    });
    std::vector<RawAnswer> raws;
    for (auto [key, node] : entries)
        raws.push_back(raw_from_node(std::string(key->str()), int(key->source().begin.line), int(key->source().begin.column), *node));
    return raws;
}

RawAnswer raw_answer(std::string id, const toml::node& node) { return raw_from_node(std::move(id), line_of(node), column_of(node), node); }

bool parse_answers(std::string_view text, const std::string& file_name, const Questionnaire& q, AnswersFile& out,
                   Diagnostics& diagnostics) {
    toml::table root;
    try {
        root = parse_toml(text, file_name);
    } catch (const toml::parse_error& e) {
        diagnostics.push_back(diagnostic(file_name, int(e.source().begin.line), int(e.source().begin.column),
                                         {{says::toml_syntax, {std::string(e.description())}}}));
        return false;
    }
    TomlReader r(root, file_name, diagnostics);
    if (const std::string id = r.text("questionnaire"); !id.empty() && id != q.id)
        diagnostics.push_back(diagnostic(file_name, r.line_of("questionnaire"), r.column_of("questionnaire"), {{says::other_questionnaire, {id, q.id}}}));
    if (const toml::table* answers = r.table("answers")) out.answers = read_answer_table(*answers, file_name, q, diagnostics);
    for (const toml::table* t : r.tables("tasks")) {
        TomlReader tr(*t, file_name, diagnostics);
        TaskAnswers task;
        task.name = tr.text("name", true);
        if (const toml::table* answers = tr.table("answers")) task.answers = read_answer_table(*answers, file_name, q, diagnostics);
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
