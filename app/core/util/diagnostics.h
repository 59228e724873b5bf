// Problems found in data files, reported as "file:line:col: message" (messages are Japanese,
// because the people who fix content and questionnaires read Japanese).
#pragma once
#include <string>
#include <vector>

#include "util/message.h"

namespace tebiki {

struct Diagnostic {
    std::string file;   // path as given to the loader
    int line = 0;       // 1-based; 0 when unknown
    int column = 0;     // 1-based; 0 when unknown
    std::string message;
    // Instead of `message`: sentences by id, said one after another; UiStrings::word puts them
    // into `message` (the CLI and the UI do, before showing them).
    std::vector<Message> said = {};

    std::string to_string() const;
};

using Diagnostics = std::vector<Diagnostic>;

// A diagnostic worded in assets/strings/ja.toml.
Diagnostic diagnostic(std::string file, int line, int column, std::vector<Message> said);

}  // namespace tebiki
