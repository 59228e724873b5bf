// Reads one TOML table field by field and reports, as file:line:col, every value of the wrong
// type and every key the format does not know (typos must not pass silently).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "assessment/condition.h"
#include "util/diagnostics.h"

namespace tebiki::assessment {

class TomlReader {
public:
    TomlReader(const toml::table& table, std::string file, Diagnostics& out) : table_(table), file_(std::move(file)), out_(out) {}
    ~TomlReader() { report_unknown_keys(); }

    std::string text(std::string_view key, bool required = false);
    std::optional<double> number(std::string_view key);
    std::optional<bool> flag(std::string_view key);
    // A string or an array of strings.
    std::vector<std::string> texts(std::string_view key);
    // An array of tables ([[key]]); reports anything else.
    std::vector<const toml::table*> tables(std::string_view key);
    const toml::table* table(std::string_view key);

    int line() const { return int(table_.source().begin.line); }
    int line_of(std::string_view key) const;
    int column_of(std::string_view key) const;
    void error(int line, int column, std::string message) { out_.push_back({file_, line, column, std::move(message)}); }
    void error_at(std::string_view key, std::string message) { error(line_of(key), column_of(key), std::move(message)); }
    // The same, said by id (worded from strings/ja.toml by the CLI and the window).
    void error(int line, int column, Message message) { out_.push_back(diagnostic(file_, line, column, {std::move(message)})); }
    void error_at(std::string_view key, Message message) { error(line_of(key), column_of(key), std::move(message)); }
    const std::string& file() const { return file_; }
    Diagnostics& diagnostics() { return out_; }

private:
    const toml::node* use(std::string_view key);
    void report_unknown_keys();

    const toml::table& table_;
    std::string file_;
    Diagnostics& out_;
    std::vector<std::string> used_;
};

// A condition field (show_if, when): parsed, with a syntax error reported at the offending
// character of the TOML line; on error `out` is Always.
void read_condition(TomlReader& r, std::string_view key, Condition& out, std::string& text);

}  // namespace tebiki::assessment
