// Index of this file
// [SECTION] Markdown
// [SECTION] Word (A4 landscape, a two-column table, 傍線 as underlined runs)
// [SECTION] PDF and preview (A4 landscape, rows split between pages line by line)
// [SECTION] public writers
#include <algorithm>

#include "documents/compare.h"
#include "documents/docx_common.h"
#include "documents/pdf_common.h"
#include "util/file_io.h"

namespace tebiki::documents {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Markdown
//-----------------------------------------------------------------------------

std::string md_segments(const std::vector<Segment>& segments) {
    std::string out;
    for (const Segment& s : segments)
        out += s.changed ? "<u>" + markdown_text(s.text, true) + "</u>" : markdown_text(s.text, true);
    return out;
}

std::string md_cell(const std::vector<CompareLine>& lines) {
    std::string out;
    for (const CompareLine& l : lines) {
        if (!out.empty()) out += "<br>";
        // Full-width spaces indent as the 例規 does (見出し and 号 one character in).
        if (l.kind == CompareLine::Kind::Heading || l.kind == CompareLine::Kind::Item) out += "　";
        if (!l.label.empty()) out += md_segments(l.label) + "　";
        out += md_segments(l.text);
    }
    return out.empty() ? " " : out;
}

//-----------------------------------------------------------------------------
// [SECTION] Word (A4 landscape, a two-column table, 傍線 as underlined runs)
//-----------------------------------------------------------------------------

const char* style_of(CompareLine::Kind kind) {
    switch (kind) {
    case CompareLine::Kind::Title: return "CmpTitleLine";
    case CompareLine::Kind::Heading: return "CmpHeading";
    case CompareLine::Kind::Article: return "CmpArticle";
    case CompareLine::Kind::Item: return "CmpItem";
    case CompareLine::Kind::Plain: return "CmpPlain";
    }
    return "CmpPlain";
}

std::string docx_cell(const std::vector<CompareLine>& lines, int width) {
    std::string out = "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(width) + "\" w:type=\"dxa\"/></w:tcPr>";
    for (const CompareLine& l : lines) {
        out += std::string("<w:p><w:pPr><w:pStyle w:val=\"") + style_of(l.kind) + "\"/></w:pPr>";
        for (const Segment& s : l.label) out += docx::run(s.text, s.changed);
        if (!l.label.empty()) out += docx::run("　");
        for (const Segment& s : l.text) out += docx::run(s.text, s.changed);
        out += "</w:p>";
    }
    if (lines.empty()) out += "<w:p><w:pPr><w:pStyle w:val=\"CmpPlain\"/></w:pPr></w:p>";
    return out + "</w:tc>";
}

std::string docx_document(const Comparison& c) {
    constexpr int kColumn = 7285;  // (16838 − 2 × 1134) / 2
    std::string body = "<w:p><w:pPr><w:pStyle w:val=\"CmpTitle\"/></w:pPr>" + docx::run(c.title) + "</w:p>";
    body += "<w:p><w:pPr><w:pStyle w:val=\"CmpNote\"/></w:pPr>" + docx::run(c.note) + "</w:p>";
    body +=
        "<w:tbl><w:tblPr><w:tblW w:w=\"14570\" w:type=\"dxa\"/><w:tblBorders>"
        "<w:top w:val=\"single\" w:sz=\"8\"/><w:left w:val=\"single\" w:sz=\"8\"/><w:bottom w:val=\"single\" w:sz=\"8\"/>"
        "<w:right w:val=\"single\" w:sz=\"8\"/><w:insideH w:val=\"single\" w:sz=\"4\"/><w:insideV w:val=\"single\" w:sz=\"4\"/>"
        "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:top w:w=\"57\" w:type=\"dxa\"/><w:left w:w=\"113\" w:type=\"dxa\"/>"
        "<w:bottom w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"113\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
        "<w:tblGrid><w:gridCol w:w=\"7285\"/><w:gridCol w:w=\"7285\"/></w:tblGrid>";
    // The header row repeats on every page.
    body += "<w:tr><w:trPr><w:tblHeader/></w:trPr>";
    for (const std::string& label : {c.after_label, c.before_label})
        body += "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(kColumn) + "\" w:type=\"dxa\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"CmpColumn\"/></w:pPr>" +
                docx::run(label) + "</w:p></w:tc>";
    body += "</w:tr>";
    for (const CompareRow& r : c.rows) body += "<w:tr>" + docx_cell(r.after, kColumn) + docx_cell(r.before, kColumn) + "</w:tr>";
    body += "</w:tbl>";
    // A4 landscape, margins 20 mm.
    return docx::document_part(body,
                               "<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" "
                               "w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"454\" w:gutter=\"0\"/>");
}

std::string docx_styles() {
    using docx::paragraph_style;
    return docx::styles_part(
        336, paragraph_style("CmpTitle", "題名", "<w:spacing w:after=\"120\" w:line=\"448\" w:lineRule=\"exact\"/><w:jc w:val=\"center\"/>",
                             "<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>") +
                 paragraph_style("CmpNote", "注", "<w:spacing w:after=\"120\"/><w:jc w:val=\"right\"/>") +
                 paragraph_style("CmpColumn", "表の見出し", "<w:jc w:val=\"center\"/>") + paragraph_style("CmpTitleLine", "本文", "") +
                 paragraph_style("CmpPlain", "様式の行", "") +
                 paragraph_style("CmpHeading", "見出し", "<w:keepNext/><w:ind w:left=\"210\" w:leftChars=\"100\"/>") +
                 paragraph_style("CmpArticle", "条", "<w:ind w:left=\"210\" w:leftChars=\"100\" w:hanging=\"210\" w:hangingChars=\"100\"/>") +
                 paragraph_style("CmpItem", "号", "<w:ind w:left=\"420\" w:leftChars=\"200\" w:hanging=\"210\" w:hangingChars=\"100\"/>"));
}

//-----------------------------------------------------------------------------
// [SECTION] PDF and preview (A4 landscape, rows split between pages line by line)
//-----------------------------------------------------------------------------

using namespace pdf;

constexpr double kPageW = kA4H, kPageH = kA4W;  // landscape
constexpr double kMargin = 56.69;               // 20 mm
constexpr double kTextW = kPageW - 2 * kMargin;
constexpr double kColumnW = kTextW / 2, kPad = 5.67;  // 2 mm inside each cell
constexpr double kPitch = kBodyPt * kLineSpacing;

struct Op {
    enum class Kind { Line, Rect };
    Kind kind = Kind::Line;
    PangoLayout* layout = nullptr;
    int line = 0;
    double x = 0, y = 0, w = 0, h = 0;  // Line: x and baseline; Rect: box
};

struct VisualLine {
    PangoLayout* layout = nullptr;
    int line = 0;
    double x = 0, baseline = 0;  // x from the cell's text edge; baseline within the line
};

class TablePages {
public:
    explicit TablePages(const Comparison& c) : c_(c) {
        pages_.emplace_back();
        PangoLayout* title = keep(text_.layout(c.title, kTextW, kTitlePt, PANGO_ALIGN_CENTER));
        flow_whole(title, kMargin, kTitlePt * kLineSpacing);
        PangoLayout* note = keep(text_.layout(c.note, kTextW, kBodyPt, PANGO_ALIGN_RIGHT));
        flow_whole(note, kMargin, kPitch);
        header();
        for (const CompareRow& r : c.rows) row(r);
    }

