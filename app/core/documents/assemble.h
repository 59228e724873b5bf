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

// The department a document is drafted for, and the municipality's own 例規 and organisation.
// Every municipality fact is optional: an empty text takes the regulation's [profile_defaults]
// (「○○」 placeholders); see profile.h for the file format and the names templates see.
struct Profile {
    std::string municipality, department, head_title, head_name, staff_count, contact;
    std::string working_hours_ordinance;  // 「職員の勤務時間、休暇等に関する条例（平成7年都農町条例第1号）」
    std::string salary_ordinance;         // 「職員の給与に関する条例（昭和26年都農町条例第10号）」
    std::string enactment = "訓令";       // 訓令 | 告示 | 要綱決定
    std::string enactment_number;         // 「3」; empty: ○
    std::string admin_head;               // the post that runs the 要綱 (総務課長, 総務部長)
    std::string mayor;                    // 首長 (町長); empty: from the municipality's name
    bool all_appointers = false;          // 職員 = staff of every 任命権者, not only the 首長の事務部局
    std::vector<std::string> exclude = {"臨時的任用職員", "会計年度任用職員", "条件付採用期間中の職員", "派遣中の職員"};
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

// Checks option values a user chose (command line or window) and normalises yes/no values
// (はい/いいえ → true/false) in place. Returns Japanese messages naming the option: unknown
// option, empty text, a yes/no value that is not true/false/はい/いいえ.
std::vector<std::string> check_overrides(const DocumentSet& documents, std::map<std::string, std::string>& overrides);

struct Block {
    enum class Kind { Title, Line, Heading, Article, Paragraph, Item, Supplementary, Table, Note, PageBreak };
    Kind kind = Kind::Line;
    FormLine::Align align = FormLine::Align::Left;
    std::string label;           // 第1条, 2, (1), 注1 …
    std::string text;
    std::vector<FormRow> rows;   // Table
};

struct Draft {
    std::string id;
    std::string title;
    bool form = false;
    Date date;                        // the drafting date (PDF/DOCX creation date)
    std::vector<Block> blocks;
    std::vector<std::string> errors;  // Japanese; a draft with errors must not be written
};

// The documents that apply with these inputs (a form's `when` may leave it out), regulation first.
std::vector<const DocumentDef*> applicable_documents(const DraftInputs& in);
// The regulation comes with its 別記様式 (the applicable forms, blank, after the 附則); a form
// alone is filled in for the department.
Draft assemble(const DraftInputs& in, std::string_view document_id);

// A file name from the document and department: no '/', '\\', "..", control or reserved
// characters, at most about 120 bytes, never empty.
std::string safe_file_stem(const std::string& text);

// Where a reference points after renumbering: article 3, paragraph 2 of 4, item 1 (0: not named).
struct Place {
    int article = 0, paragraph = 0, paragraphs = 0, item = 0;
};
// "第3条第1項第2号" for `target`; 0 leaves a level out, and paragraph 1 of a one-paragraph article is
// not named. Seen from `from` (the text being written) inside the same article the 条 is left
// out (「第2項」, 「第1項第1号」) and the preceding 項 or 号 is 「前項」 / 「前号」 (法制執務).
std::string article_reference(const Place& target, const Place& from = {});
std::string article_reference(int article, int paragraph, int paragraphs, int item);
std::string full_width_number(int n);  // 12 → "１２"

}  // namespace tebiki::documents
