// Index of this file
// [SECTION] Block walker: headings, paragraphs, lists, コラム, code, rules, images
// [SECTION] Tables: column widths from each cell's min/max extent, then rows
// [SECTION] Entry point

#include "layout/layout_engine.h"

#include <algorithm>
#include <numeric>

#include "guide/markdown.h"
#include "layout/paragraph.h"
#include "layout/type_scale.h"

namespace tebiki {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Block walker
//-----------------------------------------------------------------------------

class BlockLayouter {
public:
    BlockLayouter(const FontSet& fonts, const LayoutOptions& options, PageLayout& page)
        : para_(fonts), options_(options), scale_(options.scale.value_or(type_scale(options.zoom))), page_(page) {}

    float blocks(const std::vector<Block>& blocks, float x, float y, float width, int list_depth) {
        // parse_markdown never nests deeper than kMaxMarkdownNesting; a hand-built model that does
        // is cut off here rather than recursed into without bound.
        if (++nesting_ > kMaxMarkdownNesting + 8) {
            --nesting_;
            return y;
        }
        for (size_t i = 0; i < blocks.size(); ++i) {
            y = block(blocks[i], x, y, width, list_depth);
            if (i + 1 < blocks.size()) y += gap_after(blocks[i]);
        }
        --nesting_;
        return y;
    }

private:
    float em() const { return scale_.body; }

    float gap_after(const Block& b) const {
        switch (b.kind) {
            case BlockKind::Heading: return std::round(em() * 0.4f);
            case BlockKind::ListItem: return std::round(em() * 0.2f);
            default: return std::round(em() * 0.8f);
        }
    }

    ParagraphStyle body_style() const {
        ParagraphStyle s;
        s.px = scale_.body;
        s.code_px = scale_.code;
        s.line_height = scale_.line_height;
        return s;
    }

    // A source line (出典：…) under a table or figure is small print on a slide.
    ParagraphStyle paragraph_style(const Block& b) const {
        ParagraphStyle s = body_style();
        if (options_.source_px > 0 && !b.spans.empty() && b.spans.front().text.rfind("出典", 0) == 0) {
            s.px = s.code_px = options_.source_px;
            s.ink = Ink::Muted;
            s.line_height = 1.4f;
        }
        return s;
    }

    float block(const Block& b, float x, float y, float width, int list_depth) {
        switch (b.kind) {
            case BlockKind::Heading: return heading(b, x, y, width);
            case BlockKind::Paragraph: return para_.layout(b.spans, paragraph_style(b), x, y, width, next_seq(), page_);
            case BlockKind::List: return list(b, x, y, width, list_depth);
            case BlockKind::Quote: return column_box(b, x, y, width, list_depth);
            case BlockKind::Code: return code(b, x, y, width);
            case BlockKind::Rule: {
                const float mid = y + std::round(em() * 0.5f);
                page_.boxes.push_back(Box{x, mid, width, std::max(1.0f, std::round(options_.zoom)), BoxKind::Rule});
                return y + em();
            }
            case BlockKind::Image: return image(b, x, y, width);
            case BlockKind::Table: return table(b, x, y, width);
            default: return blocks(b.children, x, y, width, list_depth);
        }
    }

    float heading(const Block& b, float x, float y, float width) {
        const float sizes[] = {scale_.h1, scale_.h2, scale_.h3, scale_.h4};
        ParagraphStyle s;
        s.role = FontRole::Bold;
        s.px = sizes[std::clamp(b.level, 1, 4) - 1];
        s.code_px = s.px;
        s.ink = Ink::Heading;
        s.line_height = scale_.heading_line_height;
        const bool first_block = page_.lines.empty();
        if (!first_block) y += std::round(em() * (b.level <= 2 ? 1.4f : 0.8f));
        page_.anchors.push_back(AnchorPosition{b.anchor, plain_text(b.spans), b.level, y});
        y = para_.layout(b.spans, s, x, y, width, next_seq(), page_);
        if (b.level <= 2) {
            const float thickness = std::max(1.0f, std::round(options_.zoom * (b.level == 1 ? 3 : 2)));
            page_.boxes.push_back(Box{x, y + 2, width, thickness, BoxKind::HeadingRule});
            y += thickness + std::round(em() * 0.4f);
        }
        return y;
    }

