#include "guide/book.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>

#include "guide/anchor.h"
#include "guide/markdown.h"
#include "util/file_io.h"
#include "util/toml_guard.h"
#include "util/utf8.h"

namespace tebiki {

namespace fs = std::filesystem;

const Chapter* Book::find(std::string_view chapter_id) const {
    const int i = index_of(chapter_id);
    return i < 0 ? nullptr : &chapters[size_t(i)];
}

int Book::index_of(std::string_view chapter_id) const {
    for (size_t i = 0; i < chapters.size(); ++i)
        if (chapters[i].id == chapter_id) return int(i);
    return -1;
}

const Heading* Book::find_heading(const Chapter& chapter, std::string_view anchor) const {
    const std::string wanted = make_anchor(anchor);
    for (const Heading& h : chapter.headings)
        if (h.anchor == wanted) return &h;
    return nullptr;
}

namespace {

constexpr size_t kMaxOrderDigits = 9;  // fits an int; no guide has a billion chapters

// "12-name" → 12; -1 for names without "NUMBER-" in front; -2 when the number has more than
// kMaxOrderDigits digits (it would overflow, so it is reported and the entry left out).
int order_key(const std::string& name) {
    size_t digits = 0;
    while (digits < name.size() && std::isdigit(static_cast<unsigned char>(name[digits]))) ++digits;
    if (digits == 0 || digits >= name.size() || name[digits] != '-') return -1;
    if (digits > kMaxOrderDigits) return -2;
    return std::stoi(name.substr(0, digits));
}

std::vector<fs::path> ordered_entries(const fs::path& dir, bool want_dirs, Diagnostics& diagnostics) {
    std::vector<fs::path> entries;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path& p = it->path();
        const std::string name = p.filename().string();
        if (want_dirs != it->is_directory(ec)) continue;
        if (!want_dirs && p.extension() != ".md") continue;
        if (const int key = order_key(name); key == -2) {
            diagnostics.push_back({p.string(), 0, 0, "名前の先頭の番号が大きすぎます（" + std::to_string(kMaxOrderDigits) +
                                                         "桁まで）。目次に載りません。"});
            continue;
        } else if (key < 0) {
            if (!want_dirs && name != "README.md")
                diagnostics.push_back({p.string(), 0, 0, "ファイル名が「番号-名前.md」の形ではないため、目次に載りません。"});
            continue;
        }
        entries.push_back(p);
    }
    if (ec) diagnostics.push_back({dir.string(), 0, 0, "フォルダを読み込めません: " + ec.message()});
    std::sort(entries.begin(), entries.end(), [](const fs::path& a, const fs::path& b) {
        const int ka = order_key(a.filename().string()), kb = order_key(b.filename().string());
        return ka != kb ? ka < kb : a.filename() < b.filename();
    });
    return entries;
}

std::string toml_string(const toml::table& table, const char* key) {
    if (auto v = table[key].value<std::string>()) return *v;
    return {};
}

Part load_part(const fs::path& dir, Diagnostics& diagnostics) {
    Part part;
    part.id = dir.filename().string();
    part.title = part.short_name = part.id;
    const fs::path meta = dir / "part.toml";
    std::string error;
    auto text = read_file(meta, &error);
    if (!text) {
        diagnostics.push_back({meta.string(), 0, 0, "part.toml がありません。編の題名にフォルダ名を使います。"});
        return part;
    }
    try {
        const toml::table table = parse_toml(*text, meta.string());
        part.title = toml_string(table, "title");
        part.short_name = toml_string(table, "short");
        part.summary = toml_string(table, "summary");
        for (auto&& [key, value] : table) {
            if (key != "title" && key != "short" && key != "summary")
                diagnostics.push_back({meta.string(), int(key.source().begin.line), int(key.source().begin.column),
                                       "未知のキー「" + std::string(key.str()) + "」です（title, short, summary のみ使えます）。"});
        }
        if (part.title.empty()) {
            diagnostics.push_back({meta.string(), 1, 0, "title がありません。"});
            part.title = part.id;
        }
        if (part.short_name.empty()) part.short_name = part.title;
    } catch (const toml::parse_error& e) {
        diagnostics.push_back({meta.string(), int(e.source().begin.line), int(e.source().begin.column),
                               "TOML の書式が正しくありません: " + std::string(e.description())});
    }
    return part;
}

Chapter load_chapter(const fs::path& file, const std::string& part_id, Diagnostics& diagnostics) {
    Chapter chapter;
    chapter.file = file;
    chapter.id = part_id + "/" + file.stem().string();
    chapter.title = file.stem().string();
    std::string error;
    auto text = read_file(file, &error);
    if (!text) {
        diagnostics.push_back({file.string(), 0, 0, error});
        return chapter;
    }
    if (const size_t bad = utf8_find_invalid(*text); bad != std::string::npos) {
        const int line = int(std::count(text->begin(), text->begin() + long(bad), '\n')) + 1;
        diagnostics.push_back({file.string(), line, 0, "UTF-8 として正しくない文字があります（文字化けの可能性）。"});
    }
    chapter.source = std::move(*text);
    chapter.doc = parse_markdown(chapter.source);
    for (int line : chapter.doc.too_deep_lines)
        diagnostics.push_back({file.string(), line, 0,
                               "引用・箇条書き・強調などの入れ子が深すぎるため（" + std::to_string(kMaxMarkdownNesting) +
                                   "段まで）、それより深い部分は平らにして表示します。"});
    for (size_t i = 0; i < chapter.doc.blocks.size(); ++i) {
        const Block& b = chapter.doc.blocks[i];
        if (b.kind != BlockKind::Heading) continue;
        chapter.headings.push_back({b.level, plain_text(b.spans), b.anchor, b.line, i});
    }
    if (!chapter.headings.empty() && chapter.headings.front().level == 1) chapter.title = chapter.headings.front().text;
    return chapter;
}

}  // namespace

Book load_book(const fs::path& content_dir, Diagnostics& diagnostics) {
    Book book;
    book.root = content_dir;
    std::error_code ec;
    if (!fs::is_directory(content_dir, ec)) {
        diagnostics.push_back({content_dir.string(), 0, 0, "ガイドのフォルダが見つかりません。"});
        return book;
    }
    for (const fs::path& dir : ordered_entries(content_dir, true, diagnostics)) {
        Part part = load_part(dir, diagnostics);
        for (const fs::path& file : ordered_entries(dir, false, diagnostics)) {
            Chapter chapter = load_chapter(file, part.id, diagnostics);
            chapter.part = book.parts.size();
            part.chapters.push_back(book.chapters.size());
            book.chapters.push_back(std::move(chapter));
        }
        book.parts.push_back(std::move(part));
    }
    return book;
}

}  // namespace tebiki