    std::vector<std::vector<Op>> pages_;

    // The text of every line drawn, page by page.
    std::vector<std::vector<std::string>> texts() const {
        std::vector<std::vector<std::string>> out;
        for (const auto& page : pages_) {
            out.emplace_back();
            for (const Op& op : page)
                if (op.kind == Op::Kind::Line) {
                    const PangoLayoutLine* l = pango_layout_get_line_readonly(op.layout, op.line);
                    out.back().emplace_back(pango_layout_get_text(op.layout) + l->start_index, size_t(l->length));
                }
        }
        return out;
    }

    const TextContext& text() const { return text_; }

private:
    PangoLayout* keep(LayoutPtr layout) {
        layouts_.push_back(std::move(layout));
        return layouts_.back().get();
    }

    void flow_whole(PangoLayout* layout, double x, double pitch) {
        for (const VisualLine& v : lines_of(layout, x)) {
            pages_.back().push_back({Op::Kind::Line, v.layout, v.line, v.x, y_ + v.baseline, 0, 0});
            y_ += pitch;
        }
    }

    std::vector<VisualLine> lines_of(PangoLayout* layout, double x) {
        std::vector<VisualLine> out;
        PangoLayoutIter* it = pango_layout_get_iter(layout);
        int index = 0;
        do {
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(it, nullptr, &logical);
            const double baseline = double(pango_layout_iter_get_baseline(it) - logical.y) / PANGO_SCALE;
            out.push_back({layout, index++, x + double(logical.x) / PANGO_SCALE, baseline});
        } while (pango_layout_iter_next_line(it));
        pango_layout_iter_free(it);
        return out;
    }

