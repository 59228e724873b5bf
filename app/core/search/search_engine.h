// Searching the guide: sections (a heading and what follows it up to the next heading) are
// indexed in storage::SearchStore; this module splits the query, ranks the candidates (title
// hits first) and cuts highlighted snippets from the original text.
#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "guide/book.h"

namespace tebiki {

namespace storage {
class SearchStore;
}

struct Section {
    std::string chapter_id;
    std::string anchor;       // the heading's anchor
    std::string title;        // heading text
    std::string part_name;    // 管理編
    std::string chapter_title;
    std::string body;         // plain text
};

struct Highlight {
    size_t begin, end;  // byte range inside the snippet (or title)
};

struct SearchHit {
    size_t section = 0;
    std::string chapter_id, anchor, title, part_name, chapter_title;
    std::string snippet;
    std::vector<Highlight> snippet_highlights;
    std::vector<Highlight> title_highlights;
    int score = 0;
};

std::vector<Section> collect_sections(const Book& book);
uint64_t content_fingerprint(const Book& book);

// Byte ranges of `text` where any of the folded terms occurs, compared after folding.
std::vector<Highlight> find_occurrences(std::string_view text, const std::vector<std::string>& folded_terms);
std::vector<std::string> split_query(std::string_view query);  // folded, whitespace-separated

class SearchEngine {
public:
    // index_path empty: in memory. Rebuilds the index when the book changed since last time.
    // An index file that cannot be opened or written (a read-only data folder) is replaced by
    // one in memory; a damaged or incomplete one is rebuilt. Never throws for the index file.
    SearchEngine(const Book& book, const std::filesystem::path& index_path);
    ~SearchEngine();

    std::vector<SearchHit> search(std::string_view query, size_t limit = 50);
    const std::vector<Section>& sections() const { return sections_; }
    bool rebuilt() const { return rebuilt_; }
    bool in_memory() const { return in_memory_; }  // the index file could not be used

private:
    const std::string& folded_body(size_t i);  // folded lazily, kept for later queries
    void fill_index(uint64_t fingerprint);
    void use_memory_index();
    std::vector<int64_t> candidates(const std::vector<std::string>& terms);

    std::vector<Section> sections_;
    std::vector<std::optional<std::string>> folded_bodies_;
    std::vector<std::string> folded_titles_;
    std::unique_ptr<storage::SearchStore> store_;
    uint64_t fingerprint_ = 0;
    bool rebuilt_ = false;
    bool in_memory_ = false;
};

}  // namespace tebiki
