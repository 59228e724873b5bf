#include "text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "util/utf8.h"

namespace tebiki {

static const icu::Normalizer2* nfkc_casefold() {
    UErrorCode status = U_ZERO_ERROR;
    static const icu::Normalizer2* instance = icu::Normalizer2::getNFKCCasefoldInstance(status);
    return U_SUCCESS(status) ? instance : nullptr;
}

static std::string apply(const icu::Normalizer2* normalizer, std::string_view text) {
    if (!normalizer) return std::string(text);
    UErrorCode status = U_ZERO_ERROR;
    const auto source = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), int32_t(text.size())));
    const icu::UnicodeString result = normalizer->normalize(source, status);
    if (U_FAILURE(status)) return std::string(text);
    std::string out;
    result.toUTF8String(out);
    return out;
}

std::string fold_for_search(std::string_view text) { return apply(nfkc_casefold(), text); }

std::string normalize_nfc(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    return apply(icu::Normalizer2::getNFCInstance(status), text);
}

FoldedText fold_with_origin(std::string_view text) {
    FoldedText out;
    const icu::Normalizer2* normalizer = nfkc_casefold();
    // Split the input where the normaliser guarantees independence (a boundary before the next
    // character), fold each piece on its own, and map every output byte to its piece's start.
    size_t segment_start = 0;
    size_t pos = 0;
    auto flush = [&](size_t end) {
        if (end <= segment_start) return;
        const std::string piece = apply(normalizer, text.substr(segment_start, end - segment_start));
        out.folded += piece;
        out.origin.insert(out.origin.end(), piece.size(), segment_start);
        segment_start = end;
    };
    while (pos < text.size()) {
        const size_t here = pos;
        const char32_t cp = utf8_next(text, pos);
        if (here > segment_start && (!normalizer || normalizer->hasBoundaryBefore(UChar32(cp)))) flush(here);
    }
    flush(text.size());
    out.origin.push_back(text.size());
    return out;
}

}  // namespace tebiki
