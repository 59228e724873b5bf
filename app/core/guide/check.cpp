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
