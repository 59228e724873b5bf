// Markdown (CommonMark + GFM tables, strikethrough, autolinks, task lists) → Document,
// using cmark-gfm. Parsing never fails: cmark accepts any input; invalid UTF-8 is replaced.
#pragma once
#include <string_view>

#include "guide/document.h"

namespace tebiki {

// Quotes, lists and inline markup nested deeper than this are flattened (their text kept, in
// order) and the line is listed in Document::too_deep_lines: the model, and so everything that
// walks it (layout, checks, search, slides), is never deeper than this plus a table's two levels.
inline constexpr int kMaxMarkdownNesting = 24;

Document parse_markdown(std::string_view markdown);

}  // namespace tebiki
