// Small helpers for building test inputs.
#pragma once
#include <string>
#include <string_view>

// `unit` n times: "((((" for nesting tests, long names for file-name tests.
inline std::string repeat(std::string_view unit, int n) {
    std::string out;
    out.reserve(unit.size() * size_t(n > 0 ? n : 0));
    for (int i = 0; i < n; ++i) out += unit;
    return out;
}
