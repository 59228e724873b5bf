// The plain document model a Markdown chapter is parsed into. Nothing here knows about
// fonts or pixels: layout/ turns it into lines, the UI draws those lines.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace tebiki {

enum SpanStyle : uint8_t {
    kPlain = 0,
    kBold = 1 << 0,
    kItalic = 1 << 1,
    kStrike = 1 << 2,
    kCode = 1 << 3,
    kLink = 1 << 4,
};

struct Span {
    std::string text;
    uint8_t style = kPlain;
    int link = -1;  // index into Document::links when style has kLink
};

struct Link {
    std::string target;  // as written in the Markdown
    int line = 0;
};

enum class BlockKind { Heading, Paragraph, List, ListItem, Quote, Table, TableRow, TableCell, Code, Rule, Image };

enum class Align : uint8_t { Default, Left, Center, Right };

struct Block {
    BlockKind kind = BlockKind::Paragraph;
    int line = 0;                  // source line (1-based)
    std::vector<Span> spans;       // Heading, Paragraph, TableCell, Code (one span)
    std::vector<Block> children;   // List → items, item/quote → blocks, table → rows → cells

    int level = 0;                 // Heading: 1–6
    std::string anchor;            // Heading: normalised anchor id
    bool ordered = false;          // List
    int start = 1;                 // List: first number
    int task = -1;                 // ListItem: -1 not a task, 0 open, 1 done
    bool continued = false;        // ListItem: the later piece of an item cut between slides (no marker, no number)
    bool header = false;           // TableRow
    Align align = Align::Default;  // TableCell
    std::string src, alt;          // Image
    float fit_height = 0;          // Image: > 0 made at most this tall (a figure fitted to its slide)
};

// A `<!-- slide -->` or `<!-- /slide -->` line: what of a section goes on its slide (present/).
// Kept out of `blocks`: like every HTML comment it is not shown.
struct SlideMark {
    int line = 0;
    bool open = true;        // <!-- slide -->; false for <!-- /slide -->
    bool top_level = true;   // false inside a list or quote, where it cannot mark blocks
    size_t block = 0;        // top level: the index in Document::blocks of the block that follows it
};

struct Document {
    std::vector<Block> blocks;
    std::vector<SlideMark> slide_marks;        // in source order
    std::vector<int> unknown_mark_lines;       // comments that start like a slide mark but are not one
    std::vector<Link> links;
    std::vector<int> leftover_emphasis_lines;  // lines where "**" or "__" survived parsing
    std::vector<int> too_deep_lines;           // lines where nesting past kMaxNesting was flattened
};

// All text of a block and its children, spans concatenated (for search and tests).
std::string plain_text(const Block& block);
std::string plain_text(const std::vector<Span>& spans);

}  // namespace tebiki
