// Search normalisation: NFKC plus Unicode case folding (ICU's NFKC_Casefold), so that
// ＬＧＷＡＮ, LGWAN and lgwan are one word and ｼｽﾃﾑ is システム.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace tebiki {

std::string fold_for_search(std::string_view text);

// Folded text plus, for every byte of it, the byte offset in the original text where the
// character it came from starts. origin has folded.size() + 1 entries; the last is text.size().
struct FoldedText {
    std::string folded;
    std::vector<size_t> origin;
};

FoldedText fold_with_origin(std::string_view text);

// NFC, for storing user text in a canonical form.
std::string normalize_nfc(std::string_view text);

}  // namespace tebiki
