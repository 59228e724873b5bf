#include "search/search_engine.h"

#include <algorithm>

#include "storage/search_store.h"
#include "text/normalize.h"
#include "util/utf8.h"

namespace tebiki {

std::vector<Section> collect_sections(const Book& book) {
    std::vector<Section> out;
    for (const Chapter& chapter : book.chapters) {
        const std::string& part = book.parts[chapter.part].short_name;
        Section* current = nullptr;
        for (const Block& block : chapter.doc.blocks) {
            if (block.kind == BlockKind::Heading) {
                out.push_back(Section{chapter.id, block.anchor, plain_text(block.spans), part, chapter.title, {}});
                current = &out.back();
                continue;
            }
            if (!current) {  // text before the first heading
                out.push_back(Section{chapter.id, "", chapter.title, part, chapter.title, {}});
                current = &out.back();
            }
            if (!current->body.empty()) current->body += '\n';
            current->body += plain_text(block);
        }
    }
    return out;
}

uint64_t content_fingerprint(const Book& book) {
    uint64_t hash = 1469598103934665603ull;  // FNV-1a
    auto mix = [&hash](std::string_view s) {
        for (unsigned char c : s) hash = (hash ^ c) * 1099511628211ull;
        hash = (hash ^ 0xFF) * 1099511628211ull;
    };
    mix("schema-1");
    for (const Chapter& c : book.chapters) {
        mix(c.id);
        mix(c.source);
    }
    return hash;
}

std::vector<std::string> split_query(std::string_view query) {
    const std::string folded = fold_for_search(query);
    std::vector<std::string> terms;
    std::string current;
    size_t pos = 0;
    while (pos < folded.size()) {
        const size_t start = pos;
        const char32_t cp = utf8_next(folded, pos);
        if (cp == U' ' || cp == U'\t' || cp == U'\n' || cp == U'\u3000') {
            if (!current.empty()) terms.push_back(std::move(current));
            current.clear();
        } else {
            current.append(folded, start, pos - start);
        }
    }
    if (!current.empty()) terms.push_back(std::move(current));
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    return terms;
}

std::vector<Highlight> find_occurrences(std::string_view text, const std::vector<std::string>& terms) {
    const FoldedText f = fold_with_origin(text);
    std::vector<Highlight> out;
    for (const std::string& term : terms) {
        if (term.empty()) continue;
        for (size_t at = f.folded.find(term); at != std::string::npos; at = f.folded.find(term, at + term.size())) {
            size_t end = f.origin[at + term.size()];
            if (end <= f.origin[at]) end = f.origin[at] + 1;
            out.push_back({f.origin[at], std::min(end, text.size())});
        }
    }
    std::sort(out.begin(), out.end(), [](const Highlight& a, const Highlight& b) { return a.begin < b.begin; });
    return out;
}

static size_t count_in(const std::string& haystack, const std::string& needle, size_t cap) {
    size_t n = 0;
    for (size_t at = haystack.find(needle); at != std::string::npos && n < cap; at = haystack.find(needle, at + needle.size())) ++n;
    return n;
}

// Back up `count` code points from byte offset `pos` (stopping at the start).
static size_t back_code_points(std::string_view s, size_t pos, int count) {
    while (pos > 0 && count > 0) {
        --pos;
        while (pos > 0 && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) --pos;
        --count;
    }
    return pos;
}

static size_t forward_code_points(std::string_view s, size_t pos, int count) {
    while (pos < s.size() && count-- > 0) utf8_next(s, pos);
    return pos;
}

static void make_snippet(const std::string& body, const std::vector<std::string>& terms, SearchHit& hit) {
    const std::vector<Highlight> all = find_occurrences(body, terms);
    const size_t anchor = all.empty() ? 0 : all.front().begin;
    size_t begin = back_code_points(body, anchor, 24);
    size_t end = forward_code_points(body, anchor, 72);
    std::string snippet = begin > 0 ? "…" : "";
    const size_t shift = snippet.size();
    snippet += body.substr(begin, end - begin);
    if (end < body.size()) snippet += "…";
    for (char& c : snippet)
        if (c == '\n') c = ' ';
    for (const Highlight& h : all)
        if (h.begin >= begin && h.end <= end) hit.snippet_highlights.push_back({h.begin - begin + shift, h.end - begin + shift});
    hit.snippet = std::move(snippet);
}

SearchEngine::SearchEngine(const Book& book, const std::filesystem::path& index_path) : sections_(collect_sections(book)) {
    folded_bodies_.resize(sections_.size());
    folded_titles_.reserve(sections_.size());
    for (const Section& s : sections_) folded_titles_.push_back(fold_for_search(s.title));
    fingerprint_ = content_fingerprint(book);
    try {
        store_ = std::make_unique<storage::SearchStore>(index_path);
        if (!store_->is_current(fingerprint_)) fill_index(fingerprint_);
        in_memory_ = index_path.empty();
    } catch (const storage::StorageError&) {
        use_memory_index();  // read-only or unusable data folder: search still works
    }
}

void SearchEngine::fill_index(uint64_t fingerprint) {
    std::vector<storage::SectionRow> rows;
    rows.reserve(sections_.size());
    for (size_t i = 0; i < sections_.size(); ++i) rows.push_back({folded_titles_[i], folded_body(i)});
    store_->rebuild(rows, fingerprint);
    rebuilt_ = true;
}

void SearchEngine::use_memory_index() {
    store_ = std::make_unique<storage::SearchStore>("");
    in_memory_ = true;
    fill_index(fingerprint_);
}

// The index is a cache: when a query fails on it (a table dropped or damaged since it was
// opened), it is rebuilt once, then replaced by one in memory.
std::vector<int64_t> SearchEngine::candidates(const std::vector<std::string>& terms) {
    try {
        return store_->candidates(terms);
    } catch (const storage::StorageError&) {
    }
    try {
        store_->reset();
        fill_index(fingerprint_);
        return store_->candidates(terms);
    } catch (const storage::StorageError&) {
    }
    use_memory_index();
    return store_->candidates(terms);
}

SearchEngine::~SearchEngine() = default;

const std::string& SearchEngine::folded_body(size_t i) {
    if (!folded_bodies_[i]) folded_bodies_[i] = fold_for_search(sections_[i].body);
    return *folded_bodies_[i];
}

std::vector<SearchHit> SearchEngine::search(std::string_view query, size_t limit) {
    const std::vector<std::string> terms = split_query(query);
    std::vector<SearchHit> hits;
    if (terms.empty()) return hits;
    for (int64_t id : candidates(terms)) {
        if (id < 0 || size_t(id) >= sections_.size()) continue;
        SearchHit hit;
        hit.section = size_t(id);
        int title_terms = 0;
        for (const std::string& t : terms) {
            const size_t in_title = count_in(folded_titles_[size_t(id)], t, 5);
            title_terms += in_title > 0;
            hit.score += int(in_title) * 50;
        }
        if (title_terms == int(terms.size())) hit.score += 1000;
        const std::string& body = folded_body(size_t(id));
        for (const std::string& t : terms) hit.score += int(count_in(body, t, 20));
        hits.push_back(std::move(hit));
    }
    std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) { return a.score > b.score; });
    if (hits.size() > limit) hits.resize(limit);
    for (SearchHit& hit : hits) {
        const Section& s = sections_[hit.section];
        hit.chapter_id = s.chapter_id;
        hit.anchor = s.anchor;
        hit.title = s.title;
        hit.part_name = s.part_name;
        hit.chapter_title = s.chapter_title;
        hit.title_highlights = find_occurrences(s.title, terms);
        make_snippet(s.body.empty() ? s.title : s.body, terms, hit);
    }
    return hits;
}

}  // namespace tebiki
