#include "documents/writers.h"

namespace tebiki::documents {

namespace {

// Markdown treats a few characters specially at the start of a line or inside a table.
std::string table_cell(std::string text) {
    std::string out;
    for (char c : text) {
        if (c == '|') out += "\\|";
        else if (c == '\n') out += "<br>";
        else out += c;
    }
    return out;
}

}  // namespace

std::string to_markdown(const Draft& draft) {
    std::string out;
    for (const Block& b : draft.blocks) {
        switch (b.kind) {
        case Block::Kind::Title: out += "# " + b.text + "\n\n"; break;
        case Block::Kind::Line:
        case Block::Kind::Note: out += b.text + "\n\n"; break;
        case Block::Kind::Heading: out += b.text + "\n"; break;  // （目的） sits right above its article
        case Block::Kind::Article:
        case Block::Kind::Paragraph:
        case Block::Kind::Item: out += (b.label.empty() ? "" : b.label + "　") + b.text + "\n\n"; break;
        case Block::Kind::Supplementary: out += "## " + b.text + "\n\n"; break;
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
