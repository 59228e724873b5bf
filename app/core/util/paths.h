// Where tebiki finds its data: the bundled content/, assessment/ and assets/ (next to the
// source tree when run from a build, or under the install prefix), and the user's data dir.
#pragma once
#include <filesystem>
#include <vector>

namespace tebiki {

struct Paths {
    std::filesystem::path content;
    std::filesystem::path assessment;
    std::filesystem::path data;                    // user data: settings, answers, search index
    std::vector<std::filesystem::path> asset_dirs; // assets/ then the build's generated assets
    std::filesystem::path diagram_sources;         // assets/diagrams (Graphviz sources)
};

// Defaults; command-line options override the individual fields afterwards.
Paths default_paths();

}  // namespace tebiki
