// Anchor ids for headings. A link fragment matches a heading when both give the same id, so
// editors may write the heading text as-is: NFKC + case folding, spaces → '-', punctuation and
// symbols dropped (「」（）・、。/' …), percent-escapes decoded.
#pragma once
#include <string>
#include <string_view>

namespace tebiki {

std::string make_anchor(std::string_view text);
std::string percent_decode(std::string_view text);

}  // namespace tebiki
