// Index of this file
// [SECTION] page geometry
// [SECTION] pagination: blocks → pages of drawing operations
// [SECTION] drawing a page (PDF and preview share it)
// [SECTION] public writers
//
// A4 pages set in IPAex Mincho with pango (Japanese line breaking, 禁則) and drawn with cairo;
// cairo embeds the font subset. The preview draws the very same pages onto an image surface.
// Lines sit on a fixed pitch (1.6 × the font size), as the Word file's exact line spacing does,
// so both come out with the same lines on the same pages.
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>

#include "documents/pdf_common.h"
#include "documents/writers.h"
#include "util/file_io.h"

namespace tebiki::documents {

using namespace pdf;

namespace {

//-----------------------------------------------------------------------------
// [SECTION] page geometry
//-----------------------------------------------------------------------------

constexpr double kPageW = kA4W, kPageH = kA4H;
constexpr double kLeft = 70.87, kRight = 70.87, kTop = 85.04, kBottom = 70.87;  // 25 / 25 / 30 / 25 mm
constexpr double kTextW = kPageW - kLeft - kRight;
constexpr double kPitch = kBodyPt * kLineSpacing;  // 16.8 pt: the Word file's exact line spacing (336 twips)

//-----------------------------------------------------------------------------
// [SECTION] pagination: blocks → pages of drawing operations
//-----------------------------------------------------------------------------

struct Op {
    enum class Kind { Line, Layout, Rect };
    Kind kind = Kind::Line;
    PangoLayout* layout = nullptr;  // owned by Pages::layouts
    int line = 0;                   // Line: index in the layout
    double x = 0, y = 0, w = 0, h = 0;  // Line: x and baseline; Layout: top-left; Rect: box
};

struct Pages {
    std::vector<LayoutPtr> layouts;
    std::vector<std::vector<Op>> pages;
};

class Paginator {
public:
    Paginator() { out_.pages.emplace_back(); }

    PangoLayout* layout(const std::string& text, double width, double pt, PangoAlignment align, double hanging = 0) {
        out_.layouts.push_back(text_.layout(text, width, pt, align, hanging));
        return out_.layouts.back().get();
    }
    double width_of(const std::string& text) const { return text_.text_width(text, kBodyPt); }

    // Keep-with-next: starts a new page unless `height` more points fit on this one (a 見出し
    // and the first line of its article, 附則 and its first line).
    void keep(double height) {
        if (y_ + height > kPageH - kBottom && !page().empty()) new_page();
    }
    void page_break() {
        if (!page().empty()) new_page();
    }

    // Flows a paragraph line by line on a fixed pitch, breaking pages between lines.
    void flow(PangoLayout* layout, double x, double pt, double space_before = 0) {
        const double pitch = pt * kLineSpacing;
        if (!page().empty()) y_ += space_before;  // never at the top of a page
        PangoLayoutIter* it = pango_layout_get_iter(layout);
        int index = 0;
        do {
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(it, nullptr, &logical);
            const double line_top = double(logical.y) / PANGO_SCALE;
            const double baseline = double(pango_layout_iter_get_baseline(it)) / PANGO_SCALE - line_top;  // within the line
            if (y_ + pitch > kPageH - kBottom + 0.01 && !page().empty()) new_page();
            Op op;
            op.kind = Op::Kind::Line;
            op.layout = layout;
            op.line = index++;
            op.x = x + double(logical.x) / PANGO_SCALE;  // alignment and the hanging indent
            op.y = y_ + baseline;
            page().push_back(op);
            y_ += pitch;
        } while (pango_layout_iter_next_line(it));
        pango_layout_iter_free(it);
    }

    void table(const std::vector<FormRow>& rows) {
        const double label_w = kTextW * 0.26, value_w = kTextW - label_w, pad = 5;
        y_ += kEm * 0.5;
        for (const FormRow& row : rows) {
            PangoLayout* label = layout(row.label, label_w - 2 * pad, kBodyPt, PANGO_ALIGN_CENTER);
            PangoLayout* value = layout(row.value, value_w - 2 * pad, kBodyPt, PANGO_ALIGN_LEFT);
            const double line_h = kPitch * 1.05;
            const double h = std::max({row.lines * line_h, height(label), height(value)}) + 2 * pad;
            if (y_ + h > kPageH - kBottom) new_page();
            page().push_back({Op::Kind::Rect, nullptr, 0, kLeft, y_, label_w, h});
            page().push_back({Op::Kind::Rect, nullptr, 0, kLeft + label_w, y_, value_w, h});
            page().push_back({Op::Kind::Layout, label, 0, kLeft + pad, y_ + (h - height(label)) / 2, 0, 0});
            page().push_back({Op::Kind::Layout, value, 0, kLeft + label_w + pad, y_ + pad, 0, 0});
            y_ += h;
        }
        y_ += kEm * 0.5;
    }

    Pages finish() { return std::move(out_); }

private:
    static double height(PangoLayout* layout) {
        int w = 0, h = 0;
        pango_layout_get_size(layout, &w, &h);
        return double(h) / PANGO_SCALE;
    }
    std::vector<Op>& page() { return out_.pages.back(); }
    void new_page() {
        out_.pages.emplace_back();
        y_ = kTop;
    }

