// toml::parse with a nesting limit. toml++ recurses once per level when it builds and frees
// tables, so `[a.a.a.…]` with 100,000 parts (or as many dotted key parts) overflows the stack;
// its own limit (TOML_MAX_NESTED_VALUES, 256) covers only inline arrays and tables. A cheap scan
// of the text first refuses anything nested deeper than kMaxTomlNesting, as a toml::parse_error
// with the line, so every loader reports it like any other syntax error.
#pragma once
#include <string_view>

#include <toml++/toml.h>

namespace tebiki {

// Table header parts + dotted key parts + inline tables and arrays, along any one path.
// tebiki's files use five at most.
inline constexpr int kMaxTomlNesting = 64;

// Throws toml::parse_error (from the scan or from toml++) like toml::parse.
toml::table parse_toml(std::string_view text, std::string_view source_path);

}  // namespace tebiki
