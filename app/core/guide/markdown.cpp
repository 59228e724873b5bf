#include "guide/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstring>
#include <memory>

#include "guide/anchor.h"
#include "util/utf8.h"

namespace tebiki {

namespace {

bool type_is(cmark_node* node, const char* name) {
    const char* type = cmark_node_get_type_string(node);
    return type && std::strcmp(type, name) == 0;
}

bool is_ascii_or_space(char32_t cp) { return cp < 0x80; }

// Japanese text wrapped in the source must not gain spaces: a soft break between two
// non-ASCII characters disappears, elsewhere it becomes a space.
void append_soft_break(std::vector<Span>& spans, cmark_node* next) {
    char32_t before = 0;
    if (!spans.empty() && !spans.back().text.empty()) {
        const std::string& t = spans.back().text;
        size_t start = t.size() - 1;
        while (start > 0 && (static_cast<unsigned char>(t[start]) & 0xC0) == 0x80) --start;
        size_t pos = start;
        before = utf8_next(t, pos);
    }
    char32_t after = 0;
    if (next) {
        const char* literal = cmark_node_get_literal(next);
        if (!literal) {
            cmark_node* child = cmark_node_first_child(next);
            literal = child ? cmark_node_get_literal(child) : nullptr;
        }
        if (literal && *literal) {
            size_t pos = 0;
            after = utf8_next(literal, pos);
        }
    }
    if (before && after && !is_ascii_or_space(before) && !is_ascii_or_space(after)) return;
    if (!spans.empty()) spans.back().text += ' ';
    else spans.push_back(Span{" "});
}

// cmark-gfm itself parses any depth without recursing (100,000 nested quotes, lists, emphasis
// or images are fine); the tree it returns is walked here. Containers deeper than
// kMaxMarkdownNesting are flattened with cmark's iterator instead of recursion: their leaf blocks
// (paragraphs, headings, code, tables) are kept in order at that depth, and inline nesting past
// the same limit keeps its text in the style reached so far. Each such place is reported by line
// (Document::too_deep_lines), so neither this converter nor the layout recurses without bound.
class Converter {
public:
    explicit Converter(Document& doc) : doc_(doc) {}

    void blocks(cmark_node* parent, std::vector<Block>& out) {
        ++depth_;
        for (cmark_node* node = cmark_node_first_child(parent); node; node = cmark_node_next(node)) block(node, out);
        --depth_;
    }

private:
    static bool is_leaf_block(cmark_node* node) {
        switch (cmark_node_get_type(node)) {
            case CMARK_NODE_HEADING:
            case CMARK_NODE_PARAGRAPH:
            case CMARK_NODE_CODE_BLOCK:
            case CMARK_NODE_HTML_BLOCK:
            case CMARK_NODE_THEMATIC_BREAK: return true;
            default: return type_is(node, "table");
        }
    }

    void note_too_deep(int line) {
        if (line <= 0) line = line_;
        if (doc_.too_deep_lines.empty() || doc_.too_deep_lines.back() != line) doc_.too_deep_lines.push_back(line);
    }

    // Every leaf block below `root`, in document order, without recursion.
    void flatten_blocks(cmark_node* root, std::vector<Block>& out) {
        note_too_deep(cmark_node_get_start_line(root));
        cmark_iter* it = cmark_iter_new(root);
        for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
            cmark_node* node = cmark_iter_get_node(it);
            if (ev != CMARK_EVENT_ENTER || node == root || !is_leaf_block(node)) continue;
            block(node, out);
            cmark_iter_reset(it, node, CMARK_EVENT_EXIT);  // its inlines were converted by block()
        }
        cmark_iter_free(it);
    }

