#include "present/slides.h"

namespace tebiki {

namespace {

float height_of(const std::vector<Block>& blocks, const FontSet& fonts, const LayoutOptions& options) {
    Document doc;
    doc.blocks = blocks;
    return layout_document(doc, fonts, options).height;
}

// A list too long for one slide becomes several lists of consecutive items (numbering kept).
std::vector<Block> split_list(const Block& list, const FontSet& fonts, const LayoutOptions& options, float max_height) {
    std::vector<Block> parts;
    Block part = list;
    part.children.clear();
    int start = list.start;
    for (const Block& item : list.children) {
        part.children.push_back(item);
        if (part.children.size() > 1 && height_of({part}, fonts, options) > max_height) {
            part.children.pop_back();
            parts.push_back(part);
            start += int(part.children.size());
            part.children = {item};
            part.start = start;
        }
    }
    if (!part.children.empty()) parts.push_back(part);
    return parts;
}

// Blocks that must share a slide: a 表/図 caption with its table or image, and the 出典 line
// after it.
std::vector<std::vector<Block>> units_of(const std::vector<Block>& blocks) {
    std::vector<std::vector<Block>> units;
    auto starts_with = [](const Block& b, std::string_view prefix) {
        return b.kind == BlockKind::Paragraph && plain_text(b.spans).rfind(prefix, 0) == 0;
    };
    for (size_t i = 0; i < blocks.size(); ++i) {
        const Block& b = blocks[i];
        const bool caption = (starts_with(b, "表") || starts_with(b, "図")) && i + 1 < blocks.size() &&
                             (blocks[i + 1].kind == BlockKind::Table || blocks[i + 1].kind == BlockKind::Image);
        const bool source = starts_with(b, "出典") && !units.empty() &&
                            (units.back().back().kind == BlockKind::Table || units.back().back().kind == BlockKind::Image);
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
    Block heading;          // level 0 when the chapter's lead has no heading of its own
    std::vector<Block> blocks;
};

std::vector<Section> sections_of(const Chapter& chapter) {
    std::vector<Section> out;
    for (const Block& b : chapter.doc.blocks) {
        const bool starts = b.kind == BlockKind::Heading && b.level <= 3;
        if (starts || out.empty()) {
            Section s;
            if (b.kind == BlockKind::Heading && b.level <= 3) s.heading = b;
            else {
                s.heading.kind = BlockKind::Heading;
                s.heading.level = 1;
                s.heading.spans = {Span{chapter.title}};
            }
            out.push_back(std::move(s));
            if (starts) continue;
        }
        out.back().blocks.push_back(b);
    }
    return out;
}

}  // namespace

std::vector<Slide> make_slides(const Book& book, size_t chapter_index, const FontSet& fonts, const LayoutOptions& options,
                               float max_height, const std::string& continued_label) {
    std::vector<Slide> slides;
    const Chapter& chapter = book.chapters[chapter_index];
    for (const Section& section : sections_of(chapter)) {
        // Break long lists into runs of items first, so they can share slides like other blocks.
        std::vector<Block> blocks;
        for (const Block& b : section.blocks) {
            if (b.kind == BlockKind::List && height_of({b}, fonts, options) > max_height) {
                for (Block& part : split_list(b, fonts, options, max_height)) blocks.push_back(std::move(part));
            } else {
                blocks.push_back(b);
            }
        }
        auto start_slide = [&](bool continued) {
            Slide s;
            s.chapter = chapter_index;
            s.title = plain_text(section.heading.spans);
            s.anchor = section.heading.anchor;
            s.continued = continued;
            Block heading = section.heading;
            if (continued && !continued_label.empty()) heading.spans.push_back(Span{continued_label});
            s.doc.blocks.push_back(heading);
            s.doc.links = chapter.doc.links;  // spans keep their link indices
            slides.push_back(std::move(s));
        };
        start_slide(false);
        bool has_content = false;
        for (const std::vector<Block>& unit : units_of(blocks)) {
            std::vector<Block>& content = slides.back().doc.blocks;
            content.insert(content.end(), unit.begin(), unit.end());
            if (has_content && height_of(content, fonts, options) > max_height) {
                content.resize(content.size() - unit.size());
                start_slide(true);
                slides.back().doc.blocks.insert(slides.back().doc.blocks.end(), unit.begin(), unit.end());
            }
            has_content = true;
        }
        // A section that is only a heading followed directly by a sub-section still gets its slide:
        // the heading is content enough (a title slide).
    }
    return slides;
}

}  // namespace tebiki
