// Problems found in data files, reported as "file:line:col: message" (messages are Japanese,
// because the people who fix content and questionnaires read Japanese).
#pragma once
#include <string>
#include <vector>

namespace tebiki {

struct Diagnostic {
    std::string file;   // path as given to the loader
    int line = 0;       // 1-based; 0 when unknown
    int column = 0;     // 1-based; 0 when unknown
    std::string message;

    std::string to_string() const;
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace tebiki
