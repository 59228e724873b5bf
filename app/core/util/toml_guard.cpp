#include "util/toml_guard.h"

#include <memory>
#include <string>
#include <vector>

namespace tebiki {

namespace {

// Follows TOML's lexical structure just far enough to know, for every '.', '{' and '[' outside
// strings and comments, how deep the value being defined is. It never accepts what toml++
// rejects (toml++ still parses everything); it only stops early what toml++ cannot survive.
class NestingScan {
public:
    explicit NestingScan(std::string_view text) : s_(text) {}

    // The position of the first place nested deeper than the limit, if any.
    bool too_deep(toml::source_position& where) {
        while (i_ < s_.size()) {
            const char c = s_[i_];
            if (c == '\n') {
                newline();
            } else if (c == '#') {
                while (i_ < s_.size() && s_[i_] != '\n') ++i_;
                continue;
            } else if (c == '"' || c == '\'') {
                skip_string(c);
                continue;
            } else if (c == '[' && levels_.empty() && key_ && at_line_start()) {
                header_ = 1;  // [a.b.c] or [[a.b.c]]: parts counted below, until the closing ]
                in_header_ = true;
                top_dots_ = 0;
            } else if (c == ']' && in_header_) {
                in_header_ = false;
            } else if (c == '.' && in_header_) {
                ++header_;
            } else if (c == '.' && key_context()) {
                ++(levels_.empty() ? top_dots_ : levels_.back().dots);
            } else if (c == '=' && !in_header_) {
                set_key(false);
            } else if (c == '{' || (c == '[' && !in_header_)) {
                levels_.push_back({c == '{', 0});
            } else if ((c == '}' || c == ']') && !levels_.empty()) {
                levels_.pop_back();
            } else if (c == ',' && !levels_.empty() && levels_.back().table) {
                levels_.back().key = true;
                levels_.back().dots = 0;
            }
            if ((c == '.' || c == '{' || c == '[') && depth() > kMaxTomlNesting) {
                where = {line_, toml::source_index(i_ - line_start_ + 1)};
                return true;
            }
            ++i_;
        }
        return false;
    }

private:
    struct Level {
        bool table;  // an inline table (keys inside) rather than an array
        int dots;    // dots of the key being read at this level
        bool key = true;
    };

    int depth() const {
        int d = header_ + top_dots_;
        for (const Level& l : levels_) d += 1 + l.dots;
        return d;
    }
    bool key_context() const { return levels_.empty() ? key_ : levels_.back().table && levels_.back().key; }
    void set_key(bool on) {
        if (levels_.empty()) key_ = on;
        else levels_.back().key = on;
    }
    bool at_line_start() const {
        for (size_t j = line_start_; j < i_; ++j)
            if (s_[j] != ' ' && s_[j] != '\t') return false;
        return true;
    }
    void newline() {
        ++line_;
        line_start_ = i_ + 1;
        in_header_ = false;
        if (levels_.empty()) {  // a new key-value pair (arrays may span lines; nothing else may)
            key_ = true;
            top_dots_ = 0;
        }
    }
    // Skips a basic ("…", """…""" with backslash escapes) or literal ('…', '''…''') string.
    void skip_string(char quote) {
        const bool multi = s_.substr(i_, 3) == std::string(3, quote);
        i_ += multi ? 3 : 1;
        while (i_ < s_.size()) {
            const char c = s_[i_];
            if (c == '\\' && quote == '"') {
                if (i_ + 1 < s_.size() && s_[i_ + 1] == '\n') {
                    ++i_;
                    newline();
                }
                i_ += 2;
                continue;
            }
            if (c == '\n') {
                if (!multi) return;  // not allowed: toml++ reports it; resume at the newline
                newline();
            }
            if (c == quote && (!multi || s_.substr(i_, 3) == std::string(3, quote))) {
                i_ += multi ? 3 : 1;
                while (multi && i_ < s_.size() && s_[i_] == quote) ++i_;  // """a"""" ends with a quote inside
                return;
            }
            ++i_;
        }
    }

    std::string_view s_;
    size_t i_ = 0;
    size_t line_start_ = 0;
    toml::source_index line_ = 1;
    int header_ = 0;      // parts of the current [table] header
    int top_dots_ = 0;    // dots of the top-level key being read
    bool key_ = true;     // reading a top-level key (before its '=')
    bool in_header_ = false;
    std::vector<Level> levels_;
};

}  // namespace

toml::table parse_toml(std::string_view text, std::string_view source_path) {
    toml::source_position where{};
    if (NestingScan(text).too_deep(where)) {
        throw toml::parse_error(("入れ子（表・ドット区切りのキー・配列）が深すぎます（" + std::to_string(kMaxTomlNesting) + "段まで）。")
                                    .c_str(),
                                where, std::make_shared<const std::string>(source_path));
    }
    return toml::parse(text, source_path);
}

}  // namespace tebiki
