// Index of this file
// [SECTION] Sentences
// [SECTION] Sections and their slide material (marks, lists and tables, first sentences)
// [SECTION] Packing material onto slides
// [SECTION] Finding a slide again

#include "present/slides.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <tuple>

#include "util/utf8.h"

namespace tebiki {

//-----------------------------------------------------------------------------
// [SECTION] Sentences
//-----------------------------------------------------------------------------

std::vector<std::vector<Span>> split_sentences(const std::vector<Span>& spans) {
    static const std::u32string opening = U"「『（(［[【〔〈《“", closing = U"」』）)］]】〕〉》”";
    std::vector<std::vector<Span>> out(1);
    int depth = 0;
    bool ended = false;  // a sentence end was seen; the sentence closes before the next visible character
    auto cut = [&] {
        if (!out.back().empty()) out.emplace_back();
    };
    for (const Span& span : spans) {
        size_t pos = 0, start = 0;
        while (pos < span.text.size()) {
            const size_t at = pos;
            const char32_t cp = utf8_next(span.text, pos);
            const bool space = cp == U' ' || cp == U'\u3000' || cp == U'\n';
            if (ended && !space) {
                if (at > start) out.back().push_back(Span{span.text.substr(start, at - start), span.style, span.link});
                start = at;
                cut();
                ended = false;
            }
            if (opening.find(cp) != std::u32string::npos) ++depth;
            else if (closing.find(cp) != std::u32string::npos) depth = std::max(0, depth - 1);
            else if (depth == 0 && (cp == U'。' || cp == U'！' || cp == U'？')) ended = true;
            else if (depth == 0 && (cp == U'!' || cp == U'?') && (pos >= span.text.size() || span.text[pos] == ' ')) ended = true;
        }
        if (start < span.text.size()) out.back().push_back(Span{span.text.substr(start), span.style, span.link});
    }
    if (out.back().empty()) out.pop_back();
    return out;
}

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Sections and their slide material
//-----------------------------------------------------------------------------

using Unit = std::vector<Block>;  // blocks that stay on one slide together

float height_of(const std::vector<Block>& blocks, const FontSet& fonts, const LayoutOptions& options) {
    Document doc;
    doc.blocks = blocks;
    return layout_document(doc, fonts, options).height;
}

bool starts_with(const Block& b, std::string_view prefix) {
    return b.kind == BlockKind::Paragraph && plain_text(b.spans).rfind(prefix, 0) == 0;
}

bool is_material(BlockKind k) { return k == BlockKind::List || k == BlockKind::Table || k == BlockKind::Image || k == BlockKind::Code; }

// Blocks that must share a slide: a 表/図 caption with its table or image, and the 出典 line
// after it.
std::vector<Unit> units_of(const std::vector<Block>& blocks) {
    std::vector<Unit> units;
    for (size_t i = 0; i < blocks.size(); ++i) {
        const Block& b = blocks[i];
        const bool caption = (starts_with(b, "表") || starts_with(b, "図")) && i + 1 < blocks.size() &&
                             (blocks[i + 1].kind == BlockKind::Table || blocks[i + 1].kind == BlockKind::Image);
        const bool source = starts_with(b, "出典") && !units.empty() && is_material(units.back().back().kind);
        if (source) units.back().push_back(b);
        else if (caption) {
            units.push_back({b, blocks[i + 1]});
            ++i;
        } else {
            units.push_back({b});
        }
    }
    return units;
}

struct Section {
    Block heading;             // the chapter title (level 1) for the lead
    std::vector<Block> blocks;  // its content, up to the next ## or ###
    std::vector<char> marked;   // per block: inside a <!-- slide --> block
    bool has_marks = false;
};

std::vector<Section> sections_of(const Chapter& chapter) {
    const std::vector<Block>& all = chapter.doc.blocks;
    std::vector<Section> out;
    std::vector<size_t> first_block;  // index in `all` of each section's first content block
    for (size_t i = 0; i < all.size(); ++i) {
        const Block& b = all[i];
        const bool starts = b.kind == BlockKind::Heading && b.level <= 3;
        if (starts || out.empty()) {
            Section s;
            if (starts) s.heading = b;
            else {
                s.heading.kind = BlockKind::Heading;
                s.heading.spans = {Span{chapter.title}};
            }
            s.heading.level = out.empty() ? 1 : b.level;
            out.push_back(std::move(s));
            first_block.push_back(starts ? i + 1 : i);
            if (starts) continue;
        }
        out.back().blocks.push_back(b);
    }
    // Slide marks: a block opens at <!-- slide --> and closes at <!-- /slide --> or the section's end.
    for (size_t s = 0; s < out.size(); ++s) {
        Section& section = out[s];
        const size_t begin = first_block[s], end = begin + section.blocks.size();
        section.marked.assign(section.blocks.size(), 0);
        bool open = false;
        size_t from = 0;
        for (const SlideMark& m : chapter.doc.slide_marks) {
            if (!m.top_level || m.block < begin || m.block > end) continue;
            section.has_marks = true;
            if (m.open && !open) {
                open = true;
                from = m.block;
            } else if (!m.open && open) {
                for (size_t i = from; i < m.block; ++i) section.marked[i - begin] = 1;
                open = false;
            }
        }
        if (open)
            for (size_t i = from; i < end; ++i) section.marked[i - begin] = 1;
    }
    return out;
}

struct Material {
    std::vector<Unit> units;   // on the slide, in order
    std::vector<Block> notes;  // for the presenter
};

// Rule 1: what the author marked.
Material marked_material(const Section& section) {
    Material m;
    std::vector<Block> shown;
    for (size_t i = 0; i < section.blocks.size(); ++i) (section.marked[i] ? shown : m.notes).push_back(section.blocks[i]);
    m.units = units_of(shown);
    return m;
}

std::vector<Block> split_table(const Block& table, const FontSet& fonts, const LayoutOptions& options, float room);

// Whether `table` can be projected: on at most kTableSlides slides, every row readable whole.
// A table of long texts is read, not projected: it goes to the notes.
constexpr size_t kTableSlides = 2;
bool projectable(const Block& table, const FontSet& fonts, const LayoutOptions& options, float room) {
    const std::vector<Block> parts = split_table(table, fonts, options, room);
    return parts.size() <= kTableSlides &&
           std::all_of(parts.begin(), parts.end(), [&](const Block& p) { return height_of({p}, fonts, options) <= room; });
}

// Rule 2: lists, tables, figures and code, each with the sub-heading (####) it stands under.
Material list_material(const Section& section, const FontSet& fonts, const LayoutOptions& options, float room) {
    Material m;
    std::optional<Block> subheading;
    for (Unit& unit : units_of(section.blocks)) {
        const Block& first = unit.front();
        if (first.kind == BlockKind::Heading) {
            if (subheading) m.notes.push_back(*subheading);
            subheading = first;
            subheading->level = 4;
            continue;
        }
        const bool material = std::any_of(unit.begin(), unit.end(), [&](const Block& b) {
            return is_material(b.kind) && (b.kind != BlockKind::Table || projectable(b, fonts, options, room));
        });
        if (material) {
            if (subheading) unit.insert(unit.begin(), *subheading);
            subheading.reset();
            m.units.push_back(std::move(unit));
        } else {
            m.notes.insert(m.notes.end(), unit.begin(), unit.end());
        }
    }
    if (subheading) m.notes.push_back(*subheading);
    return m;
}

// Rule 3: the first sentences of the prose that fit under `title` (at least one).
Material sentence_material(const Section& section, const Block& title, const FontSet& fonts, const LayoutOptions& options,
                           float max_height) {
    Material m;
    std::vector<Block> slide = {title};
    int taken = 0;
    bool done = false;
    for (const Block& b : section.blocks) {
        if (done || b.kind != BlockKind::Paragraph || starts_with(b, "出典")) {
            m.notes.push_back(b);
            continue;
        }
        Block shown = b, rest = b;
        shown.spans.clear();
        rest.spans.clear();
        for (std::vector<Span>& sentence : split_sentences(b.spans)) {
            if (!done && taken < kSlideSentences) {
                Block candidate = shown;
                candidate.spans.insert(candidate.spans.end(), sentence.begin(), sentence.end());
                slide.push_back(candidate);
                const bool fits = taken == 0 || height_of(slide, fonts, options) <= max_height;
                slide.pop_back();
                if (fits) {
                    shown = std::move(candidate);
                    ++taken;
                    continue;
                }
                done = true;
            }
            rest.spans.insert(rest.spans.end(), sentence.begin(), sentence.end());
        }
        if (!shown.spans.empty()) {
            slide.push_back(shown);
            m.units.push_back({shown});
        }
        if (!rest.spans.empty()) {
            m.notes.push_back(rest);
            done = true;  // the next sentences belong after this paragraph's rest: notes from here on
        }
        if (taken >= kSlideSentences) done = true;
    }
    if (m.units.empty() && !m.notes.empty()) {
        m.units.push_back({m.notes.front()});  // no paragraph (a コラム only): show its first block
        m.notes.erase(m.notes.begin());
    }
    return m;
}

Material material_of(const Section& section, const FontSet& fonts, const LayoutOptions& options, float max_height, float room) {
    if (section.has_marks && std::find(section.marked.begin(), section.marked.end(), 1) != section.marked.end())
        return marked_material(section);
    Material m = list_material(section, fonts, options, room);
    if (!m.units.empty()) return m;
    Block title = section.heading;
    title.level = 1;
    return sentence_material(section, title, fonts, options, max_height * 0.5f);
}

// A paragraph taller than a slide on its own is cut between sentences, as a table is cut between
// rows, so the presenter never has to scroll: the longest run of whole sentences for which
// `fits(head)` holds comes first, the rest goes to the section's next 「（続き）」 slide. No piece
// has fewer than kMinPieceChars characters (a dangling 「はい。」 reads as a mistake). None when
// not even one sentence fits: the paragraph stays whole and scrolls.
constexpr size_t kMinPieceChars = 20;

template <class Fits>
std::optional<std::pair<Block, Block>> cut_paragraph(const Block& paragraph, const Fits& fits) {
    if (paragraph.kind != BlockKind::Paragraph) return std::nullopt;
    const std::vector<std::vector<Span>> sentences = split_sentences(paragraph.spans);
    std::vector<size_t> before(1, 0);  // characters before each sentence
    for (const std::vector<Span>& sentence : sentences) before.push_back(before.back() + utf8_length(plain_text(sentence)));
    auto piece = [&](size_t from, size_t to) {
        Block p = paragraph;
        p.spans.clear();
        for (size_t i = from; i < to; ++i) p.spans.insert(p.spans.end(), sentences[i].begin(), sentences[i].end());
        return p;
    };
    size_t best = 0;  // sentences in the first piece
    for (size_t n = 1; n < sentences.size(); ++n) {
        if (before.back() - before[n] < kMinPieceChars) break;  // the rest would be too short
        if (before[n] < kMinPieceChars) continue;
        if (!fits(piece(0, n))) break;
        best = n;
    }
    if (best == 0) return std::nullopt;
    return std::make_pair(piece(0, best), piece(best, sentences.size()));
}

// A list item cut the same way at its first paragraph: the later piece keeps the item's indent
// but shows no second marker (Block::continued), and carries the item's sub-blocks.
template <class Fits>
std::optional<std::pair<Block, Block>> cut_item(const Block& item, const Fits& fits) {
    if (item.children.empty()) return std::nullopt;
    Block head = item, rest = item;
    auto cut = cut_paragraph(item.children.front(), [&](const Block& paragraph) {
        head.children = {paragraph};
        return fits(head);
    });
    if (!cut) return std::nullopt;
    head.children = {std::move(cut->first)};
    rest.children.front() = std::move(cut->second);
    rest.continued = true;
    return std::make_pair(std::move(head), std::move(rest));
}

// A list too long for `room` becomes several lists of consecutive items (numbering kept); the
// first part has `first_room` (a caption above it), the last must leave room for `tail` (the
// 出典 under the list). An item taller than `room` whose sub-list can
// be cut becomes several items, each repeating the item's own text above a part of the sub-list
// (as a table part repeats its header); one whose text is that tall is cut between sentences.
std::vector<Block> split_list(const Block& list, const FontSet& fonts, const LayoutOptions& options, float first_room, float room,
                              const std::vector<Block>& tail);

std::vector<Block> split_item(const Block& item, const Block& list, const FontSet& fonts, const LayoutOptions& options, float room) {
    auto height = [&](const Block& piece) {  // measured in place: a sub-list wraps narrower than a list
        Block alone = list;
        alone.children = {piece};
        return height_of({alone}, fonts, options);
    };
    if (item.children.size() < 2 || item.children.back().kind != BlockKind::List || item.children.back().children.size() < 2 ||
        height(item) <= room)
        return {item};
    const Block& sub = item.children.back();
    Block lead = item;
    lead.children.back().children.clear();
    if (height(lead) > room * 0.5f) return {item};
    std::vector<Block> out;
    Block piece = lead;
    for (const Block& sub_item : sub.children) {
        std::vector<Block>& items = piece.children.back().children;
        items.push_back(sub_item);
        if (items.size() > 1 && height(piece) > room) {
            items.pop_back();
            const int next = piece.children.back().start + int(items.size());
            out.push_back(piece);
            piece = lead;
            piece.children.back().start = next;
            piece.children.back().children = {sub_item};
        }
    }
    out.push_back(std::move(piece));
    return out;
}

std::vector<Block> split_list(const Block& list, const FontSet& fonts, const LayoutOptions& options, float first_room, float room,
                              const std::vector<Block>& tail) {
    std::vector<Block> parts;
    Block part = list;
    part.children.clear();
    int start = list.start;
    std::vector<Block> items;
    for (const Block& item : list.children) {
        if (list.ordered) {  // the pieces of an item would be numbered as items
            items.push_back(item);
            continue;
        }
        for (Block& piece : split_item(item, list, fonts, options, first_room)) items.push_back(std::move(piece));
    }
    auto height = [&](const Block& list_part, bool end) {  // the last part has the 出典 under it
        std::vector<Block> blocks = {list_part};
        if (end) blocks.insert(blocks.end(), tail.begin(), tail.end());
        return height_of(blocks, fonts, options);
    };
    auto next_part = [&] {
        parts.push_back(part);
        for (const Block& item : part.children) start += !item.continued;
        part.children.clear();
        part.start = start;
    };
    for (size_t i = 0; i < items.size(); ++i) {
        const bool end = i + 1 == items.size();
        Block item = items[i];
        for (;;) {
            const float limit = parts.empty() ? first_room : room;
            part.children.push_back(item);
            if (height(part, end) <= limit) break;
            part.children.pop_back();
            Block alone = list;
            alone.children = {item};
            std::optional<std::pair<Block, Block>> cut;
            if (height(alone, end) > room)  // taller than a slide on its own: fill this part, then go on
                cut = cut_item(item, [&](const Block& head) {
                    part.children.push_back(head);
                    const bool fits = height(part, false) <= limit;
                    part.children.pop_back();
                    return fits;
                });
            if (cut) {
                part.children.push_back(std::move(cut->first));
                next_part();
                item = std::move(cut->second);
                continue;
            }
            if (part.children.empty()) {  // alone and no cut: it scrolls
                part.children.push_back(item);
                break;
            }
            next_part();
        }
    }
    if (!part.children.empty()) parts.push_back(part);
    return parts;
}

// A table too tall for `room` becomes several tables of consecutive rows, each under the
// table's header rows (so every part can be read on its own). A single row taller than the
// room stays whole: its slide scrolls.
std::vector<Block> split_table(const Block& table, const FontSet& fonts, const LayoutOptions& options, float room) {
    size_t header = 0;
    while (header < table.children.size() && table.children[header].header) ++header;
    Block head = table;
    head.children.assign(table.children.begin(), table.children.begin() + long(header));
    std::vector<Block> parts;
    Block part = head;
    for (size_t r = header; r < table.children.size(); ++r) {
        part.children.push_back(table.children[r]);
        if (part.children.size() > header + 1 && height_of({part}, fonts, options) > room) {
            part.children.pop_back();
            parts.push_back(part);
            part = head;
            part.children.push_back(table.children[r]);
        }
    }
    if (part.children.size() > header || parts.empty()) parts.push_back(part);
    return parts;
}

// A unit taller than a slide under its title is split at its list's items or its table's rows:
// the caption and sub-heading stay with the first part, the 出典 goes with the last.
std::vector<Unit> split_long_units(std::vector<Unit> units, const FontSet& fonts, const LayoutOptions& options, const float whole_room) {
    std::vector<Unit> out;
    for (Unit& unit : units) {
        float room = whole_room;
        auto material = std::find_if(unit.rbegin(), unit.rend(), [](const Block& b) {
            return b.kind == BlockKind::List || b.kind == BlockKind::Table;
        });
        if (material == unit.rend() || height_of(unit, fonts, options) <= room) {
            const auto fits = [&](const Block& head) { return height_of({head}, fonts, options) <= room; };
            while (unit.size() == 1 && unit[0].kind == BlockKind::Paragraph && height_of(unit, fonts, options) > room) {
                auto cut = cut_paragraph(unit[0], fits);  // an author's long paragraph
                if (!cut) break;
                out.push_back({std::move(cut->first)});
                unit[0] = std::move(cut->second);
            }
            out.push_back(std::move(unit));
            continue;
        }
        const size_t k = size_t(unit.rend() - material) - 1;
        const Unit head(unit.begin(), unit.begin() + long(k)), tail(unit.begin() + long(k) + 1, unit.end());
        // What the caption above or the 出典 below take, with the gap to the list or table.
        Block probe;
        probe.spans = {Span{"あ"}};
        auto extra = [&](const Unit& blocks, bool above) {
            if (blocks.empty()) return 0.0f;
            Unit with = blocks;
            with.insert(above ? with.end() : with.begin(), probe);
            return height_of(with, fonts, options) - height_of({probe}, fonts, options);
        };
        const float first_room = std::max(room * 0.5f, room - extra(head, true));
        room = std::max(room * 0.5f, room - extra(tail, false));  // any part of a table may be the last
        const bool list = unit[k].kind == BlockKind::List;
        std::vector<Block> parts = list ? split_list(unit[k], fonts, options, first_room, whole_room, tail)
                                        : split_table(unit[k], fonts, options, first_room);
        // Later parts of a table have the whole room: cut the rest again with it.
        if (!list && parts.size() > 1) {
            Block rest = unit[k];
            rest.children.clear();
            for (const Block& row : parts[0].children)
                if (row.header) rest.children.push_back(row);
            for (size_t p = 1; p < parts.size(); ++p)
                for (const Block& row : parts[p].children)
                    if (!row.header) rest.children.push_back(row);
            std::vector<Block> more = split_table(rest, fonts, options, room);
            parts.resize(1);
            parts.insert(parts.end(), more.begin(), more.end());
        }
        for (size_t p = 0; p < parts.size(); ++p) {
            Unit u = p == 0 ? head : Unit{};
            u.push_back(std::move(parts[p]));
            if (p + 1 == parts.size()) u.insert(u.end(), tail.begin(), tail.end());
            out.push_back(std::move(u));
        }
    }
    return out;
}

// A figure (its caption, the image, the 出典) taller than the slide under its title is fitted,
// not scrolled: the image is made smaller, down to kMinFigureShare of the slide; when that is not
// enough, the 出典 line goes to the presenter's notes and the image takes the room left. So a long
// caption or source line never needs the author to shorten it.
constexpr float kMinFigureShare = 0.3f;
void fit_figures(Material& m, const FontSet& fonts, const LayoutOptions& options, float room, float slide_height) {
    const float least = kMinFigureShare * slide_height;
    for (Unit& unit : m.units) {
        const auto image = std::find_if(unit.begin(), unit.end(), [](const Block& b) { return b.kind == BlockKind::Image; });
        if (image == unit.end() || height_of(unit, fonts, options) <= room) continue;
        const size_t at = size_t(image - unit.begin());
        auto room_for_image = [&] {  // what the other blocks leave (the image measured 1 px tall)
            unit[at].fit_height = 1;
            return room - (height_of(unit, fonts, options) - 1);
        };
        float fit = room_for_image();
        if (fit < least && unit.size() > at + 1 && starts_with(unit.back(), "出典")) {
            m.notes.push_back(unit.back());
            unit.pop_back();
            fit = room_for_image();
        }
        unit[at].fit_height = std::floor(std::max(fit, least));  // below `least` it stays readable and scrolls
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Packing material onto slides
//-----------------------------------------------------------------------------

class Packer {
public:
    Packer(const Book& book, size_t chapter, const FontSet& fonts, const LayoutOptions& options, float max_height,
           const std::string& continued)
        : chapter_(book.chapters[chapter]), index_(chapter), fonts_(fonts), options_(options), max_(max_height), continued_(continued) {}

    std::vector<Slide> run() {
        const std::vector<Section> sections = sections_of(chapter_);
        for (size_t s = 0; s < sections.size(); ++s) add(s, sections[s]);
        return std::move(slides_);
    }

private:
    float height(const Slide& slide) const { return height_of(slide.doc.blocks, fonts_, options_); }
    bool title_only(const Slide& slide) const { return slide.doc.blocks.size() == 1; }
    // What a slide's title takes (with the 「（続き）」 of a later slide), and the gap under it.
    float title_height(const Section& section) const {
        Block title = section.heading;
        title.level = 1;
        if (!continued_.empty()) title.spans.push_back(Span{continued_});
        // The gap under the title depends on what follows: the larger of a paragraph's and a list's.
        Block paragraph;
        paragraph.spans = {Span{"あ"}};
        Block item, list;
        item.kind = BlockKind::ListItem;
        item.children = {paragraph};
        list.kind = BlockKind::List;
        list.children = {item};
        float most = 0;
        for (const Block& probe : {paragraph, list})
            most = std::max(most, height_of({title, probe}, fonts_, options_) - height_of({probe}, fonts_, options_));
        return most;
    }

    void start(size_t section, size_t unit, const Block& heading, bool continued) {
        Slide s;
        s.chapter = index_;
        s.title = plain_text(heading.spans);
        s.anchor = heading.anchor;
        if (!continued) s.anchors.push_back(heading.anchor);
        s.continued = continued;
        s.section = section;
        s.unit = unit;
        Block title = heading;
        title.level = 1;
        if (continued && !continued_.empty()) title.spans.push_back(Span{continued_});
        s.doc.blocks.push_back(std::move(title));
        s.doc.links = s.notes.links = chapter_.doc.links;  // spans keep their link indices
        slides_.push_back(std::move(s));
        levels_.push_back(heading.level);
    }

    // The height left for a section's material: under its own title, or under the title and its
    // heading when it goes onto a slide that has only a title (joins() always takes it there).
    float room_under_title(const Section& section) const {
        if (slides_.empty() || !title_only(slides_.back()) || section.heading.level < levels_.back()) return max_ - title_height(section);
        Block probe;
        probe.spans = {Span{"あ"}};
        std::vector<Block> with = slides_.back().doc.blocks;
        with.push_back(joined_heading(section));
        with.push_back(probe);
        return std::min(max_ - title_height(section), max_ - (height_of(with, fonts_, options_) - height_of({probe}, fonts_, options_)));
    }

    // Whether `section` may go onto the last slide rather than start its own.
    bool joins(const Section& section, const std::vector<Unit>& units) const {
        if (slides_.empty() || section.heading.level < levels_.back()) return false;
        const Slide& last = slides_.back();
        if (title_only(last)) return true;  // a heading whose text is all in its sub-sections
        if (units.empty()) return false;     // such a heading starts a slide of its own
        if (slides_.size() == 1) return false;  // the chapter's title slide keeps to its lead
        if (height(last) > max_ * 0.5f) return false;
        std::vector<Block> all = last.doc.blocks;
        all.push_back(joined_heading(section));
        for (const Unit& u : units) all.insert(all.end(), u.begin(), u.end());
        return height_of(all, fonts_, options_) <= max_;
    }

    // A section that joins a slide keeps its title, one step below the slide's (no rule under it).
    static Block joined_heading(const Section& section) {
        Block h = section.heading;
        h.level = 3;
        return h;
    }

    void add(size_t index, const Section& section) {
        const float room = room_under_title(section);
        Material material = material_of(section, fonts_, options_, max_, room);
        fit_figures(material, fonts_, options_, room, max_);
        const std::vector<Unit> units = split_long_units(material.units, fonts_, options_, room);
        if (joins(section, units)) {
            Slide& last = slides_.back();
            last.doc.blocks.push_back(joined_heading(section));
            last.anchors.push_back(section.heading.anchor);
            if (!material.notes.empty()) last.notes.blocks.push_back(joined_heading(section));
        } else {
            start(index, 0, section.heading, false);
        }
        std::vector<Block>& notes = slides_.back().notes.blocks;
        notes.insert(notes.end(), material.notes.begin(), material.notes.end());
        bool has_content = false;  // on the current slide, from this section
        for (size_t u = 0; u < units.size(); ++u) {
            std::vector<Block>& content = slides_.back().doc.blocks;
            content.insert(content.end(), units[u].begin(), units[u].end());
            if (has_content && height(slides_.back()) > max_) {
                content.resize(content.size() - units[u].size());
                start(index, u, section.heading, true);
                slides_.back().doc.blocks.insert(slides_.back().doc.blocks.end(), units[u].begin(), units[u].end());
            }
            has_content = true;
        }
    }

    const Chapter& chapter_;
    size_t index_;
    const FontSet& fonts_;
    const LayoutOptions& options_;
    float max_;
    const std::string& continued_;
    std::vector<Slide> slides_;
    std::vector<int> levels_;  // heading level of each slide's first section
};

}  // namespace

std::vector<Slide> make_slides(const Book& book, size_t chapter_index, const FontSet& fonts, const LayoutOptions& options,
                               float max_height, const std::string& continued_label) {
    return Packer(book, chapter_index, fonts, options, max_height, continued_label).run();
}

//-----------------------------------------------------------------------------
// [SECTION] Finding a slide again
//-----------------------------------------------------------------------------

size_t slide_for_anchor(const std::vector<Slide>& slides, const Chapter& chapter, const std::string& anchor) {
    // The section a heading belongs to: the nearest ## or ### at or before it (the lead for # or none).
    std::string section;
    bool found = false;
    for (const Heading& h : chapter.headings) {
        if (h.level >= 2 && h.level <= 3) section = h.anchor;
        if (h.level == 1) section.clear();
        if ((found = h.anchor == anchor)) break;
    }
    if (!found || section.empty()) return 0;
    for (size_t i = 0; i < slides.size(); ++i)
        if (std::find(slides[i].anchors.begin(), slides[i].anchors.end(), section) != slides[i].anchors.end()) return i;
    return 0;
}

size_t slide_for_position(const std::vector<Slide>& slides, const Slide& old) {
    size_t best = 0;
    for (size_t i = 0; i < slides.size(); ++i)
        if (std::tie(slides[i].section, slides[i].unit) <= std::tie(old.section, old.unit)) best = i;
    return best;
}

}  // namespace tebiki
