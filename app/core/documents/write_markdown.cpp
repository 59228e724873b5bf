#include "documents/writers.h"

namespace tebiki::documents {

// Text as Markdown shows it literally: ASCII punctuation that Markdown would read as markup is
// backslash-escaped (CommonMark allows that for any ASCII punctuation), so a department called
// "<b>課" stays text.
std::string markdown_text(const std::string& text, bool in_table) {
    std::string out;
    bool line_start = true;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (std::string_view("\\`*_[]<>#|&!~").find(c) != std::string_view::npos) out += '\\';
        // At the start of a line, a list marker or an indent would turn the line into markup.
        else if (line_start && (c == '-' || c == '+' || c == ' ')) out += '\\';
        else if (line_start && c >= '0' && c <= '9') {
            size_t j = i;
            while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
            if (j < text.size() && (text[j] == '.' || text[j] == ')')) {
                out.append(text, i, j - i);
                out += '\\';
                i = j - 1;
                line_start = false;
                continue;
            }
        }
        if (c == '\n' && in_table) out += "<br>";
        else out += c;
        line_start = c == '\n';
    }
    return out;
}

namespace {

std::string escape(const std::string& text) { return markdown_text(text, false); }
std::string table_cell(const std::string& text) { return markdown_text(text, true); }

}  // namespace

std::string to_markdown(const Draft& draft) {
    std::string out;
    for (const Block& b : draft.blocks) {
        switch (b.kind) {
        case Block::Kind::Title: out += "# " + escape(b.text) + "\n\n"; break;
        case Block::Kind::Line: out += escape(b.text) + "\n\n"; break;
        case Block::Kind::Note: out += (b.label.empty() ? "" : escape(b.label) + "　") + escape(b.text) + "\n\n"; break;
        case Block::Kind::PageBreak: out += "---\n\n"; break;  // the 別記様式 start on a page of their own
        case Block::Kind::Heading: out += escape(b.text) + "\n"; break;  // （目的） sits right above its article
        case Block::Kind::Article:
        case Block::Kind::Paragraph:
        case Block::Kind::Item: out += (b.label.empty() ? "" : escape(b.label) + "　") + escape(b.text) + "\n\n"; break;
        case Block::Kind::Supplementary: out += "## " + escape(b.text) + "\n\n"; break;
        case Block::Kind::Table:
            out += "| 項目 | 内容 |\n|---|---|\n";
            for (const FormRow& r : b.rows) out += "| " + table_cell(r.label) + " | " + table_cell(r.value) + " |\n";
            out += "\n";
            break;
        }
    }
    return out;
}

}  // namespace tebiki::documents
