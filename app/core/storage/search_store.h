// The full-text index of the guide's sections: an SQLite FTS5 table with the trigram tokenizer
// over NFKC-casefolded text. It is a cache: rebuilt whenever the content's fingerprint changes,
// and simply recreated when the file is damaged.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "storage/database.h"

namespace tebiki::storage {

struct SectionRow {
    std::string title_folded;
    std::string body_folded;
};

class SearchStore {
public:
    // An empty path keeps the index in memory.
    explicit SearchStore(const std::filesystem::path& path);

    bool is_current(uint64_t fingerprint);
    // Drops whatever is left of the index and creates it empty (a table dropped by hand, a
    // damaged FTS table): the next rebuild() fills it from content/.
    void reset();
    // Replaces the index; row i gets rowid i.
    void rebuild(const std::vector<SectionRow>& rows, uint64_t fingerprint);

    // Rowids of sections containing every term (already folded). Terms of three or more code
    // points use the FTS5 index; shorter ones (要綱, 出張) fall back to LIKE, which trigrams cannot serve.
    std::vector<int64_t> candidates(const std::vector<std::string>& terms);

private:
    bool schema_complete();
    void create_schema();
    Database db_;
};

}  // namespace tebiki::storage
