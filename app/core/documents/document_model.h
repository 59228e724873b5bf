// The documents tebiki drafts, as loaded from assessment/documents/*.toml (format in that
// folder's README): one regulation (要綱) with its options and articles, and its forms (様式).
// Text fields are mustache templates; numbering is computed later (assemble.h).
#pragma once
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "assessment/condition.h"
#include "util/diagnostics.h"

namespace tebiki::documents {

using assessment::Condition;

struct Guarded {  // anything that may be left out: its condition and where it was written
    Condition when;
    std::string when_text;
    int line = 0;
};

struct OptionCase : Guarded {
    std::string value;  // text options; "true"/"false" for yes/no options
};

struct DocOption {
    std::string id;
    std::string label;
    bool yesno = true;
    std::string default_value;  // "true"/"false" or text
    std::vector<OptionCase> cases;
    int line = 0;
};

struct Item : Guarded {
    std::string id;  // default: 1-based position in the file
    std::string text;
};

struct Paragraph : Guarded {
    std::string id;
    std::string text;
    std::vector<Item> items;
};

struct Article : Guarded {
    std::string id;
    std::string heading;  // printed as （heading）
    std::vector<Paragraph> paragraphs;
};

struct FormLine {
    enum class Align { Left, Center, Right };
    Align align = Align::Left;
    std::string text;
};

struct FormRow : Guarded {  // the row is printed only when `when` holds
    std::string label;
    std::string value;
    int lines = 1;
};

// A statute or ordinance the regulation cites: printed in full with its number where the draft
// first names it and by its name (or `short`) afterwards, wherever conditions put that first use.
struct LawDef {
    std::string id;
    std::string title;  // 「地方公務員法（昭和25年法律第261号）」; a template (profile values)
    std::string short_name;  // 「勤務時間条例」: defined as 「（…。以下「勤務時間条例」という。）」
    int line = 0;
};

// A combination of options the regulation cannot be drafted with: `when` must hold.
struct Requirement : Guarded {
    std::string message;  // Japanese, names the options to change
};

struct DocumentDef : Guarded {
    enum class Kind { Regulation, Form };
    std::filesystem::path file;
    std::string id;
    Kind kind = Kind::Form;
    std::string title;
    // Regulation
    std::string draft_mark;  // 「（案）{{date}}」 above the title
    std::string enactment;   // may hold \n: one right-aligned line each
    std::string questionnaire;
    std::vector<LawDef> laws;
    std::map<std::string, std::string> profile_defaults;  // profile text name → template used when empty
    std::map<std::string, std::string> blank_forms;       // profile values the 別記様式 print (blank boxes)
    std::vector<Requirement> requirements;
    std::vector<DocOption> options;
    std::vector<Article> articles;
    std::vector<Paragraph> supplementary;  // 附則
    // Form
    std::vector<FormLine> lines;
    std::vector<FormRow> rows;
    std::vector<FormLine> notes;
};

struct DocumentSet {
    std::vector<DocumentDef> documents;  // the regulation first, then forms by file name

    const DocumentDef* regulation() const;
    const DocumentDef* find(std::string_view id) const;
};

// Calls `f` with every template text of `d` and the line it was read from.
void for_each_text(const DocumentDef& d, const std::function<void(const std::string&, int)>& f);

// Loads every *.toml of `dir`; problems go to `diagnostics` as file:line:col and broken files
// are skipped. A missing folder is not an error (no documents to offer).
DocumentSet load_documents(const std::filesystem::path& dir, Diagnostics& diagnostics);
std::optional<DocumentDef> parse_document(std::string_view text, const std::filesystem::path& file, Diagnostics& diagnostics);

}  // namespace tebiki::documents
