// Index of this file
// [SECTION] page geometry and type
// [SECTION] pagination: blocks → pages of drawing operations
// [SECTION] drawing a page (PDF and preview share it)
// [SECTION] public writers
//
// A4 pages set in IPAex Mincho with pango (Japanese line breaking, 禁則) and drawn with cairo;
// cairo embeds the font subset. The preview draws the very same pages onto an image surface.
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>

#include "documents/writers.h"
#include "util/file_io.h"

namespace tebiki::documents {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] page geometry and type
//-----------------------------------------------------------------------------

constexpr double kPageW = 595.276, kPageH = 841.890;  // A4 in points
constexpr double kLeft = 70.87, kRight = 70.87, kTop = 85.04, kBottom = 70.87;  // 25 / 25 / 30 / 25 mm
constexpr double kTextW = kPageW - kLeft - kRight;
constexpr double kBodyPt = 10.5, kTitlePt = 14.0;
constexpr double kEm = kBodyPt;          // one full-width character
constexpr double kLineSpacing = 1.6;     // body line pitch as a multiple of the font's height
constexpr const char* kFamily = "IPAexMincho";

struct GObjectDeleter {
    void operator()(void* p) const { g_object_unref(p); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectDeleter>;

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
    Paginator() {
        // Metrics without hinting, at 72 dpi: a point is a unit on every surface, so the PDF and
        // the preview break lines and pages at the same places.
        context_ = pango_font_map_create_context(pango_cairo_font_map_get_default());
        cairo_font_options_t* options = cairo_font_options_create();
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
        pango_cairo_context_set_font_options(context_, options);
        cairo_font_options_destroy(options);
        pango_cairo_context_set_resolution(context_, 72);
        pango_context_set_language(context_, pango_language_from_string("ja"));
        out_.pages.emplace_back();
    }
    ~Paginator() { g_object_unref(context_); }

    PangoLayout* layout(const std::string& text, double width, double pt, PangoAlignment align, double hanging = 0) {
        LayoutPtr layout(pango_layout_new(context_));
        PangoFontDescription* font = pango_font_description_from_string(kFamily);
        pango_font_description_set_size(font, int(pt * PANGO_SCALE));
        pango_layout_set_font_description(layout.get(), font);
        pango_font_description_free(font);
        pango_layout_set_width(layout.get(), int(width * PANGO_SCALE));
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_alignment(layout.get(), align);
        pango_layout_set_line_spacing(layout.get(), float(kLineSpacing));
        if (hanging > 0) pango_layout_set_indent(layout.get(), -int(hanging * PANGO_SCALE));  // negative: hanging
        pango_layout_set_text(layout.get(), text.c_str(), -1);
        out_.layouts.push_back(std::move(layout));
        return out_.layouts.back().get();
    }

    // Flows a paragraph line by line, breaking pages between lines.
    void flow(PangoLayout* layout, double x, double space_before = 0) {
        y_ += space_before;
        double origin = y_;  // where the layout's own y = 0 lies on the current page
        PangoLayoutIter* it = pango_layout_get_iter(layout);
        int index = 0;
        do {
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(it, nullptr, &logical);
            const double line_top = double(logical.y) / PANGO_SCALE, line_h = double(logical.height) / PANGO_SCALE;
            const double baseline = double(pango_layout_iter_get_baseline(it)) / PANGO_SCALE;
            if (origin + line_top + line_h > kPageH - kBottom && origin + line_top > kTop + 0.5) {
                new_page();
                origin = kTop - line_top;  // this line opens the new page
            }
            Op op;
            op.kind = Op::Kind::Line;
            op.layout = layout;
            op.line = index++;
            op.x = x + double(logical.x) / PANGO_SCALE;  // alignment and the hanging indent
            op.y = origin + baseline;
            page().push_back(op);
            // Between paragraphs keep the same pitch as between the lines of one.
            y_ = origin + line_top + std::max(line_h, kBodyPt * kLineSpacing);
        } while (pango_layout_iter_next_line(it));
        pango_layout_iter_free(it);
    }

    void table(const std::vector<FormRow>& rows) {
        const double label_w = kTextW * 0.26, value_w = kTextW - label_w, pad = 5;
        y_ += kEm * 0.5;
        for (const FormRow& row : rows) {
            PangoLayout* label = layout(row.label, label_w - 2 * pad, kBodyPt, PANGO_ALIGN_CENTER);
            PangoLayout* value = layout(row.value, value_w - 2 * pad, kBodyPt, PANGO_ALIGN_LEFT);
            const double line_h = kBodyPt * kLineSpacing * 1.05;
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

    PangoContext* context_ = nullptr;
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
        case Block::Kind::Title: p.flow(p.layout(b.text, kTextW, kTitlePt, PANGO_ALIGN_CENTER), kLeft, kEm); break;
        case Block::Kind::Line: p.flow(p.layout(b.text, kTextW, kBodyPt, pango_align(b.align)), kLeft, kEm * 0.3); break;
        case Block::Kind::Note: p.flow(p.layout(b.text, kTextW, kBodyPt, pango_align(b.align)), kLeft, kEm * 0.3); break;
        case Block::Kind::Heading: p.flow(p.layout(b.text, kTextW - kEm, kBodyPt, PANGO_ALIGN_LEFT), kLeft + kEm, kEm * 0.4); break;
        case Block::Kind::Article:
        case Block::Kind::Paragraph: p.flow(p.layout(labelled, kTextW, kBodyPt, PANGO_ALIGN_LEFT, kEm), kLeft); break;
        case Block::Kind::Item: p.flow(p.layout(labelled, kTextW - kEm, kBodyPt, PANGO_ALIGN_LEFT, kEm), kLeft + kEm); break;
        case Block::Kind::Supplementary: p.flow(p.layout(b.text, kTextW - 3 * kEm, kBodyPt, PANGO_ALIGN_LEFT), kLeft + 3 * kEm, kEm); break;
        case Block::Kind::Table: p.table(b.rows); break;
        }
    }
    return p.finish();
}

//-----------------------------------------------------------------------------
// [SECTION] drawing a page (PDF and preview share it)
//-----------------------------------------------------------------------------

void draw_page(cairo_t* cr, const std::vector<Op>& ops) {
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (const Op& op : ops) {
        switch (op.kind) {
        case Op::Kind::Line:
            cairo_move_to(cr, op.x, op.y);
            pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(op.layout, op.line));
            break;
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
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] public writers
//-----------------------------------------------------------------------------

// cairo writes the PDF into memory (checked with cairo_surface_status after finishing); the
// bytes then go to write_file_atomic, which reports a full disk instead of a truncated file.
std::optional<std::string> pdf_bytes(const Draft& draft, std::string* error) {
    const Pages pages = paginate(draft);
    std::string bytes;
    auto append = [](void* closure, const unsigned char* data, unsigned int length) {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
    };
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, &bytes, kPageW, kPageH);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, draft.title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "tebiki");
    cairo_t* cr = cairo_create(surface);
    for (const std::vector<Op>& page : pages.pages) {
        draw_page(cr, page);
        cairo_show_page(cr);
    }
    const cairo_status_t drawn = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t status = drawn != CAIRO_STATUS_SUCCESS ? drawn : cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS || bytes.empty()) {
        if (error) *error = std::string("PDF を作成できません: ") + cairo_status_to_string(status);
        return std::nullopt;
    }
    return bytes;
}

bool write_pdf(const Draft& draft, const std::filesystem::path& file, std::string* error) {
    const auto bytes = pdf_bytes(draft, error);
    return bytes && write_file_atomic(file, *bytes, error);
}

PageImage render_page(const Draft& draft, int page, double px_per_pt) {
    const Pages pages = paginate(draft);
    PageImage image;
    image.pages = int(pages.pages.size());
    page = std::clamp(page, 0, image.pages - 1);
    image.width = int(kPageW * px_per_pt + 0.5);
    image.height = int(kPageH * px_per_pt + 0.5);
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, image.width, image.height);
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, px_per_pt, px_per_pt);
    draw_page(cr, pages.pages[size_t(page)]);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    // cairo's ARGB32 is premultiplied native-endian BGRA; the page is opaque, so only the order changes.
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    image.rgba.resize(size_t(image.width) * size_t(image.height) * 4);
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x) {
            const unsigned char* s = data + y * stride + x * 4;
            unsigned char* d = &image.rgba[(size_t(y) * size_t(image.width) + size_t(x)) * 4];
            d[0] = s[2];
            d[1] = s[1];
            d[2] = s[0];
            d[3] = 255;
        }
    cairo_surface_destroy(surface);
    return image;
}

}  // namespace tebiki::documents