    void block(cmark_node* node, std::vector<Block>& out) {
        if (depth_ > kMaxMarkdownNesting && !is_leaf_block(node)) {
            flatten_blocks(node, out);
            return;
        }
        Block b;
        b.line = cmark_node_get_start_line(node);
        if (b.line > 0) line_ = b.line;
        switch (cmark_node_get_type(node)) {
            case CMARK_NODE_HEADING:
                b.kind = BlockKind::Heading;
                b.level = cmark_node_get_heading_level(node);
                inlines(node, b.spans, kPlain);
                b.anchor = make_anchor(plain_text(b.spans));
                break;
            case CMARK_NODE_PARAGRAPH:
                if (image_only(node, b)) break;
                b.kind = BlockKind::Paragraph;
                inlines(node, b.spans, kPlain);
                break;
            case CMARK_NODE_LIST:
                b.kind = BlockKind::List;
                b.ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
                b.start = b.ordered ? cmark_node_get_list_start(node) : 1;
                blocks(node, b.children);
                break;
            case CMARK_NODE_ITEM:
                b.kind = BlockKind::ListItem;
                if (type_is(node, "tasklist")) b.task = cmark_gfm_extensions_get_tasklist_item_checked(node) ? 1 : 0;
                blocks(node, b.children);
                break;
            case CMARK_NODE_BLOCK_QUOTE:
                b.kind = BlockKind::Quote;
                blocks(node, b.children);
                break;
            case CMARK_NODE_HTML_BLOCK:
                if (comment(node, out)) return;
                [[fallthrough]];
            case CMARK_NODE_CODE_BLOCK: {
                b.kind = BlockKind::Code;
                std::string text = cmark_node_get_literal(node) ? cmark_node_get_literal(node) : "";
                while (!text.empty() && text.back() == '\n') text.pop_back();
                b.spans.push_back(Span{text, kCode});
                break;
            }
            case CMARK_NODE_THEMATIC_BREAK:
                b.kind = BlockKind::Rule;
                break;
            default:
                if (type_is(node, "table")) {
                    b.kind = BlockKind::Table;
                    table(node, b);
                } else {
                    blocks(node, b.children);  // unknown container: keep its content
                    for (Block& child : b.children) out.push_back(std::move(child));
                    return;
                }
        }
        out.push_back(std::move(b));
    }

    // An HTML block that is one comment is not shown; `<!-- slide -->` and `<!-- /slide -->` are
    // recorded as slide marks. Returns false for other HTML (shown as code, as before).
    bool comment(cmark_node* node, const std::vector<Block>& out) {
        std::string_view text = cmark_node_get_literal(node) ? cmark_node_get_literal(node) : "";
        auto trim = [](std::string_view t) {
            while (!t.empty() && std::strchr(" \t\r\n", t.front())) t.remove_prefix(1);
            while (!t.empty() && std::strchr(" \t\r\n", t.back())) t.remove_suffix(1);
            return t;
        };
        text = trim(text);
        if (text.size() < 7 || !text.starts_with("<!--") || !text.ends_with("-->")) return false;
        if (text.find("-->") != text.size() - 3) return false;  // a comment followed by more HTML
        const std::string_view inner = trim(text.substr(4, text.size() - 7));
        const int line = cmark_node_get_start_line(node);
        if (inner == "slide" || inner == "/slide") {
            const bool top_level = depth_ == 1 && &out == &doc_.blocks;
            doc_.slide_marks.push_back(SlideMark{line, inner == "slide", top_level, top_level ? out.size() : 0});
        } else if (inner.starts_with("slide") || inner.starts_with("/slide")) {
            doc_.unknown_mark_lines.push_back(line);
        }
        return true;
    }

