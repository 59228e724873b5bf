// File names built from what users typed (department names, titles): no '/', '\\', "..",
// control or reserved characters, cut on whole UTF-8 characters. Export names keep their
// identifying tail (questionnaire or document id and timestamp) whatever the name's length.
#pragma once
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace tebiki {

// `text` made safe for a file name, at most `max_bytes` bytes (whole characters), never empty.
std::string safe_file_name(std::string_view text, size_t max_bytes = 120);

// "NAME_TAIL": NAME made safe and cut so the whole stem stays within 120 bytes; TAIL (for
// example "_readiness_20261125-083015") is made safe but never cut.
std::string export_stem(std::string_view name, std::string_view tail);

// Writes an export into `dir` as export_stem(name, tail) + ext, or with -2, -3 … when that
// name is taken: an earlier export is never overwritten. Returns the file written.
std::optional<std::filesystem::path> write_export(const std::filesystem::path& dir, std::string_view name, std::string_view tail,
                                                  const std::string& ext, std::string_view data, std::string* error = nullptr);

}  // namespace tebiki
