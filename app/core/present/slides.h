// Presentation mode: a chapter cut into slides. Each section (## or ###) starts a new slide; its
// blocks are packed onto slides no taller than the screen at the projector's type size, split
// only between blocks (and between the items of a long list), never inside a table. A block
// taller than a whole slide gets a slide of its own. No slide is ever empty.
#pragma once
#include <string>
#include <vector>

#include "guide/book.h"
#include "layout/layout_engine.h"

namespace tebiki {

struct Slide {
    size_t chapter = 0;        // index in Book::chapters
    std::string title;         // the section's heading (the chapter title on its first slide)
    std::string anchor;        // the section's anchor, to open the same place in the reader
    bool continued = false;    // a later slide of a section that did not fit on one
    Document doc;              // the slide's content: its heading first, then the blocks
};

// `options` give the slide's width and zoom; `max_height` the height the content may take;
// `continued` is appended to the heading of a section's later slides (the UI's word, 「（続き）」).
std::vector<Slide> make_slides(const Book& book, size_t chapter, const FontSet& fonts, const LayoutOptions& options,
                               float max_height, const std::string& continued = "");

}  // namespace tebiki
