// The 全庁 view as text (tebiki ward), JSON (--json: {"departments": [...]}) and CSV (--csv and
// the window's export: UTF-8 with BOM, formula-safe, one row per department). Words come from
// assets/strings/ja.toml [ward].
#pragma once
#include <string>
#include <vector>

#include "storage/store.h"
#include "util/ui_strings.h"
#include "ward/ward.h"

namespace tebiki::ward {

// Where the figures come from, printed with them: "server" or "local" and the shown URI.
struct Source {
    std::string kind;   // "server" | "local"
    std::string shown;  // the server's URI without its password; empty for local
};

std::string format_text(const Model& m, const Source& source, const UiStrings& words);
std::string to_json(const Model& m, const Source& source);
std::string to_csv(const Model& m, const UiStrings& words);

// 「12課が『持ち出しルール未確認』で止まっています」
std::string blocker_sentence(const BlockerSummary& b, const UiStrings& words);
// "52.3" / "+5.2" / "-0.5"
std::string points_text(double value, bool sign = false);

// The recorded writes of one department (tebiki ward --history).
std::string history_text(const std::string& municipality, const std::string& name, const std::vector<storage::HistoryEntry>& entries,
                         const UiStrings& words);
std::string history_json(const std::string& municipality, const std::string& name, const std::vector<storage::HistoryEntry>& entries);

}  // namespace tebiki::ward
