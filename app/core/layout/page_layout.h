// A laid-out page: positioned text runs, boxes and images, in pixels, for one
// (document, width, zoom). Computed once and cached by the UI; drawing only walks the part
// that is on screen (see visible_lines / visible_rects).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "text/font_set.h"

namespace tebiki {

// Semantic colours; the UI maps them to the active theme.
enum class Ink : uint8_t { Text, Heading, Link, Code, Muted, CaptionText, Error };  // Error: what failed (UI only)

enum Decoration : uint8_t { kNoDecoration = 0, kUnderline = 1, kStrikeThrough = 2 };

struct GlyphRun {
    float x = 0, w = 0;          // relative to the page's left edge
    std::string text;
    FontRole role = FontRole::Regular;
    float px = 0;                // font pixel height
    Ink ink = Ink::Text;
    uint8_t decoration = kNoDecoration;
    int link = -1;               // index into Document::links
};

struct Line {
    float y = 0, height = 0;     // top and height of the line box
    float baseline_offset = 0;   // where glyph tops start inside the box (ImGui draws from the top)
    std::vector<GlyphRun> runs;
    uint32_t block_seq = 0;      // which text block this line belongs to (document order)
    uint32_t offset = 0;         // byte offset of the line's first character in that block
    std::string text() const;    // runs concatenated, for the CLI and tests
};

enum class BoxKind : uint8_t { Column, CodeBlock, InlineCode, TableCell, TableHeader, Rule, HeadingRule, Checkbox, CheckboxDone };

struct Box {
    float x = 0, y = 0, w = 0, h = 0;
    BoxKind kind = BoxKind::Rule;
};

struct PlacedImage {
    float x = 0, y = 0, w = 0, h = 0;
    std::string src;
    std::string alt;
};

struct AnchorPosition {
    std::string anchor;
    std::string title;
    int level = 0;
    float y = 0;
};

struct PageLayout {
    float width = 0, height = 0, zoom = 1;
    std::vector<Line> lines;                 // sorted by y
    std::vector<Box> boxes;                  // sorted by y
    std::vector<float> box_bottom_max;       // running max of y + h, for visible_boxes
    std::vector<PlacedImage> images;
    std::vector<AnchorPosition> anchors;     // headings in order

    // Index range [first, last) of lines / boxes that intersect [top, bottom).
    std::pair<size_t, size_t> visible_lines(float top, float bottom) const;
    std::pair<size_t, size_t> visible_boxes(float top, float bottom) const;

    // The reading position at y, and back: stable across widths and zoom levels.
    std::pair<uint32_t, uint32_t> position_at(float y) const;
    float y_of(uint32_t block_seq, uint32_t offset) const;
    float y_of_anchor(std::string_view anchor) const;  // -1 when absent
    const AnchorPosition* section_at(float y) const;
};

}  // namespace tebiki
