#include "guide/document.h"

namespace tebiki {

std::string plain_text(const std::vector<Span>& spans) {
    std::string out;
    for (const Span& s : spans) out += s.text;
    return out;
}

std::string plain_text(const Block& block) {
    std::string out = plain_text(block.spans);
    if (block.kind == BlockKind::Image) out += block.alt;
    for (const Block& child : block.children) {
        if (!out.empty() && out.back() != '\n') out += '\n';
        out += plain_text(child);
    }
    return out;
}

}  // namespace tebiki
