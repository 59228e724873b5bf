// Fills lines with inline text: ICU line-break opportunities plus 禁則 (text/line_break.h),
// greedy filling, emergency splitting of words longer than the line, runs split by style.
#pragma once
#include <vector>

#include "guide/document.h"
#include "layout/page_layout.h"
#include "text/font_set.h"

namespace tebiki {

struct ParagraphStyle {
    FontRole role = FontRole::Regular;  // for unstyled text; kBold spans use Bold, kCode spans Mono
    float px = 20;
    float code_px = 18;
    Ink ink = Ink::Text;
    float line_height = 1.75f;          // × px
    Align align = Align::Left;
};

struct TextExtent {
    float min_width = 0;  // widest piece that cannot be broken
    float max_width = 0;  // widest line when nothing wraps
};

class ParagraphLayouter {
public:
    explicit ParagraphLayouter(const FontSet& fonts) : fonts_(fonts) {}

    // Appends the lines of `spans` set in `width` starting at (x, y) to page; returns the y below them.
    float layout(const std::vector<Span>& spans, const ParagraphStyle& style, float x, float y, float width,
                 uint32_t block_seq, PageLayout& page) const;

    TextExtent measure(const std::vector<Span>& spans, const ParagraphStyle& style) const;

    float text_width(std::string_view text, FontRole role, float px) const;

private:
    struct Shaped;
    Shaped shape(const std::vector<Span>& spans, const ParagraphStyle& style) const;

    const FontSet& fonts_;
};

}  // namespace tebiki
