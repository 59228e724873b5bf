#include "assessment/toml_reader.h"

#include <algorithm>
#include <cmath>

namespace tebiki::assessment {

const toml::node* TomlReader::use(std::string_view key) {
    used_.emplace_back(key);
    return table_.get(key);
}

int TomlReader::line_of(std::string_view key) const {
    const toml::node* node = table_.get(key);
    return node ? int(node->source().begin.line) : line();
}

int TomlReader::column_of(std::string_view key) const {
    const toml::node* node = table_.get(key);
    return node ? int(node->source().begin.column) : 0;
}

std::string TomlReader::text(std::string_view key, bool required) {
    const toml::node* node = use(key);
    if (!node) {
        if (required) error(line(), 0, "「" + std::string(key) + "」がありません。");
        return {};
    }
    if (auto s = node->value<std::string>()) return *s;
    error_at(key, "「" + std::string(key) + "」は文字列（\"…\"）で書いてください。");
    return {};
}

std::optional<double> TomlReader::number(std::string_view key) {
    const toml::node* node = use(key);
    if (!node) return std::nullopt;
    if (node->is_number()) {  // integer or float
        const double v = *node->value<double>();
        if (std::isfinite(v)) return v;
        error_at(key, "「" + std::string(key) + "」に nan や inf は使えません。有限の数で書いてください。");
        return std::nullopt;
    }
    error_at(key, "「" + std::string(key) + "」は数で書いてください。");
    return std::nullopt;
}

std::optional<bool> TomlReader::flag(std::string_view key) {
    const toml::node* node = use(key);
    if (!node) return std::nullopt;
    if (node->is_boolean()) return *node->value<bool>();
    error_at(key, "「" + std::string(key) + "」は true か false で書いてください。");
    return std::nullopt;
}

std::vector<std::string> TomlReader::texts(std::string_view key) {
    const toml::node* node = use(key);
    std::vector<std::string> out;
    if (!node) return out;
    if (auto s = node->value<std::string>()) {
        out.push_back(*s);
        return out;
    }
    if (const toml::array* array = node->as_array()) {
        for (const toml::node& item : *array) {
            if (auto s = item.value<std::string>()) out.push_back(*s);
            else error(int(item.source().begin.line), int(item.source().begin.column), "「" + std::string(key) + "」の要素は文字列で書いてください。");
        }
        return out;
    }
    error_at(key, "「" + std::string(key) + "」は文字列か文字列の配列で書いてください。");
    return out;
}

std::vector<const toml::table*> TomlReader::tables(std::string_view key) {
    const toml::node* node = use(key);
    std::vector<const toml::table*> out;
    if (!node) return out;
    const toml::array* array = node->as_array();
    if (!array) {
        error_at(key, "「" + std::string(key) + "」は [[" + std::string(key) + "]] の表として書いてください。");
        return out;
    }
    for (const toml::node& item : *array) {
        if (const toml::table* t = item.as_table()) out.push_back(t);
        else error(int(item.source().begin.line), int(item.source().begin.column), "「" + std::string(key) + "」の要素は表で書いてください。");
    }
    return out;
}

const toml::table* TomlReader::table(std::string_view key) {
    const toml::node* node = use(key);
    if (!node) return nullptr;
    if (const toml::table* t = node->as_table()) return t;
    error_at(key, "「" + std::string(key) + "」は [" + std::string(key) + "] の表として書いてください。");
    return nullptr;
}

void TomlReader::report_unknown_keys() {
    for (auto&& [key, value] : table_) {
        if (std::find(used_.begin(), used_.end(), key.str()) != used_.end()) continue;
        error(int(key.source().begin.line), int(key.source().begin.column), "未知のキー「" + std::string(key.str()) + "」です。");
    }
}

void read_condition(TomlReader& r, std::string_view key, Condition& out, std::string& text) {
    text = r.text(key);
    ParseError error;
    if (!parse_condition(text, out, error)) {
        // The value node starts at its opening quote, so the condition's column n is one further.
        r.error(r.line_of(key), r.column_of(key) + error.column, "条件式: " + error.message);
        out = Condition{};
    }
}

}  // namespace tebiki::assessment
