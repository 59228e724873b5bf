// Word-level differences between two Japanese texts, for the 新旧対照表: the texts are cut into
// words with ICU's dictionary-based word boundaries (Japanese has no spaces), the longest common
// subsequence of words is kept, and the rest is marked changed (underlined in the table).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace tebiki::documents {

struct Segment {
    std::string text;
    bool changed = false;
};

struct TextDiff {
    std::vector<Segment> before, after;  // each side cut into runs, changed or not
    bool same = true;
};

// ICU word boundaries of `text` (UTF-8): the words, in order, joining back to `text`.
std::vector<std::string> split_words(const std::string& text);
TextDiff diff_words(const std::string& before, const std::string& after);
// 0 (nothing shared) … 1 (equal): Dice coefficient of the character bigrams.
double similarity(const std::string& a, const std::string& b);
// The same on bigrams computed once (pairing compares every text with every other).
using Bigrams = std::vector<uint64_t>;  // sorted codes of adjacent character pairs
Bigrams bigrams(const std::string& text);
double similarity(const Bigrams& a, const Bigrams& b);

}  // namespace tebiki::documents
