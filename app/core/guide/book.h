// The guide as a book: parts (content/N-name/part.toml) holding chapters (NN-name.md), each
// parsed into a Document with its headings. Loading never throws: problems go to Diagnostics
// and the rest of the book still loads.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "guide/document.h"
#include "util/diagnostics.h"

namespace tebiki {

struct Heading {
    int level = 0;
    std::string text;
    std::string anchor;
    int line = 0;
    size_t block = 0;  // index in Chapter::doc.blocks
};

struct Chapter {
    std::string id;               // "4-kanri/05-kitei"
    std::filesystem::path file;
    std::string title;            // the H1, or the file name when there is none
    Document doc;
    std::vector<Heading> headings;
    size_t part = 0;              // index in Book::parts
    std::string source;           // raw Markdown, kept for the checker's line lookups
};

struct Part {
    std::string id;               // folder name, "4-kanri"
    std::string title;            // 【管理編】制度整備、人事・労務管理のポイント等
    std::string short_name;       // 管理編
    std::string summary;
    std::vector<size_t> chapters; // indices into Book::chapters
};

struct Book {
    std::filesystem::path root;
    std::vector<Part> parts;
    std::vector<Chapter> chapters;  // in reading order

    const Chapter* find(std::string_view chapter_id) const;
    int index_of(std::string_view chapter_id) const;  // -1 when absent
    const Heading* find_heading(const Chapter& chapter, std::string_view anchor) const;
};

Book load_book(const std::filesystem::path& content_dir, Diagnostics& diagnostics);

}  // namespace tebiki