    // One cell's lines: label, full-width space, text; changed runs underlined; indents as in the 例規.
    std::vector<VisualLine> cell(const std::vector<CompareLine>& lines) {
        std::vector<VisualLine> out;
        for (const CompareLine& l : lines) {
            std::string text;
            PangoAttrList* attrs = pango_attr_list_new();
            auto append = [&](const Segment& s) {
                if (s.changed) {
                    PangoAttribute* u = pango_attr_underline_new(PANGO_UNDERLINE_SINGLE);
                    u->start_index = unsigned(text.size());
                    u->end_index = unsigned(text.size() + s.text.size());
                    pango_attr_list_insert(attrs, u);
                }
                text += s.text;
            };
            for (const Segment& s : l.label) append(s);
            if (!l.label.empty()) text += "　";
            for (const Segment& s : l.text) append(s);
            const double indent = l.kind == CompareLine::Kind::Heading || l.kind == CompareLine::Kind::Item ? kEm : 0;
            const double hanging = l.kind == CompareLine::Kind::Article || l.kind == CompareLine::Kind::Item ? kEm : 0;
            const double width = kColumnW - 2 * kPad - indent;
            PangoLayout* layout = keep(text_.layout(text, width, kBodyPt, PANGO_ALIGN_LEFT, hanging, attrs));
            for (const VisualLine& v : lines_of(layout, indent)) out.push_back(v);
        }
        return out;
    }

    void header() {
        const double h = kPitch + 2 * kPad;
        int column = 0;
        for (const std::string& label : {c_.after_label, c_.before_label}) {
            const double x = kMargin + column++ * kColumnW;
            pages_.back().push_back({Op::Kind::Rect, nullptr, 0, x, y_, kColumnW, h});
            PangoLayout* layout = keep(text_.layout(label, kColumnW - 2 * kPad, kBodyPt, PANGO_ALIGN_CENTER));
            for (const VisualLine& v : lines_of(layout, x + kPad))
                pages_.back().push_back({Op::Kind::Line, v.layout, v.line, v.x, y_ + kPad + v.baseline, 0, 0});
        }
        y_ += h;
    }

    void new_page() {
        pages_.emplace_back();
        y_ = kMargin;
        header();
    }