    float list(const Block& b, float x, float y, float width, int depth) {
        const float marker_width = std::round(em() * (b.ordered ? 2.0f : 1.5f));
        int number = b.start;
        for (size_t i = 0; i < b.children.size(); ++i) {
            const Block& item = b.children[i];
            const float item_top = y;
            if (item.task >= 0 && !item.continued) {
                const float size = std::round(em() * 0.85f);
                const float line_h = std::round(em() * scale_.line_height);
                page_.boxes.push_back(Box{x + 2, y + std::round((line_h - size) * 0.5f), size, size,
                                          item.task ? BoxKind::CheckboxDone : BoxKind::Checkbox});
            }
            y = blocks(item.children, x + marker_width, y, width - marker_width, depth + 1);
            if (item.task < 0 && !item.continued) {
                // The marker goes on the item's first line, drawn in the same style as text.
                std::string marker = b.ordered ? std::to_string(number) + "." : (depth % 2 == 0 ? "・" : "－");
                ParagraphStyle s = body_style();
                s.ink = Ink::Muted;
                s.align = b.ordered ? Align::Right : Align::Left;
                const float marker_box = marker_width - std::round(em() * 0.4f);
                PageLayout marker_layout;
                para_.layout({Span{marker}}, s, x, item_top, marker_box, 0, marker_layout);
                insert_marker(marker_layout, item_top);
            }
            number += !item.continued;  // the piece of an item carried over from the slide before
            if (i + 1 < b.children.size()) y += gap_after(item);
        }
        return y;
    }

    // Puts a list marker's run into the line that starts at `top` (the item's first line).
    void insert_marker(PageLayout& marker_layout, float top) {
        if (marker_layout.lines.empty()) return;
        for (auto it = page_.lines.rbegin(); it != page_.lines.rend(); ++it) {
            if (it->y == top) {
                auto& runs = marker_layout.lines.front().runs;
                it->runs.insert(it->runs.begin(), runs.begin(), runs.end());
                return;
            }
        }
        page_.lines.push_back(std::move(marker_layout.lines.front()));
    }

    float column_box(const Block& b, float x, float y, float width, int depth) {
        const float pad = std::round(em() * 0.8f);
        const size_t box_index = page_.boxes.size();
        page_.boxes.push_back(Box{x, y, width, 0, BoxKind::Column});
        const float bottom = blocks(b.children, x + pad, y + pad, width - 2 * pad, depth) + pad;
        page_.boxes[box_index].h = bottom - y;
        return bottom;
    }

    float code(const Block& b, float x, float y, float width) {
        const float pad = std::round(em() * 0.6f);
        const size_t box_index = page_.boxes.size();
        page_.boxes.push_back(Box{x, y, width, 0, BoxKind::CodeBlock});
        ParagraphStyle s = body_style();
        s.role = FontRole::Mono;
        s.px = s.code_px = scale_.code;
        s.ink = Ink::Code;
        s.line_height = 1.5f;
        std::vector<Span> spans = b.spans;
        for (Span& span : spans) span.style = kPlain;  // the box already says "code"
        const float bottom = para_.layout(spans, s, x + pad, y + pad, width - 2 * pad, next_seq(), page_) + pad;
        page_.boxes[box_index].h = bottom - y;
        return bottom;
    }

    float image(const Block& b, float x, float y, float width) {
        auto size = options_.image_size ? options_.image_size(b.src) : std::nullopt;
        if (!size) {
            // Missing image: show its alt text in a box instead of leaving a hole.
            ParagraphStyle s = body_style();
            s.ink = Ink::Muted;
            const size_t box_index = page_.boxes.size();
            page_.boxes.push_back(Box{x, y, width, 0, BoxKind::Column});
            const float bottom = para_.layout({Span{"［画像なし: " + b.src + "］ " + b.alt}}, s, x + 8, y + 8, width - 16, next_seq(), page_) + 8;
            page_.boxes[box_index].h = bottom - y;
            return bottom;
        }
        const float natural_w = float(size->first) * options_.zoom, natural_h = float(size->second) * options_.zoom;
        float w = std::min(width, natural_w);
        float most = options_.max_image_height;
        if (b.fit_height > 0) most = most > 0 ? std::min(most, b.fit_height) : b.fit_height;
        if (most > 0 && natural_h * (w / natural_w) > most) w = natural_w * (most / natural_h);
        const float h = std::round(natural_h * (w / natural_w));
        page_.images.push_back(PlacedImage{x + std::round((width - w) * 0.5f), y, std::round(w), h, b.src, b.alt});
        // An empty line keeps the image in the reading-position and visible-line bookkeeping.
        Line spacer;
        spacer.y = y;
        spacer.height = h;
        spacer.block_seq = next_seq();
        page_.lines.push_back(spacer);
        return y + h;
    }

    //-------------------------------------------------------------------------
    // [SECTION] Tables
    //-------------------------------------------------------------------------

