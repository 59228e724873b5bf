// UTF-8 helpers used across the core. All functions accept arbitrary bytes:
// invalid sequences decode as U+FFFD and advance by one byte, so callers never loop forever.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace tebiki {

constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point starting at text[pos] and advances pos past it.
char32_t utf8_next(std::string_view text, size_t& pos);

void utf8_append(std::string& out, char32_t cp);

// Returns the byte offset of the first invalid sequence, or npos when text is valid UTF-8.
size_t utf8_find_invalid(std::string_view text);

size_t utf8_length(std::string_view text);  // in code points

std::u16string utf8_to_utf16(std::string_view text);
std::string utf16_to_utf8(std::u16string_view text);

}  // namespace tebiki