    // A row: both cells top-aligned; where the page ends, the row is closed and continues under
    // the header of the next page.
    void row(const CompareRow& r) {
        const std::vector<VisualLine> left = cell(r.after), right = cell(r.before);
        const size_t n = std::max(left.size(), right.size());
        size_t k = 0;
        while (k < n) {
            const double bottom = kPageH - kMargin;
            size_t fit = size_t(std::max(0.0, (bottom - y_ - 2 * kPad) / kPitch + 1e-6));
            if (fit == 0 || (k == 0 && fit < std::min<size_t>(n, 2))) {  // never a lone first line at the foot
                new_page();
                continue;
            }
            const size_t take = std::min(fit, n - k);
            const double h = double(take) * kPitch + 2 * kPad;
            pages_.back().push_back({Op::Kind::Rect, nullptr, 0, kMargin, y_, kColumnW, h});
            pages_.back().push_back({Op::Kind::Rect, nullptr, 0, kMargin + kColumnW, y_, kColumnW, h});
            for (size_t i = k; i < k + take; ++i) {
                const double top = y_ + kPad + double(i - k) * kPitch;
                if (i < left.size())
                    pages_.back().push_back({Op::Kind::Line, left[i].layout, left[i].line, kMargin + kPad + left[i].x, top + left[i].baseline, 0, 0});
                if (i < right.size())
                    pages_.back().push_back(
                        {Op::Kind::Line, right[i].layout, right[i].line, kMargin + kColumnW + kPad + right[i].x, top + right[i].baseline, 0, 0});
            }
            y_ += h;
            k += take;
            if (k < n) new_page();
        }
    }

    const Comparison& c_;
    TextContext text_;
    std::vector<LayoutPtr> layouts_;
    double y_ = kMargin;
};

void draw_table_page(cairo_t* cr, const std::vector<Op>& ops, int number, const TextContext& text) {
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (const Op& op : ops) {
        if (op.kind == Op::Kind::Line) {
            draw_line(cr, op.layout, op.line, op.x, op.y);
        } else {
            cairo_set_line_width(cr, 0.75);
            cairo_rectangle(cr, op.x, op.y, op.w, op.h);
            cairo_stroke(cr);
        }
    }
    draw_page_number(cr, text, number, kPageW, kPageH, kMargin);
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] public writers
//-----------------------------------------------------------------------------

std::string comparison_markdown(const Comparison& c) {
    std::string out = "# " + markdown_text(c.title) + "\n\n" + markdown_text(c.note) + "\n\n";
    out += "| " + markdown_text(c.after_label, true) + " | " + markdown_text(c.before_label, true) + " |\n|---|---|\n";
    for (const CompareRow& r : c.rows) out += "| " + md_cell(r.after) + " | " + md_cell(r.before) + " |\n";
    return out;
}

std::optional<std::string> comparison_bytes(const Comparison& c, const std::string& ext, std::string* error) {
    if (ext == ".md") return comparison_markdown(c);
    if (ext == ".docx") return docx::package_bytes(docx::package(docx_document(c), docx_styles(), c.title, c.date), error);
    if (ext == ".pdf") {
        const TablePages pages(c);
        return pdf::page_bytes({c.title, c.date, kPageW, kPageH}, int(pages.pages_.size()),
                               [&](cairo_t* cr, int i) { draw_table_page(cr, pages.pages_[size_t(i)], i + 1, pages.text()); }, error);
    }
    if (error) *error = "出力の形式は .docx, .pdf, .md のいずれかです（" + ext + "）。";
    return std::nullopt;
}

bool write_comparison(const Comparison& c, const std::filesystem::path& file, std::string* error) {
    const auto bytes = comparison_bytes(c, file.extension().string(), error);
    return bytes && write_file_atomic(file, *bytes, error);
}

std::vector<std::vector<std::string>> comparison_page_lines(const Comparison& c) { return TablePages(c).texts(); }

PageImage render_comparison_page(const Comparison& c, int page, double px_per_pt) {
    const TablePages pages(c);
    PageImage image;
    image.pages = int(pages.pages_.size());
    page = std::clamp(page, 0, image.pages - 1);
    Pixels pixels = render_pixels(kPageW, kPageH, px_per_pt, [&](cairo_t* cr) { draw_table_page(cr, pages.pages_[size_t(page)], page + 1, pages.text()); });
    image.width = pixels.width;
    image.height = pixels.height;
    image.rgba = std::move(pixels.rgba);
    return image;
}

}  // namespace tebiki::documents
