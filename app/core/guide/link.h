// What a link in a chapter points at: another place in the book, a tool inside tebiki, or an
// outside address (shown and copyable; the kiosk is offline).
#pragma once
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "guide/book.h"

namespace tebiki {

enum class LinkKind { Internal, App, External, Broken };

struct ResolvedLink {
    LinkKind kind = LinkKind::Broken;
    std::string chapter_id;  // Internal
    std::string anchor;      // Internal: as written after '#', may be empty
    std::string target;      // App: "assessment/readiness"; External: the URL
    std::string problem;     // Broken: why (Japanese)
};

ResolvedLink resolve_link(const Book& book, const Chapter& from, std::string_view target);

// Images are looked up relative to each assets folder in turn (the source tree's assets/,
// then the build's generated diagrams). Returns an empty path when not found.
std::filesystem::path find_asset(const std::vector<std::filesystem::path>& asset_dirs, std::string_view src);

}  // namespace tebiki
