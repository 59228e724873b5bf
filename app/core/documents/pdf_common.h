// What every PDF tebiki writes shares: the pango context (IPAex Mincho, unhinted metrics at
// 72 dpi, so the PDF and the preview break lines at the same places), paragraph layouts, the
// page number, and the output step that writes pages to a file (kept apart from layout).
#pragma once
#include <cairo.h>
#include <pango/pangocairo.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "documents/wareki.h"

namespace tebiki::documents::pdf {

constexpr double kA4W = 595.276, kA4H = 841.890;  // points
constexpr double kBodyPt = 10.5, kTitlePt = 14.0;
constexpr double kEm = kBodyPt;           // one full-width character
constexpr double kLineSpacing = 1.6;      // line pitch as a multiple of the font size
constexpr const char* kFamily = "IPAexMincho";

struct GObjectDeleter {
    void operator()(void* p) const { g_object_unref(p); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectDeleter>;

class TextContext {
public:
    TextContext();
    ~TextContext();
    TextContext(const TextContext&) = delete;
    TextContext& operator=(const TextContext&) = delete;

    // A paragraph `width` points wide; `hanging` > 0 indents every line but the first by that much.
    // `attrs` (underlines …) is taken over by the layout.
    LayoutPtr layout(const std::string& text, double width, double pt, PangoAlignment align, double hanging = 0,
                     PangoAttrList* attrs = nullptr) const;
    double text_width(const std::string& text, double pt) const;  // one line, unwrapped

private:
    PangoContext* context_ = nullptr;
};

// 「- 3 -」 centred in the bottom margin.
void draw_page_number(cairo_t* cr, const TextContext& text, int page, double page_w, double page_h, double bottom_margin);
// Draws line `line` of `layout` with its baseline at (x, baseline).
void draw_line(cairo_t* cr, PangoLayout* layout, int line, double x, double baseline);

// A white page `width` × `height` points drawn by `draw` at `px_per_pt`, as straight RGBA pixels.
struct Pixels {
    int width = 0, height = 0;
    std::vector<unsigned char> rgba;
};
Pixels render_pixels(double width, double height, double px_per_pt, const std::function<void(cairo_t*)>& draw);

struct Info {
    std::string title;
    Date date;                 // creation date
    double width = kA4W, height = kA4H;
};
// The output step: `pages` pages drawn by `draw(cr, index)` into memory (nullopt and a Japanese
// `error` on failure) …
std::optional<std::string> page_bytes(const Info& info, int pages, const std::function<void(cairo_t*, int)>& draw,
                                      std::string* error);
// … and written with write_file_atomic (temp file, fsync, rename; a full disk is reported).
bool write_pages(const std::filesystem::path& file, const Info& info, int pages, const std::function<void(cairo_t*, int)>& draw,
                 std::string* error);

}  // namespace tebiki::documents::pdf
