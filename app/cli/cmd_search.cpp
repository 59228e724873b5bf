#include <cstdio>

#include "cli/commands.h"
#include "util/json.h"
#include "search/search_engine.h"
#include "storage/database.h"

namespace tebiki::cli {

// Marks highlighted ranges with 【】 for the terminal.
static std::string marked(const std::string& text, const std::vector<Highlight>& highlights) {
    std::string out;
    size_t at = 0;
    for (const Highlight& h : highlights) {
        if (h.begin < at) continue;
        out += text.substr(at, h.begin - at) + "【" + text.substr(h.begin, h.end - h.begin) + "】";
        at = h.end;
    }
    return out + text.substr(at);
}

int run_search(const Options& options) {
    std::string query;
    for (const std::string& p : options.positional) query += (query.empty() ? "" : " ") + p;
    Diagnostics diagnostics;
    const Book book = load_book(options.paths.content, diagnostics);
    try {
        SearchEngine engine(book, options.paths.data / "search-index.sqlite");
        const auto hits = engine.search(query, size_t(options.number("limit", 20)));
        if (options.flag("json")) {
            std::printf("[");
            for (size_t i = 0; i < hits.size(); ++i) {
                const SearchHit& h = hits[i];
                std::printf("%s{\"id\":%s,\"title\":%s,\"breadcrumb\":%s,\"snippet\":%s,\"score\":%d}", i ? "," : "",
                            json_string(h.chapter_id + (h.anchor.empty() ? "" : "#" + h.anchor)).c_str(),
                            json_string(h.title).c_str(), json_string(h.part_name + " > " + h.chapter_title).c_str(),
                            json_string(h.snippet).c_str(), h.score);
            }
            std::printf("]\n");
        } else {
            for (const SearchHit& h : hits)
                std::printf("%s#%s\t%s\t%s\n", h.chapter_id.c_str(), h.anchor.c_str(), h.title.c_str(),
                            marked(h.snippet, h.snippet_highlights).c_str());
            if (hits.empty()) std::fprintf(stderr, "「%s」に一致する箇所はありません。\n", query.c_str());
        }
    } catch (const storage::StorageError& e) {
        std::fprintf(stderr, "tebiki search: 検索索引を開けません: %s\n", e.what());
        return 1;
    }
    return 0;
}

}  // namespace tebiki::cli
