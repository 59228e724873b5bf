#include "layout/paragraph.h"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "text/line_break.h"
#include "util/utf8.h"

namespace tebiki {

// The paragraph as code points with their widths, the span each belongs to, and where a line
// may end. Built once per layout call.
struct ParagraphLayouter::Shaped {
    std::string text;
    std::vector<size_t> byte;        // byte offset of each code point (size n + 1)
    std::vector<char32_t> cp;
    std::vector<float> advance;
    std::vector<int> span;           // index into the spans vector
    std::vector<bool> may_break;     // before code point i
    std::vector<bool> squeezed;      // advance halved by 約物の詰め; a run must end after it
};

// 約物の詰め (JIS X 4051, simplified): a full-width closing mark followed by another closing or an
// opening mark gives up the empty half of its em box, so 「…」、「…」 does not show a 1.5 em gap.
static bool is_closing_mark(char32_t c) { return std::u32string_view(U"、。，．」』）】〕〉》］｝”’").find(c) != std::u32string_view::npos; }
static bool is_opening_mark(char32_t c) { return std::u32string_view(U"「『（【〔〈《［｛“‘").find(c) != std::u32string_view::npos; }

static FontRole role_for(uint8_t span_style, const ParagraphStyle& style) {
    if (span_style & kCode) return FontRole::Mono;
    if (span_style & kBold) return FontRole::Bold;
    return style.role;
}

static bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'　'; }

ParagraphLayouter::Shaped ParagraphLayouter::shape(const std::vector<Span>& spans, const ParagraphStyle& style) const {
    Shaped s;
    for (size_t i = 0; i < spans.size(); ++i) {
        const Span& span = spans[i];
        const FontRole role = role_for(span.style, style);
        const float px = (span.style & kCode) ? style.code_px : style.px;
        const FontFace& face = fonts_.face(role);
        size_t pos = 0;
        while (pos < span.text.size()) {
            s.byte.push_back(s.text.size() + pos);
            const char32_t c = utf8_next(span.text, pos);
            s.cp.push_back(c);
            s.advance.push_back(c == U'\n' ? 0.0f : face.advance(c, px));
            s.span.push_back(int(i));
        }
        s.text += span.text;
    }
    s.byte.push_back(s.text.size());
    s.squeezed.assign(s.cp.size(), false);
    for (size_t i = 0; i + 1 < s.cp.size(); ++i) {
        if (is_closing_mark(s.cp[i]) && (is_closing_mark(s.cp[i + 1]) || is_opening_mark(s.cp[i + 1]))) {
            s.advance[i] *= 0.5f;
            s.squeezed[i] = true;
        }
    }
    s.may_break.assign(s.cp.size() + 1, false);
    size_t index = 0;
    for (size_t b : find_line_breaks(s.text)) {
        while (index < s.cp.size() && s.byte[index] < b) ++index;
        s.may_break[index] = true;
    }
    return s;
}

float ParagraphLayouter::text_width(std::string_view text, FontRole role, float px) const {
    const FontFace& face = fonts_.face(role);
    float w = 0;
    size_t pos = 0;
    while (pos < text.size()) w += face.advance(utf8_next(text, pos), px);
    return w;
}

namespace {
struct Segment {
    size_t begin, end;  // code point range
    float width = 0;    // including trailing spaces
    float trailing = 0; // width of trailing spaces
    bool hard_end = false;
};

std::vector<Segment> segments_of(const std::vector<char32_t>& cp, const std::vector<float>& advance,
                                 const std::vector<bool>& may_break) {
    std::vector<Segment> out;
    size_t begin = 0;
    for (size_t i = 1; i <= cp.size(); ++i) {
        const bool newline = cp[i - 1] == U'\n';
        if (i < cp.size() && !may_break[i] && !newline) continue;
        Segment seg{begin, i};
        for (size_t k = begin; k < i; ++k) seg.width += advance[k];
        for (size_t k = i; k > begin && (is_space(cp[k - 1]) || cp[k - 1] == U'\n'); --k) seg.trailing += advance[k - 1];
        seg.hard_end = newline;
        out.push_back(seg);
        begin = i;
    }
    return out;
}
}  // namespace

