// The 新旧対照表 of two 要綱 (read by reiki_parse.h): two columns, 「改正後」 on the left and
// 「改正前」 on the right, in the form 法規担当 use:
// - articles are paired by content (so an inserted article shifts the numbers of the rest without
//   pairing unrelated articles), then 項 and 号 inside each pair;
// - changed words are marked (underlined in Word and PDF, <u>…</u> in Markdown), a changed number
//   with its 第 and 条/項/号;
// - unchanged articles are shown as 「第1条～第4条　（略）」, unchanged 項・号 of a changed article
//   as 「2　（略）」; a new article or 項 has 「（新設）」 on the 改正前 side, a removed one 「（削る）」
//   on the 改正後 side; 附則 and the 別記様式 are compared the same way.
// Words come from assets/strings/ja.toml ([compare]).
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "documents/reiki_parse.h"
#include "documents/text_diff.h"
#include "documents/wareki.h"
#include "documents/writers.h"
#include "util/ui_strings.h"

namespace tebiki::documents {

struct CompareLine {
    enum class Kind { Title, Heading, Article, Item, Plain };  // how it is indented
    Kind kind = Kind::Article;
    std::vector<Segment> label;  // 「第3条」 (changed when renumbered); empty for none
    std::vector<Segment> text;
};

struct CompareRow {
    std::vector<CompareLine> after, before;
};

struct Comparison {
    std::string title;                      // 「…要綱　新旧対照表」
    std::string after_label, before_label;  // 改正後, 改正前
    std::string note;                       // （傍線の部分は改正部分）
    std::vector<CompareRow> rows;
    bool same = true;                       // nothing changed at all
    Date date;                              // creation date of the files
};

Comparison compare_regulations(const ParsedRegulation& before, const ParsedRegulation& after, const UiStrings& words);

// Writers, by extension like write_draft: .md (changed words as <u>…</u>), .docx, .pdf (A4 landscape).
std::string comparison_markdown(const Comparison& c);
// The table's bytes in the format of `ext` (".md", ".docx", ".pdf"), built in memory.
std::optional<std::string> comparison_bytes(const Comparison& c, const std::string& ext, std::string* error);
bool write_comparison(const Comparison& c, const std::filesystem::path& file, std::string* error);
// Page `page` of the PDF, for the window's preview.
PageImage render_comparison_page(const Comparison& c, int page, double px_per_pt);
// The text of every line the PDF draws, page by page (for tests).
std::vector<std::vector<std::string>> comparison_page_lines(const Comparison& c);

}  // namespace tebiki::documents
