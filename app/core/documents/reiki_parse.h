// Reads a 要綱 written in tebiki's 例規 Markdown (what `tebiki generate … --out X.md` writes, or a
// ward's current 要綱 typed in the same form) back into 条・項・号, for the 新旧対照表:
//
//   # 題名                     （案）/制定の行 before and after it are kept but not compared
//   （見出し）
//   第1条　本文                  第3条の2 (枝番) is read too
//   2　本文                     項 (half- or full-width number)
//   (1)　本文                   号
//   ## 附　則                   then its paragraphs
//   様式第1号（第5条関係）       and everything after it: the 別記様式, form by form
//
// Blank lines separate paragraphs; a line that continues the one above (no blank line between)
// belongs to it, as in Markdown. Backslash escapes are undone. Problems are file:line.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/diagnostics.h"

namespace tebiki::documents {

struct ParsedItem {
    std::string label;  // "(1)"
    std::string text;
    int line = 0;
};

struct ParsedParagraph {
    std::string label;  // "" for the first 項, "2", "3" …
    std::string text;
    int line = 0;
    std::vector<ParsedItem> items;
};

struct ParsedArticle {
    std::string heading;  // "（目的）" or empty
    std::string label;    // "第1条", "第3条の2"
    int line = 0;
    std::vector<ParsedParagraph> paragraphs;  // the first holds the article's own text
};

struct ParsedForm {
    std::string label;  // "様式第1号（第5条関係）"
    int line = 0;
    std::vector<std::string> lines;  // title, lines, table rows as 「欄名　記入内容」, notes
};

struct ParsedRegulation {
    std::string title;
    std::vector<std::string> preamble;  // lines around the title (案, 制定): not compared
    std::vector<ParsedArticle> articles;
    std::vector<ParsedParagraph> supplementary;  // 附則
    std::vector<ParsedForm> forms;               // 別記様式
};

std::optional<ParsedRegulation> parse_reiki_markdown(std::string_view text, const std::string& file, Diagnostics& diagnostics);

}  // namespace tebiki::documents
