#include "util/file_name.h"

#include <algorithm>

#include "util/file_io.h"

namespace tebiki {

namespace {

constexpr size_t kMaxStemBytes = 120;  // with an extension and "-2", far below NAME_MAX (255)

// Reserved and control characters become '_', and so does every ".." (left to right).
std::string cleaned(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        const unsigned char c = static_cast<unsigned char>(ch);
        if (ch == '.' && i + 1 < text.size() && text[i + 1] == '.') {
            out += '_';
            ++i;
        } else if (c < 0x20 || c == 0x7F || std::string_view("/\\:*?\"<>|").find(ch) != std::string_view::npos) {
            out += '_';
        } else {
            out += ch;
        }
    }
    return out;
}

// The longest prefix of at most `max_bytes` that ends on a character boundary.
void cut(std::string& text, size_t max_bytes) {
    if (text.size() <= max_bytes) return;
    size_t at = max_bytes;
    while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
    text.resize(at);
}

}  // namespace

std::string safe_file_name(std::string_view text, size_t max_bytes) {
    std::string out = cleaned(text);
    while (!out.empty() && (out.front() == '.' || out.front() == ' ' || out.front() == '-')) out.erase(0, 1);
    cut(out, max_bytes);
    return out.empty() ? "document" : out;
}

std::string export_stem(std::string_view name, std::string_view tail) {
    std::string safe_tail = cleaned(tail);
    cut(safe_tail, kMaxStemBytes / 2);  // ids and timestamps are short; this only stops abuse
    return safe_file_name(name, kMaxStemBytes - safe_tail.size()) + safe_tail;
}

std::optional<std::filesystem::path> write_export(const std::filesystem::path& dir, std::string_view name, std::string_view tail,
                                                  const std::string& ext, std::string_view data, std::string* error) {
    return write_new_file(dir, export_stem(name, tail), ext, data, error);
}

}  // namespace tebiki