    float table(const Block& b, float x, float y, float width) {
        size_t columns = 0;
        for (const Block& row : b.children) columns = std::max(columns, row.children.size());
        if (columns == 0) return y;
        const float pad = std::round(em() * 0.45f);
        std::vector<float> min_w(columns, 0), max_w(columns, 0);
        for (const Block& row : b.children) {
            for (size_t c = 0; c < row.children.size(); ++c) {
                const TextExtent e = para_.measure(row.children[c].spans, cell_style(row, row.children[c]));
                min_w[c] = std::max(min_w[c], e.min_width + 2 * pad);
                max_w[c] = std::max(max_w[c], e.max_width + 2 * pad);
            }
        }
        // No column narrower than two characters and a bit: below that no split can keep 禁則.
        // A table that then no longer fits is wider than the page and scrolls sideways.
        // (em() is ImGui's font height, about 1.45 times the width of a full-width character.)
        const float floor_w = std::round(em() * 1.5f) + 2 * pad;
        float sum_floor = 0;
        for (float& w : min_w) sum_floor += (w = std::max(w, floor_w));
        const std::vector<float> col_w = column_widths(min_w, max_w, std::max(width, sum_floor));
        for (const Block& row : b.children) y = table_row(row, col_w, x, y, pad);
        page_.width = std::max(page_.width, x + std::accumulate(col_w.begin(), col_w.end(), 0.0f));
        return y;
    }

    // CSS-like automatic table layout: everything at its natural width when it fits; otherwise
    // each column gets its minimum plus a share of the rest in proportion to how much it wants.
    static std::vector<float> column_widths(const std::vector<float>& min_w, const std::vector<float>& max_w, float width) {
        const float sum_max = std::accumulate(max_w.begin(), max_w.end(), 0.0f);
        const float sum_min = std::accumulate(min_w.begin(), min_w.end(), 0.0f);
        std::vector<float> out(min_w.size());
        if (sum_max <= width) return max_w;
        if (sum_min >= width) {
            for (size_t c = 0; c < out.size(); ++c) out[c] = std::floor(width * (min_w[c] / sum_min));
            return out;
        }
        const float spare = width - sum_min, wanted = sum_max - sum_min;
        for (size_t c = 0; c < out.size(); ++c) out[c] = std::floor(min_w[c] + spare * ((max_w[c] - min_w[c]) / wanted));
        return out;
    }

    ParagraphStyle cell_style(const Block& row, const Block& cell) const {
        ParagraphStyle s = body_style();
        s.line_height = 1.55f;
        if (row.header) s.role = FontRole::Bold;
        s.align = cell.align == Align::Default ? Align::Left : cell.align;
        return s;
    }

    float table_row(const Block& row, const std::vector<float>& col_w, float x, float y, float pad) {
        const size_t first_box = page_.boxes.size();
        float bottom = y;
        float cx = x;
        for (size_t c = 0; c < col_w.size(); ++c) {
            page_.boxes.push_back(Box{cx, y, col_w[c], 0, row.header ? BoxKind::TableHeader : BoxKind::TableCell});
            if (c < row.children.size()) {
                const Block& cell = row.children[c];
                bottom = std::max(bottom, para_.layout(cell.spans, cell_style(row, cell), cx + pad, y + pad,
                                                       col_w[c] - 2 * pad, next_seq(), page_) + pad);
            }
            cx += col_w[c];
        }
        for (size_t i = first_box; i < page_.boxes.size(); ++i)
            if (page_.boxes[i].kind == BoxKind::TableHeader || page_.boxes[i].kind == BoxKind::TableCell) page_.boxes[i].h = bottom - y;
        return bottom;
    }

    uint32_t next_seq() { return seq_++; }

    ParagraphLayouter para_;
    const LayoutOptions& options_;
    TypeScale scale_;
    PageLayout& page_;
    uint32_t seq_ = 1;
    int nesting_ = 0;
};

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Entry point
//-----------------------------------------------------------------------------

PageLayout layout_document(const Document& doc, const FontSet& fonts, const LayoutOptions& options) {
    PageLayout page;
    page.width = options.width;
    page.zoom = options.zoom;
    BlockLayouter walker(fonts, options, page);
    page.height = walker.blocks(doc.blocks, 0, 0, std::max(80.0f, options.width), 0);
    // page.width may have grown past options.width for a table that cannot fit (see table()).
    // Table cells are laid out column by column; restore top-to-bottom order for drawing.
    std::stable_sort(page.lines.begin(), page.lines.end(), [](const Line& a, const Line& b) { return a.y < b.y; });
    std::stable_sort(page.boxes.begin(), page.boxes.end(), [](const Box& a, const Box& b) { return a.y < b.y; });
    page.box_bottom_max.resize(page.boxes.size());
    float running = 0;
    for (size_t i = 0; i < page.boxes.size(); ++i) page.box_bottom_max[i] = running = std::max(running, page.boxes[i].y + page.boxes[i].h);
    return page;
}

}  // namespace tebiki

#include "guide/link.h"
#include "util/png_size.h"

namespace tebiki {

std::function<std::optional<std::pair<int, int>>(const std::string&)>
image_sizer_for(std::vector<std::filesystem::path> asset_dirs) {
    return [dirs = std::move(asset_dirs)](const std::string& src) -> std::optional<std::pair<int, int>> {
        const std::filesystem::path file = find_asset(dirs, src);
        if (file.empty()) return std::nullopt;
        return read_png_size(file);
    };
}

}  // namespace tebiki
