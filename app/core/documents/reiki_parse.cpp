// Index of this file
// [SECTION] reading one line: labels, escapes
// [SECTION] the reader: lines → 条・項・号, 附則, 別記様式
#include "documents/reiki_parse.h"

#include <utility>

namespace tebiki::documents {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] reading one line: labels, escapes
//-----------------------------------------------------------------------------

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Reads one digit, ASCII or full width, at `pos`; returns its value or -1.
int digit_at(std::string_view s, size_t& pos) {
    if (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') return s[pos++] - '0';
    if (pos + 3 <= s.size() && static_cast<unsigned char>(s[pos]) == 0xEF && static_cast<unsigned char>(s[pos + 1]) == 0xBC) {
        const int d = static_cast<unsigned char>(s[pos + 2]) - 0x90;  // ０ is EF BC 90
        if (d >= 0 && d <= 9) {
            pos += 3;
            return d;
        }
    }
    return -1;
}

// A number at `pos` (one or more digits); -1 if none.
int number_at(std::string_view s, size_t& pos) {
    int n = -1;
    for (int d; (d = digit_at(s, pos)) >= 0;) n = (n < 0 ? 0 : n * 10) + d;
    return n;
}

// The separator between a label and its text: a full-width or an ASCII space.
bool separator_at(std::string_view s, size_t& pos) {
    if (starts_with(s.substr(pos), "　")) pos += 3;
    else if (pos < s.size() && s[pos] == ' ') ++pos;
    else return false;
    while (starts_with(s.substr(pos), "　") || (pos < s.size() && s[pos] == ' ')) pos += s[pos] == ' ' ? 1 : 3;
    return true;
}

struct Label {
    enum class Kind { None, Article, Paragraph, Item };
    Kind kind = Kind::None;
    int number = 0;
    std::vector<int> branches;  // 第3条の2 → {2}
    std::string label;          // as the 新旧対照表 prints it: 第3条の2, 2, (1)
    std::string text;
};

Label read_label(std::string_view s) {
    Label l;
    size_t pos = 0;
    if (starts_with(s, "第")) {
        pos = 3;
        const int n = number_at(s, pos);
        if (n < 0 || !starts_with(s.substr(pos), "条")) return {};
        pos += 3;
        l.label = "第" + std::to_string(n) + "条";
        while (starts_with(s.substr(pos), "の")) {
            size_t p = pos + 3;
            const int b = number_at(s, p);
            if (b < 0) break;
            l.branches.push_back(b);
            l.label += "の" + std::to_string(b);
            pos = p;
        }
        if (!separator_at(s, pos)) return {};
        l.kind = Label::Kind::Article;
        l.number = n;
    } else if (starts_with(s, "(") || starts_with(s, "（")) {
        pos = s[0] == '(' ? 1 : 3;
        const int n = number_at(s, pos);
        if (n < 0) return {};
        if (pos < s.size() && s[pos] == ')') ++pos;
        else if (starts_with(s.substr(pos), "）")) pos += 3;
        else return {};
        if (!separator_at(s, pos)) return {};
        l.kind = Label::Kind::Item;
        l.number = n;
        l.label = "(" + std::to_string(n) + ")";
    } else {
        const int n = number_at(s, pos);
        if (n < 0 || !separator_at(s, pos)) return {};
        l.kind = Label::Kind::Paragraph;
        l.number = n;
        l.label = std::to_string(n);
    }
    l.text = std::string(s.substr(pos));
    return l;
}

// Markdown escapes undone: a backslash before ASCII punctuation is dropped (to_markdown adds them).
std::string unescape(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size() && std::string_view("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~").find(s[i + 1]) != std::string_view::npos)
            ++i;
        out += s[i];
    }
    return out;
}

// 「（目的）」: a line that is one bracketed phrase and no sentence.
bool is_heading(std::string_view s) {
    return starts_with(s, "（") && s.size() >= 6 && s.substr(s.size() - 3) == "）" && s.size() <= 3 * 40 &&
           s.find("。") == std::string_view::npos && s.find("　") == std::string_view::npos;
}

