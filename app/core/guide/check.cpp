#include "guide/check.h"

#include <cstdio>
#include <map>
#include <set>

#include "guide/link.h"
#include "util/png_size.h"
#include "util/utf8.h"

namespace tebiki {

namespace fs = std::filesystem;

static std::string code_point_name(char32_t cp) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", unsigned(cp));
    std::string out = buffer;
    out += " 「";
    utf8_append(out, cp);
    out += "」";
    return out;
}

void check_glyphs(const std::string& file, std::string_view text, const FontSet& fonts, Diagnostics& out) {
    std::set<char32_t> reported;
    int line = 1;
    size_t pos = 0;
    while (pos < text.size()) {
        const char32_t cp = utf8_next(text, pos);
        if (cp == U'\n') { ++line; continue; }
        if (cp < 0x20 || cp == U'\t' || cp == kReplacementChar) continue;
        if (reported.count(cp)) continue;
        if (cp > 0xFFFF) {
            reported.insert(cp);
            out.push_back({file, line, 0, "文字 " + code_point_name(cp) + " は表示できません（基本多言語面の外）。別の文字に置き換えてください。"});
        } else if (!fonts.face(FontRole::Regular).has_glyph(cp) || !fonts.face(FontRole::Bold).has_glyph(cp)) {
            reported.insert(cp);
            out.push_back({file, line, 0, "文字 " + code_point_name(cp) + " は " + fonts.description + " にないため「?」と表示されます。"});
        }
    }
}

static void check_blocks_for_images(const CheckInputs& in, const Chapter& chapter, const std::vector<Block>& blocks,
                                    Diagnostics& out) {
    for (const Block& b : blocks) {
        if (b.kind == BlockKind::Image) {
            const bool built_diagram = fs::path(b.src).parent_path() == "diagrams" && !in.diagram_sources.empty() &&
                                       fs::exists(in.diagram_sources / (fs::path(b.src).stem().string() + ".dot"));
            const fs::path file = find_asset(in.asset_dirs, b.src);
            if (file.empty() && !built_diagram)
                out.push_back({chapter.file.string(), b.line, 0, "画像「" + b.src + "」が assets/ にありません。"});
            // The window decodes only images that pass this (signature, header, size limit).
            if (!file.empty())
                if (const PngCheck png = inspect_png(file); !png.problem.empty())
                    out.push_back({chapter.file.string(), b.line, 0, "画像「" + b.src + "」: " + png.problem});
            if (b.alt.empty())
                out.push_back({chapter.file.string(), b.line, 0, "画像「" + b.src + "」に代替テキスト（![説明](…)）がありません。"});
        }
        check_blocks_for_images(in, chapter, b.children, out);
    }
}

// `<!-- slide -->` … `<!-- /slide -->` marks what of a section goes on its slide (content/README.md):
// a block opens and closes inside one section (a ## or ### heading ends it), never nests, and
// stands between the section's blocks, not inside a list or quote.
static void check_slide_marks(const Chapter& chapter, Diagnostics& out) {
    const std::string file = chapter.file.string();
    const std::string open_mark = "<!-- slide -->", close_mark = "<!-- /slide -->";
    for (int line : chapter.doc.unknown_mark_lines)
        out.push_back({file, line, 0, "スライドの印は「" + open_mark + "」と「" + close_mark + "」の二つだけです。"});
    // The section a top-level block belongs to: the number of ##/### headings before it.
    auto section_of = [&](size_t block) {
        int n = 0;
        for (const Heading& h : chapter.headings)
            if (h.level >= 2 && h.level <= 3 && h.block < block) ++n;
        return n;
    };
    const int title_line = chapter.headings.empty() ? 0 : chapter.headings.front().line;
    const SlideMark* open = nullptr;
    auto unclosed = [&](const SlideMark& m) {
        out.push_back({file, m.line, 0, "「" + open_mark + "」が同じ節の中で「" + close_mark + "」により閉じられていません（次の見出しの前で閉じてください）。"});
    };
    for (const SlideMark& m : chapter.doc.slide_marks) {
        if (!m.top_level || m.line < title_line) {
            out.push_back({file, m.line, 0, "スライドの印は節の本文の並びに書いてください（箇条書き・引用の中や章の題名の前では働きません）。"});
            continue;
        }
        if (open && section_of(open->block) != section_of(m.block)) {
            unclosed(*open);
            open = nullptr;
        }
        if (m.open) {
            if (open) out.push_back({file, m.line, 0, "「" + open_mark + "」の中にもう一つ「" + open_mark + "」があります（入れ子にはできません）。"});
            else open = &m;
        } else if (!open) {
            out.push_back({file, m.line, 0, "「" + close_mark + "」の前に、対応する「" + open_mark + "」がありません。"});
        } else {
            if (open->block == m.block) out.push_back({file, open->line, 0, "スライドの範囲が空です（印の間に箇条書きや文を書いてください）。"});
            open = nullptr;
        }
    }
    if (open) unclosed(*open);
}

static void check_chapter(const CheckInputs& in, const Chapter& chapter, Diagnostics& out) {
    const std::string file = chapter.file.string();
    if (chapter.source.empty()) return;  // unreadable: already reported by the loader
    if (chapter.headings.empty() || chapter.headings.front().level != 1 || chapter.headings.front().line != 1)
        out.push_back({file, 1, 0, "1行目は章の題名（# 見出し）にしてください。"});
    std::map<std::string, int> seen;
    for (const Heading& h : chapter.headings) {
        if (h.level == 1 && &h != &chapter.headings.front())
            out.push_back({file, h.line, 0, "# 見出し（章の題名）は1章に1つだけにしてください。"});
        auto [it, fresh] = seen.emplace(h.anchor, h.line);
        if (!fresh)
            out.push_back({file, h.line, 0, "見出し「" + h.text + "」が" + std::to_string(it->second) + "行目と重複しています（リンク先が決まりません）。"});
    }
    for (int line : chapter.doc.leftover_emphasis_lines)
        out.push_back({file, line, 0, "強調の「**」が閉じずに文字として残ります。括弧は ** の外に出してください（例: 「**重要**」）。"});
    for (const Link& link : chapter.doc.links) {
        const ResolvedLink r = resolve_link(*in.book, chapter, link.target);
        if (r.kind == LinkKind::Broken) out.push_back({file, link.line, 0, r.problem});
        if (r.kind == LinkKind::App && r.target.rfind("assessment/", 0) != 0 && r.target.rfind("documents/", 0) != 0)
            out.push_back({file, link.line, 0, "アプリ内リンク「app:" + r.target + "」は assessment/ か documents/ で始めてください。"});
    }
    check_blocks_for_images(in, chapter, chapter.doc.blocks, out);
    check_slide_marks(chapter, out);
    if (in.fonts) check_glyphs(file, chapter.source, *in.fonts, out);
}

void check_book(const CheckInputs& in, Diagnostics& out) {
    if (!in.book) return;
    if (in.book->chapters.empty()) out.push_back({in.book->root.string(), 0, 0, "ガイドの章が1つもありません。"});
    for (const Chapter& chapter : in.book->chapters) check_chapter(in, chapter, out);
    if (in.fonts) {
        for (const Part& part : in.book->parts)
            check_glyphs((in.book->root / part.id / "part.toml").string(), part.title + "\n" + part.summary, *in.fonts, out);
    }
}

}  // namespace tebiki
