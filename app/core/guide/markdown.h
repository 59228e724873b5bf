// Markdown (CommonMark + GFM tables, strikethrough, autolinks, task lists) → Document,
// using cmark-gfm. Parsing never fails: cmark accepts any input; invalid UTF-8 is replaced.
#pragma once
#include <string_view>

#include "guide/document.h"

namespace tebiki {

Document parse_markdown(std::string_view markdown);

}  // namespace tebiki
