// Presentation mode: a chapter cut into slides that work in a room.
//
// Each section (the chapter's lead, every ## and ###) puts only its slide material on the slide;
// the rest of its text becomes the presenter's notes:
//   1. an author's `<!-- slide -->` … `<!-- /slide -->` block(s) in the section, or else
//   2. its lists, tables, figures and code (a 表/図 caption stays with its table, the 出典 after
//      it), or else
//   3. the first sentences of its prose (whole sentences only; at most kSlideSentences, in at
//      most half a slide, but always one).
// Slides are then packed: a section continues on slides marked 「（続き）」 when it does not
// fit (split between blocks, between list items and between table rows, the header rows
// repeated; a list item or paragraph taller than the slide between sentences; a single row or
// sentence taller than the slide scrolls), and a short section
// joins the slide before it when that slide is at most half full and the section fits whole — so
// no slide is nearly empty. A section that is only a heading (its text is in its sub-sections)
// becomes the title of the slide its first sub-section starts on. No slide is ever empty.
#pragma once
#include <string>
#include <vector>

#include "guide/book.h"
#include "layout/layout_engine.h"

namespace tebiki {

inline constexpr int kSlideSentences = 2;  // a prose-only section shows at most this many sentences

struct Slide {
    size_t chapter = 0;                // index in Book::chapters
    std::string title;                 // the heading of the first section on the slide
    std::string anchor;                // that section's anchor, to open the same place in the reader
    std::vector<std::string> anchors;  // every section that starts on this slide, in order
    bool continued = false;            // a later slide of a section that did not fit on one
    size_t section = 0, unit = 0;      // where the slide starts: section, and slide unit within it
    Document doc;                      // the slide: its title (level 1), then the material
    Document notes;                    // what of its sections is not on the slide (presenter view)
};

// `options` give the slide's width and type (LayoutOptions::scale); `max_height` the height the
// content may take; `continued` is appended to the title of a section's later slides (the UI's
// word, 「（続き）」).
std::vector<Slide> make_slides(const Book& book, size_t chapter, const FontSet& fonts, const LayoutOptions& options,
                               float max_height, const std::string& continued = "");

// The slide a reader at heading `anchor` of the chapter starts from: the slide its section (the
// ## or ### it belongs to) starts on; 0 when there is none.
size_t slide_for_anchor(const std::vector<Slide>& slides, const Chapter& chapter, const std::string& anchor);

// After a re-cut (another size or room preset): the slide that shows what `old` showed first.
size_t slide_for_position(const std::vector<Slide>& slides, const Slide& old);

// A paragraph's spans cut after each sentence (。！？, and ! ? before a space), never inside
// 「」『』（）［］【】 or their ASCII kin; styles and links are kept. Exposed for the tests.
std::vector<std::vector<Span>> split_sentences(const std::vector<Span>& spans);

}  // namespace tebiki