    void table(cmark_node* node, Block& table) {
        const uint16_t columns = cmark_gfm_extensions_get_table_columns(node);
        const uint8_t* aligns = cmark_gfm_extensions_get_table_alignments(node);
        for (cmark_node* row = cmark_node_first_child(node); row; row = cmark_node_next(row)) {
            Block r;
            r.kind = BlockKind::TableRow;
            r.line = cmark_node_get_start_line(row);
            r.header = cmark_gfm_extensions_get_table_row_is_header(row) != 0;
            int column = 0;
            for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell), ++column) {
                Block c;
                c.kind = BlockKind::TableCell;
                c.line = r.line;
                if (aligns && column < columns) {
                    switch (aligns[column]) {
                        case 'l': c.align = Align::Left; break;
                        case 'c': c.align = Align::Center; break;
                        case 'r': c.align = Align::Right; break;
                        default: break;
                    }
                }
                inlines(cell, c.spans, r.header ? kBold : kPlain);
                r.children.push_back(std::move(c));
            }
            table.children.push_back(std::move(r));
        }
    }

    // A paragraph holding a single image becomes an Image block.
    bool image_only(cmark_node* paragraph, Block& b) {
        cmark_node* child = cmark_node_first_child(paragraph);
        if (!child || cmark_node_next(child) || cmark_node_get_type(child) != CMARK_NODE_IMAGE) return false;
        b.kind = BlockKind::Image;
        b.src = cmark_node_get_url(child) ? cmark_node_get_url(child) : "";
        std::vector<Span> alt;
        inlines(child, alt, kPlain);
        b.alt = plain_text(alt);
        return true;
    }

    void add_text(std::vector<Span>& spans, const std::string& text, uint8_t style, int link, int line) {
        if (text.empty()) return;
        if (!(style & kCode) && (text.find("**") != std::string::npos || text.find("__") != std::string::npos))
            doc_.leftover_emphasis_lines.push_back(line);
        if (!spans.empty() && spans.back().style == style && spans.back().link == link) {
            spans.back().text += text;
        } else {
            spans.push_back(Span{text, style, link});
        }
    }

    // The text below `parent` in one style, without recursion (inline nesting past the limit).
    void flatten_inlines(cmark_node* parent, std::vector<Span>& spans, uint8_t style, int link) {
        note_too_deep(cmark_node_get_start_line(parent));
        cmark_iter* it = cmark_iter_new(parent);
        for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
            cmark_node* node = cmark_iter_get_node(it);
            if (ev != CMARK_EVENT_ENTER || node == parent) continue;
            const char* literal = cmark_node_get_literal(node);
            switch (cmark_node_get_type(node)) {
                case CMARK_NODE_TEXT:
                case CMARK_NODE_HTML_INLINE: add_text(spans, literal ? literal : "", style, link, line_); break;
                case CMARK_NODE_CODE: add_text(spans, literal ? literal : "", uint8_t(style | kCode), link, line_); break;
                case CMARK_NODE_SOFTBREAK: append_soft_break(spans, cmark_node_next(node)); break;
                case CMARK_NODE_LINEBREAK: add_text(spans, "\n", style, link, line_); break;
                default: break;
            }
        }
        cmark_iter_free(it);
    }

    void inlines(cmark_node* parent, std::vector<Span>& spans, uint8_t style, int link = -1) {
        if (inline_depth_ >= kMaxMarkdownNesting) {
            flatten_inlines(parent, spans, style, link);
            return;
        }
        ++inline_depth_;
        inline_children(parent, spans, style, link);
        --inline_depth_;
    }

    void inline_children(cmark_node* parent, std::vector<Span>& spans, uint8_t style, int link) {
        for (cmark_node* node = cmark_node_first_child(parent); node; node = cmark_node_next(node)) {
            int line = cmark_node_get_start_line(node);
            if (line <= 0) line = cmark_node_get_start_line(parent);
            const char* literal = cmark_node_get_literal(node);
            switch (cmark_node_get_type(node)) {
                case CMARK_NODE_TEXT:
                case CMARK_NODE_HTML_INLINE:
                    add_text(spans, literal ? literal : "", style, link, line);
                    break;
                case CMARK_NODE_CODE:
                    add_text(spans, literal ? literal : "", uint8_t(style | kCode), link, line);
                    break;
                case CMARK_NODE_SOFTBREAK:
                    append_soft_break(spans, cmark_node_next(node));
                    break;
                case CMARK_NODE_LINEBREAK:
                    add_text(spans, "\n", style, link, line);
                    break;
                case CMARK_NODE_EMPH:
                    inlines(node, spans, uint8_t(style | kItalic), link);
                    break;
                case CMARK_NODE_STRONG:
                    inlines(node, spans, uint8_t(style | kBold), link);
                    break;
                case CMARK_NODE_LINK: {
                    const char* url = cmark_node_get_url(node);
                    doc_.links.push_back(Link{url ? url : "", line});
                    inlines(node, spans, uint8_t(style | kLink), int(doc_.links.size()) - 1);
                    break;
                }
                case CMARK_NODE_IMAGE:
                    // An image inside running text: show its alt text in brackets.
                    add_text(spans, "［", style, link, line);
                    inlines(node, spans, style, link);
                    add_text(spans, "］", style, link, line);
                    break;
                default:
                    if (type_is(node, "strikethrough")) inlines(node, spans, uint8_t(style | kStrike), link);
                    else inlines(node, spans, style, link);
            }
        }
    }

    Document& doc_;
    int depth_ = 0;         // containers (quotes, lists, items) entered
    int inline_depth_ = 0;  // emphasis, links, images entered
    int line_ = 1;          // line of the block being converted, for inline diagnostics
};

struct ParserDeleter {
    void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
    void operator()(cmark_node* n) const { cmark_node_free(n); }
};

}  // namespace

Document parse_markdown(std::string_view markdown) {
    cmark_gfm_core_extensions_ensure_registered();
    std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8));
    for (const char* name : {"table", "strikethrough", "autolink", "tasklist"}) {
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
    cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
    std::unique_ptr<cmark_node, NodeDeleter> root(cmark_parser_finish(parser.get()));
    Document doc;
    Converter(doc).blocks(root.get(), doc.blocks);
    return doc;
}

}  // namespace tebiki