TextExtent ParagraphLayouter::measure(const std::vector<Span>& spans, const ParagraphStyle& style) const {
    const Shaped s = shape(spans, style);
    TextExtent extent;
    float line = 0;
    for (const Segment& seg : segments_of(s.cp, s.advance, s.may_break)) {
        extent.min_width = std::max(extent.min_width, seg.width - seg.trailing);
        line += seg.width;
        extent.max_width = std::max(extent.max_width, line - seg.trailing);
        if (seg.hard_end) line = 0;
    }
    return extent;
}

float ParagraphLayouter::layout(const std::vector<Span>& spans, const ParagraphStyle& style, float x, float y,
                                float width, uint32_t block_seq, PageLayout& page) const {
    const Shaped s = shape(spans, style);
    const float line_height = std::round(style.px * style.line_height);

    // 1. Choose line ranges [begin, end) of code points.
    std::vector<std::pair<size_t, size_t>> ranges;
    size_t line_begin = 0;
    float line_width = 0;
    bool open = false;
    auto close_line = [&](size_t end) {
        ranges.emplace_back(line_begin, end);
        line_begin = end;
        line_width = 0;
        open = false;
    };
    for (const Segment& seg : segments_of(s.cp, s.advance, s.may_break)) {
        if (open && line_width + seg.width - seg.trailing > width) close_line(seg.begin);
        if (!open && seg.width - seg.trailing > width) {
            // A word wider than the line (a long URL): split it between characters.
            float w = 0;
            for (size_t k = seg.begin; k < seg.end; ++k) {
                if (w + s.advance[k] > width && k > line_begin) {
                    // Back up to a split that keeps 禁則 if there is one on this line.
                    size_t split = k;
                    while (split > line_begin + 1 &&
                           (is_line_start_forbidden(s.cp[split]) || is_line_end_forbidden(s.cp[split - 1])))
                        --split;
                    if (split == line_begin + 1 && is_line_start_forbidden(s.cp[split])) split = k;
                    close_line(split);
                    w = 0;
                    for (size_t j = split; j < k; ++j) w += s.advance[j];
                }
                w += s.advance[k];
            }
            line_width = w;
            open = true;
        } else {
            line_width += seg.width;
            open = true;
        }
        if (seg.hard_end) close_line(seg.end);
    }
    if (open || ranges.empty()) ranges.emplace_back(line_begin, s.cp.size());

    // 2. Emit each line as runs of one style.
    for (auto [begin, end] : ranges) {
        while (end > begin && (is_space(s.cp[end - 1]) || s.cp[end - 1] == U'\n')) --end;
        size_t first = begin;
        while (first < end && is_space(s.cp[first]) && first != 0) ++first;
        Line line;
        line.y = y;
        line.height = line_height;
        line.baseline_offset = std::round((line_height - style.px) * 0.5f);
        line.block_seq = block_seq;
        line.offset = uint32_t(s.byte[begin]);
        float used = 0;
        for (size_t k = first; k < end; ++k) used += s.advance[k];
        float pen = x;
        if (style.align == Align::Center) pen += std::max(0.0f, (width - used) * 0.5f);
        if (style.align == Align::Right) pen += std::max(0.0f, width - used);
        size_t k = first;
        while (k < end) {
            const int span_index = s.span[k];
            const Span& span = spans[size_t(span_index)];
            size_t stop = k;
            float w = 0;
            while (stop < end && s.span[stop] == span_index) {
                w += s.advance[stop++];
                if (s.squeezed[stop - 1]) break;  // the next glyph starts where the squeezed one ends
            }
            GlyphRun run;
            run.x = pen;
            run.w = w;
            run.text = s.text.substr(s.byte[k], s.byte[stop] - s.byte[k]);
            run.role = role_for(span.style, style);
            run.px = (span.style & kCode) ? style.code_px : style.px;
            run.ink = (span.style & kLink) ? Ink::Link : (span.style & kCode) ? Ink::Code : style.ink;
            run.decoration = uint8_t(((span.style & kLink) ? kUnderline : 0) | ((span.style & kStrike) ? kStrikeThrough : 0));
            run.link = span.link;
            if (span.style & kCode) page.boxes.push_back(Box{pen - 2, y + line.baseline_offset - 2, w + 4, style.px + 4, BoxKind::InlineCode});
            line.runs.push_back(std::move(run));
            pen += w;
            k = stop;
        }
        page.lines.push_back(std::move(line));
        y += line_height;
    }
    return y;
}

}  // namespace tebiki
