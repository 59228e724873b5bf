#include "documents/pdf_common.h"

#include "util/file_io.h"

#include <cairo-pdf.h>

#include <cstdio>

namespace tebiki::documents::pdf {

TextContext::TextContext() {
    context_ = pango_font_map_create_context(pango_cairo_font_map_get_default());
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context_, options);
    cairo_font_options_destroy(options);
    pango_cairo_context_set_resolution(context_, 72);
    pango_context_set_language(context_, pango_language_from_string("ja"));
}

TextContext::~TextContext() { g_object_unref(context_); }

LayoutPtr TextContext::layout(const std::string& text, double width, double pt, PangoAlignment align, double hanging,
                              PangoAttrList* attrs) const {
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
    if (attrs) {
        pango_layout_set_attributes(layout.get(), attrs);
        pango_attr_list_unref(attrs);
    }
    return layout;
}

double TextContext::text_width(const std::string& text, double pt) const {
    LayoutPtr l = layout(text, 10000, pt, PANGO_ALIGN_LEFT);
    int w = 0, h = 0;
    pango_layout_get_size(l.get(), &w, &h);
    return double(w) / PANGO_SCALE;
}

void draw_line(cairo_t* cr, PangoLayout* layout, int line, double x, double baseline) {
    cairo_move_to(cr, x, baseline);
    pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(layout, line));
}

void draw_page_number(cairo_t* cr, const TextContext& text, int page, double page_w, double page_h, double bottom_margin) {
    const LayoutPtr l = text.layout("- " + std::to_string(page) + " -", page_w, kBodyPt * 0.9, PANGO_ALIGN_CENTER);
    int w = 0, h = 0;
    pango_layout_get_size(l.get(), &w, &h);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_move_to(cr, 0, page_h - bottom_margin * 0.5 - double(h) / PANGO_SCALE * 0.5);  // centred in the margin
    pango_cairo_show_layout(cr, l.get());
}

Pixels render_pixels(double width_pt, double height_pt, double px_per_pt, const std::function<void(cairo_t*)>& draw) {
    const int width = int(width_pt * px_per_pt + 0.5), height = int(height_pt * px_per_pt + 0.5);
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, px_per_pt, px_per_pt);
    draw(cr);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    std::vector<unsigned char> rgba(size_t(width) * size_t(height) * 4);
    // Native-endian ARGB32 of an opaque page: only the byte order changes.
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const unsigned char* s = data + y * stride + x * 4;
            unsigned char* d = &rgba[(size_t(y) * size_t(width) + size_t(x)) * 4];
            d[0] = s[2];
            d[1] = s[1];
            d[2] = s[0];
            d[3] = 255;
        }
    cairo_surface_destroy(surface);
    return {width, height, std::move(rgba)};
}

// cairo writes the PDF into memory (checked with cairo_surface_status after finishing); the
// bytes then go to write_file_atomic, which reports a full disk instead of a truncated file.
std::optional<std::string> page_bytes(const Info& info, int pages, const std::function<void(cairo_t*, int)>& draw,
                                      std::string* error) {
    std::string bytes;
    auto append = [](void* closure, const unsigned char* data, unsigned int length) {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
    };
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, &bytes, info.width, info.height);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, info.title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "tebiki");
    if (info.date.year > 0) {
        char created[32];
        std::snprintf(created, sizeof created, "%04d-%02d-%02dT00:00:00", info.date.year, info.date.month, info.date.day);
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
    }
    cairo_t* cr = cairo_create(surface);
    for (int i = 0; i < pages; ++i) {
        draw(cr, i);
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

bool write_pages(const std::filesystem::path& file, const Info& info, int pages, const std::function<void(cairo_t*, int)>& draw,
                 std::string* error) {
    const auto bytes = page_bytes(info, pages, draw, error);
    return bytes && write_file_atomic(file, *bytes, error);
}

}  // namespace tebiki::documents::pdf
