// From definitions + a department's answers + options to a Draft: the document's text with every
// condition applied, 条・項・号 and 様式 numbered, references and placeholders filled in. The
// Markdown, Word and PDF writers all draw the same Draft.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "assessment/questionnaire.h"
#include "documents/document_model.h"
#include "documents/wareki.h"

namespace tebiki::documents {

struct Profile {
    std::string municipality, department, head_title, head_name, staff_count, contact;
};

struct DraftInputs {
    const DocumentSet* documents = nullptr;
    const assessment::Questionnaire* questionnaire = nullptr;  // whose answers these are (for labels)
    assessment::AnswerMap answers;
    Profile profile;
    Date date;
    std::map<std::string, std::string> overrides;  // option id → value ("true"/"false" or text)
};

struct OptionValue {
    const DocOption* option = nullptr;
    std::string value;
    bool settled = false;     // decided by the answers (a case held)
    bool overridden = false;  // set by the user
};

std::vector<OptionValue> resolve_options(const DraftInputs& in);

struct Block {
    enum class Kind { Title, Line, Heading, Article, Paragraph, Item, Supplementary, Table, Note };
    Kind kind = Kind::Line;
    FormLine::Align align = FormLine::Align::Left;
    std::string label;           // 第1条, ２, (1), 附　則 …
    std::string text;
    std::vector<FormRow> rows;   // Table
};

struct Draft {
    std::string id;
    std::string title;
    bool form = false;
    std::vector<Block> blocks;
    std::vector<std::string> errors;  // Japanese; a draft with errors must not be written
};

// The documents that apply with these inputs (a form's `when` may leave it out), regulation first.
std::vector<const DocumentDef*> applicable_documents(const DraftInputs& in);
Draft assemble(const DraftInputs& in, std::string_view document_id);

// A file name from the document and department: no '/', '\\', "..", control or reserved
// characters, at most about 120 bytes, never empty.
std::string safe_file_stem(const std::string& text);

// "第3条第1項第2号" for article 3, paragraph 1 (of `paragraphs` in that article), item 2; 0 leaves
// a level out. Paragraph 1 of a one-paragraph article is not named.
std::string article_reference(int article, int paragraph, int paragraphs, int item);
std::string full_width_number(int n);  // 12 → "１２"

}  // namespace tebiki::documents
