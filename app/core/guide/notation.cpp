#include "guide/notation.h"

#include <system_error>

#include "util/file_io.h"
#include "util/toml_guard.h"

namespace tebiki {

namespace fs = std::filesystem;

namespace {

// A string or an array of strings; anything else is reported and ignored.
std::vector<std::string> strings_of(const toml::node& node, const std::string& file, const std::string& key,
                                    Diagnostics& errors) {
    std::vector<std::string> out;
    auto bad = [&] {
        errors.push_back({file, int(node.source().begin.line), int(node.source().begin.column),
                          "「" + key + "」は文字列か文字列の配列にしてください。"});
    };
    if (const auto* s = node.as_string()) {
        out.push_back(s->get());
    } else if (const auto* array = node.as_array()) {
        for (const toml::node& item : *array) {
            if (const auto* s = item.as_string()) out.push_back(s->get());
            else bad();
        }
    } else {
        bad();
    }
    return out;
}

NotationTerm read_term(const toml::table& table, const std::string& file, Diagnostics& errors) {
    NotationTerm term;
    term.line = int(table.source().begin.line);
    for (auto&& [key, value] : table) {
        const std::string k(key.str());
        const int line = int(value.source().begin.line), column = int(value.source().begin.column);
        if (k == "prefer" || k == "note") {
            if (const auto* s = value.as_string()) (k == "prefer" ? term.prefer : term.note) = s->get();
            else errors.push_back({file, line, column, "「" + k + "」は文字列にしてください。"});
        } else if (k == "avoid") {
            term.avoid = strings_of(value, file, k, errors);
        } else if (k == "except") {
            term.except = strings_of(value, file, k, errors);
        } else {
            errors.push_back({file, line, column, "未知のキー「" + k + "」（使えるのは prefer・avoid・note・except）。"});
        }
    }
    std::vector<std::string> kept;
    for (std::string& form : term.avoid) {
        if (form.empty())
            errors.push_back({file, term.line, 0, "avoid に空の文字列があります。"});
        else if (!term.prefer.empty() && term.prefer.find(form) != std::string::npos)
            errors.push_back({file, term.line, 0, "避ける表記「" + form + "」が統一する表記「" + term.prefer +
                                                      "」の一部です（統一した表記まで知らせてしまいます）。"});
        else
            kept.push_back(std::move(form));
    }
    const bool listed = !term.avoid.empty();
    term.avoid = std::move(kept);
    if (!listed) errors.push_back({file, term.line, 0, "避ける表記（avoid）がありません。"});
    return term;
}

// True when the avoided form at [pos, pos + length) lies inside one of the exception phrases.
bool excepted(std::string_view line, size_t pos, size_t length, const std::vector<std::string>& except) {
    for (const std::string& phrase : except) {
        if (phrase.empty()) continue;
        for (size_t at = line.find(phrase); at != std::string_view::npos; at = line.find(phrase, at + 1))
            if (at <= pos && pos + length <= at + phrase.size()) return true;
    }
    return false;
}

std::string message_for(const NotationTerm& term, const std::string& form) {
    std::string m = "表記: 「" + form + "」は";
    m += term.prefer.empty() ? "使いません" : "「" + term.prefer + "」に統一します";
    if (!term.note.empty()) m += "（" + term.note + "）";
    return m;
}

}  // namespace

NotationList load_notation(const fs::path& path, Diagnostics& errors) {
    NotationList list;
    std::error_code ec;
    if (!fs::exists(path, ec)) return list;
    const std::string file = path.string();
    std::string error;
    const auto text = read_file(path, &error);
    if (!text) {
        errors.push_back({file, 0, 0, error});
        return list;
    }
    try {
        const toml::table table = parse_toml(*text, file);
        for (auto&& [key, value] : table) {
            const std::string k(key.str());
            const auto* terms = value.as_array();
            if (k != "term" || !terms) {
                errors.push_back({file, int(value.source().begin.line), int(value.source().begin.column),
                                  "未知のキー「" + k + "」（表記は [[term]] の並びで書きます）。"});
                continue;
            }
            for (const toml::node& node : *terms) {
                if (const auto* t = node.as_table()) list.terms.push_back(read_term(*t, file, errors));
                else errors.push_back({file, int(node.source().begin.line), 0, "[[term]] は表にしてください。"});
            }
        }
    } catch (const toml::parse_error& e) {
        errors.push_back({file, int(e.source().begin.line), int(e.source().begin.column),
                          "TOML の書式が正しくありません: " + std::string(e.description())});
    }
    return list;
}

void check_notation(const std::string& file, std::string_view text, const NotationList& list, Diagnostics& warnings) {
    int number = 0;
    bool in_comment = false;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        ++number;
        // The visible part of the line: HTML comments (<!-- … -->, possibly over several lines) blanked.
        std::string line(text.substr(start, end - start));
        for (size_t i = 0; i < line.size();) {
            if (in_comment) {
                const size_t close = line.find("-->", i);
                const size_t stop = close == std::string::npos ? line.size() : close + 3;
                line.replace(i, stop - i, stop - i, ' ');
                if (close != std::string::npos) in_comment = false;
                i = stop;
            } else {
                const size_t open = line.find("<!--", i);
                if (open == std::string::npos) break;
                in_comment = true;
                i = open;
            }
        }
        for (const NotationTerm& term : list.terms)
            for (const std::string& form : term.avoid)
                for (size_t at = line.find(form); at != std::string::npos; at = line.find(form, at + form.size()))
                    if (!excepted(line, at, form.size(), term.except))
                        warnings.push_back({file, number, 0, message_for(term, form)});
        if (end == text.size()) break;
        start = end + 1;
    }
}

void check_notation(const Book& book, const NotationList& list, Diagnostics& warnings) {
    for (const Chapter& chapter : book.chapters) check_notation(chapter.file.string(), chapter.source, list, warnings);
}

}  // namespace tebiki