// A table row of a form: 「| 欄名 | 記入内容 |」 → 「欄名　記入内容」 (<br> → line break). The
// header row and the |---| rule give nothing.
std::optional<std::string> table_row(std::string_view s) {
    if (!starts_with(s, "|")) return std::nullopt;
    std::vector<std::string> cells;
    std::string cell;
    for (size_t i = 1; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            cell += s.substr(i, 2);
            ++i;
        } else if (s[i] == '|') {
            cells.push_back(cell);
            cell.clear();
        } else {
            cell += s[i];
        }
    }
    auto trim = [](std::string t) {
        while (!t.empty() && t.front() == ' ') t.erase(0, 1);
        while (!t.empty() && t.back() == ' ') t.pop_back();
        for (size_t p; (p = t.find("<br>")) != std::string::npos;) t.replace(p, 4, "\n");
        return t;
    };
    if (cells.size() < 2 || cells[0].find("---") != std::string::npos || (trim(cells[0]) == "項目" && trim(cells[1]) == "内容"))
        return std::string();
    return unescape(trim(cells[0])) + "　" + unescape(trim(cells[1]));
}

//-----------------------------------------------------------------------------
// [SECTION] the reader: lines → 条・項・号, 附則, 別記様式
//-----------------------------------------------------------------------------

class Reader {
public:
    Reader(std::string file, Diagnostics& out) : file_(std::move(file)), out_(out) {}

    void line(int number, std::string_view raw) {
        std::string_view s = raw;
        while (!s.empty() && (s.back() == '\r' || s.back() == ' ')) s.remove_suffix(1);
        if (s.empty() || starts_with(s, "<!--") || s == "---" || s == "***") {
            open_ = nullptr;
            return;
        }
        if (mode_ == Mode::Forms) return form_line(number, s);
        if (starts_with(s, "# ")) {
            if (!r_.title.empty()) error(number, "題名（# で始まる行）が二つあります。比べる要綱は一つのファイルに一つにしてください。");
            r_.title = unescape(s.substr(2));
            open_ = &r_.title;
            return;
        }
        if (starts_with(s, "## ")) {
            if (s.find("附") == std::string_view::npos) error(number, "「## 」で始まる行は「## 附　則」だけです。");
            check_heading_used();
            mode_ = Mode::Supplementary;
            open_ = nullptr;
            return;
        }
        const std::string text = unescape(s);
        if (starts_with(text, "様式第") && text.find("号") != std::string::npos && text.find("。") == std::string::npos) {
            check_heading_used();
            mode_ = Mode::Forms;
            return form_line(number, s);
        }
        if (is_heading(text) && mode_ != Mode::Supplementary) {
            check_heading_used();
            heading_ = text;
            heading_line_ = number;
            open_ = nullptr;
            return;
        }
        const Label label = read_label(text);
        switch (label.kind) {
        case Label::Kind::Article: return article(number, label);
        case Label::Kind::Paragraph: return paragraph(number, label);
        case Label::Kind::Item: return item(number, label);
        case Label::Kind::None: break;
        }
        if (open_) {  // continues the line above (a soft line break)
            *open_ += text;
            return;
        }
        if (mode_ == Mode::Supplementary) {
            r_.supplementary.push_back({"", text, number, {}});
            open_ = &r_.supplementary.back().text;
        } else if (r_.articles.empty()) {
            r_.preamble.push_back(text);
            open_ = nullptr;
        } else {
            error(number, "条・項・号のいずれとしても読めない行です（「第1条　」「2　」「(1)　」のように番号と全角空白で始めてください）。");
        }
    }

    std::optional<ParsedRegulation> finish() {
        check_heading_used();
        if (r_.title.empty()) error(1, "題名（「# 」で始まる行）がありません。");
        if (r_.articles.empty()) error(1, "条（「第1条　」で始まる行）が一つもありません。");
        if (failed_) return std::nullopt;
        return std::move(r_);
    }

private:
    enum class Mode { Body, Supplementary, Forms };

