// Whole-file reads and atomic writes. Errors come back as values, never exceptions.
#pragma once
#include <filesystem>
#include <optional>
#include <string>

namespace tebiki {

// Reads the whole file; on failure returns nullopt and sets error (Japanese, for the user).
std::optional<std::string> read_file(const std::filesystem::path& path, std::string* error = nullptr);

// Writes to a temporary file beside `path`, flushes, then renames over it.
bool write_file_atomic(const std::filesystem::path& path, std::string_view data, std::string* error = nullptr);

}  // namespace tebiki
