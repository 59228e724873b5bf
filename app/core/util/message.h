// A sentence by id: the key of its wording in assets/strings/ja.toml and the values that go into
// it ({1} {2} …). The core says what happened by id; the UI and the CLI put it into words with
// UiStrings::text, so the wording stays in data that non-programmers edit.
#pragma once
#include <string>
#include <vector>

namespace tebiki {

struct Message {
    std::string id;                 // "answers.no_choice"
    std::vector<std::string> args;  // {1} {2} …
    bool empty() const { return id.empty(); }
    // Without the strings: the id and its values, so a missing wording is visible, never blank.
    std::string fallback() const;
};

}  // namespace tebiki
