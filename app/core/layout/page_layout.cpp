#include "layout/page_layout.h"

#include <algorithm>

#include "guide/anchor.h"

namespace tebiki {

std::string Line::text() const {
    std::string out;
    for (const GlyphRun& r : runs) out += r.text;
    return out;
}

std::pair<size_t, size_t> PageLayout::visible_lines(float top, float bottom) const {
    auto first = std::lower_bound(lines.begin(), lines.end(), top, [](const Line& l, float y) { return l.y + l.height <= y; });
    auto last = std::lower_bound(first, lines.end(), bottom, [](const Line& l, float y) { return l.y < y; });
    return {size_t(first - lines.begin()), size_t(last - lines.begin())};
}

std::pair<size_t, size_t> PageLayout::visible_boxes(float top, float bottom) const {
    // box_bottom_max is non-decreasing, so the first box that may reach `top` is a binary search away.
    auto first = std::upper_bound(box_bottom_max.begin(), box_bottom_max.end(), top);
    size_t begin = size_t(first - box_bottom_max.begin());
    auto last = std::lower_bound(boxes.begin() + long(begin), boxes.end(), bottom, [](const Box& b, float y) { return b.y < y; });
    return {begin, size_t(last - boxes.begin())};
}

std::pair<uint32_t, uint32_t> PageLayout::position_at(float y) const {
    if (lines.empty()) return {0, 0};
    auto [first, last] = visible_lines(y, y + 1);
    const Line& line = lines[std::min(first, lines.size() - 1)];
    return {line.block_seq, line.offset};
}

float PageLayout::y_of(uint32_t block_seq, uint32_t offset) const {
    // Lines of table cells interleave by y, so look at every line, not just a prefix.
    const Line* best = nullptr;
    const Line* next_block = nullptr;
    for (const Line& line : lines) {
        if (line.block_seq == block_seq && line.offset <= offset && (!best || line.offset > best->offset)) best = &line;
        if (line.block_seq > block_seq && (!next_block || line.block_seq < next_block->block_seq)) next_block = &line;
    }
    if (best) return best->y;
    return next_block ? next_block->y : 0;
}

float PageLayout::y_of_anchor(std::string_view anchor) const {
    const std::string wanted = make_anchor(anchor);
    for (const AnchorPosition& a : anchors)
        if (a.anchor == wanted) return a.y;
    return -1;
}

const AnchorPosition* PageLayout::section_at(float y) const {
    const AnchorPosition* current = nullptr;
    for (const AnchorPosition& a : anchors) {
        if (a.y > y + 1) break;
        current = &a;
    }
    return current;
}

}  // namespace tebiki