    void error(int line, std::string message) {
        out_.push_back({file_, line, 0, std::move(message)});
        failed_ = true;
    }

    void check_heading_used() {
        if (!heading_.empty()) error(heading_line_, "見出し「" + heading_ + "」の次の行が条ではありません。");
        heading_.clear();
    }

    void article(int number, const Label& label) {
        if (mode_ == Mode::Supplementary) return error(number, "附則の中に条は置けません（附則は項だけで書いてください）。");
        if (!r_.articles.empty()) {
            const std::pair<int, std::vector<int>> now{label.number, label.branches}, before{last_number_, last_branches_};
            if (!(before < now)) error(number, label.label + "は、前の" + r_.articles.back().label + "より後の番号ではありません。");
        }
        last_number_ = label.number;
        last_branches_ = label.branches;
        ParsedArticle a;
        a.heading = std::exchange(heading_, std::string());
        a.label = label.label;
        a.line = number;
        a.paragraphs.push_back({"", label.text, number, {}});
        r_.articles.push_back(std::move(a));
        open_ = &r_.articles.back().paragraphs.back().text;
    }

    std::vector<ParsedParagraph>* paragraphs() {
        if (mode_ == Mode::Supplementary) return &r_.supplementary;
        return r_.articles.empty() ? nullptr : &r_.articles.back().paragraphs;
    }

    void paragraph(int number, const Label& label) {
        check_heading_used();
        std::vector<ParsedParagraph>* list = paragraphs();
        if (!list) return error(number, "項「" + label.label + "」の前に条がありません。");
        const int expected = mode_ == Mode::Supplementary ? int(list->size()) + 1 : int(list->size()) + 1;
        if (label.number != expected)
            return error(number, "項の番号が続いていません（" + std::to_string(expected) + "が来るはずのところに" + label.label + "があります）。");
        list->push_back({label.label, label.text, number, {}});
        open_ = &list->back().text;
    }

    void item(int number, const Label& label) {
        check_heading_used();
        std::vector<ParsedParagraph>* list = paragraphs();
        if (!list || list->empty()) return error(number, "号「" + label.label + "」の前に条・項がありません。");
        std::vector<ParsedItem>& items = list->back().items;
        if (label.number != int(items.size()) + 1)
            return error(number, "号の番号が続いていません（(" + std::to_string(items.size() + 1) + ")が来るはずのところに" + label.label + "があります）。");
        items.push_back({label.label, label.text, number});
        open_ = &items.back().text;
    }

    void form_line(int number, std::string_view s) {
        const std::string text = unescape(s);
        if (starts_with(text, "様式第") && text.find("号") != std::string::npos && text.find("。") == std::string::npos) {
            r_.forms.push_back({text, number, {}});
            open_ = nullptr;
            return;
        }
        if (r_.forms.empty()) return;
        std::vector<std::string>& lines = r_.forms.back().lines;
        if (const auto row = table_row(s)) {
            if (!row->empty()) lines.push_back(*row);
            open_ = nullptr;
            return;
        }
        const std::string body = starts_with(text, "# ") ? text.substr(2) : text;
        if (open_) *open_ += body;
        else {
            lines.push_back(body);
            open_ = &lines.back();
        }
    }

    std::string file_;
    Diagnostics& out_;
    ParsedRegulation r_;
    Mode mode_ = Mode::Body;
    std::string* open_ = nullptr;  // the text a continuation line joins
    std::string heading_;          // a 見出し waiting for its article
    int heading_line_ = 0;
    int last_number_ = 0;
    std::vector<int> last_branches_;
    bool failed_ = false;
};

}  // namespace

std::optional<ParsedRegulation> parse_reiki_markdown(std::string_view text, const std::string& file, Diagnostics& diagnostics) {
    Reader reader(file, diagnostics);
    int number = 0;
    for (size_t start = 0; start <= text.size();) {
        const size_t end = std::min(text.find('\n', start), text.size());
        reader.line(++number, text.substr(start, end - start));
        start = end + 1;
    }
    return reader.finish();
}

}  // namespace tebiki::documents