    TextContext text_;
    Pages out_;
    double y_ = kTop;
};

PangoAlignment pango_align(FormLine::Align a) {
    return a == FormLine::Align::Right ? PANGO_ALIGN_RIGHT : a == FormLine::Align::Center ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT;
}

Pages paginate(const Draft& draft) {
    Paginator p;
    for (const Block& b : draft.blocks) {
        const std::string labelled = b.label.empty() ? b.text : b.label + "　" + b.text;
        switch (b.kind) {
        case Block::Kind::Title: p.flow(p.layout(b.text, kTextW, kTitlePt, PANGO_ALIGN_CENTER), kLeft, kTitlePt, kEm); break;
        case Block::Kind::Line: p.flow(p.layout(b.text, kTextW, kBodyPt, pango_align(b.align)), kLeft, kBodyPt, kEm * 0.3); break;
        case Block::Kind::Note:
            // 「注1　」 hangs: the note's further lines start under its text.
            p.flow(p.layout(labelled, kTextW, kBodyPt, pango_align(b.align), b.label.empty() ? 0 : p.width_of(b.label + "　")), kLeft,
                   kBodyPt, kEm * 0.3);
            break;
        case Block::Kind::Heading:
            p.keep(kEm * 0.4 + 2 * kPitch);
            p.flow(p.layout(b.text, kTextW - kEm, kBodyPt, PANGO_ALIGN_LEFT), kLeft + kEm, kBodyPt, kEm * 0.4);
            break;
        case Block::Kind::Article:
        case Block::Kind::Paragraph: p.flow(p.layout(labelled, kTextW, kBodyPt, PANGO_ALIGN_LEFT, kEm), kLeft, kBodyPt); break;
        case Block::Kind::Item: p.flow(p.layout(labelled, kTextW - kEm, kBodyPt, PANGO_ALIGN_LEFT, kEm), kLeft + kEm, kBodyPt); break;
        case Block::Kind::Supplementary:
            p.keep(kEm + 2 * kPitch);
            p.flow(p.layout(b.text, kTextW - 3 * kEm, kBodyPt, PANGO_ALIGN_LEFT), kLeft + 3 * kEm, kBodyPt, kEm);
            break;
        case Block::Kind::Table: p.table(b.rows); break;
        case Block::Kind::PageBreak: p.page_break(); break;
        }
    }
    return p.finish();
}

//-----------------------------------------------------------------------------
// [SECTION] drawing a page (PDF and preview share it)
//-----------------------------------------------------------------------------

void draw_page(cairo_t* cr, const std::vector<Op>& ops, int number, const TextContext& text) {
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (const Op& op : ops) {
        switch (op.kind) {
        case Op::Kind::Line: draw_line(cr, op.layout, op.line, op.x, op.y); break;
        case Op::Kind::Layout:
            cairo_move_to(cr, op.x, op.y);
            pango_cairo_show_layout(cr, op.layout);
            break;
        case Op::Kind::Rect:
            cairo_set_line_width(cr, 0.75);
            cairo_rectangle(cr, op.x, op.y, op.w, op.h);
            cairo_stroke(cr);
            break;
        }
    }
    draw_page_number(cr, text, number, kPageW, kPageH, kBottom);
}

std::string line_text(const Op& op) {
    const PangoLayoutLine* line = pango_layout_get_line_readonly(op.layout, op.line);
    return std::string(pango_layout_get_text(op.layout) + line->start_index, size_t(line->length));
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] public writers
//-----------------------------------------------------------------------------

// The pages in memory; write_pages/page_bytes (pdf_common.h) check cairo's status after finishing.
std::optional<std::string> pdf_bytes(const Draft& draft, std::string* error) {
    const Pages pages = paginate(draft);
    const TextContext text;
    return page_bytes({draft.title, draft.date}, int(pages.pages.size()),
                      [&](cairo_t* cr, int i) { draw_page(cr, pages.pages[size_t(i)], i + 1, text); }, error);
}

bool write_pdf(const Draft& draft, const std::filesystem::path& file, std::string* error) {
    const auto bytes = pdf_bytes(draft, error);
    return bytes && write_file_atomic(file, *bytes, error);
}

std::vector<std::vector<std::string>> pdf_page_lines(const Draft& draft) {
    const Pages pages = paginate(draft);
    std::vector<std::vector<std::string>> out;
    for (const std::vector<Op>& page : pages.pages) {
        out.emplace_back();
        for (const Op& op : page)
            if (op.kind == Op::Kind::Line) out.back().push_back(line_text(op));
            else if (op.kind == Op::Kind::Layout) out.back().push_back(pango_layout_get_text(op.layout));
    }
    return out;
}

PageImage render_page(const Draft& draft, int page, double px_per_pt) {
    const Pages pages = paginate(draft);
    const TextContext text;
    PageImage image;
    image.pages = int(pages.pages.size());
    page = std::clamp(page, 0, image.pages - 1);
    Pixels pixels = render_pixels(kPageW, kPageH, px_per_pt, [&](cairo_t* cr) { draw_page(cr, pages.pages[size_t(page)], page + 1, text); });
    image.width = pixels.width;
    image.height = pixels.height;
    image.rgba = std::move(pixels.rgba);
    return image;
}

}  // namespace tebiki::documents
