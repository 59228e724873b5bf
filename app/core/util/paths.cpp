#include "util/paths.h"

#include <cstdlib>

#ifndef TEBIKI_SOURCE_DATA_DIR
#define TEBIKI_SOURCE_DATA_DIR ""
#endif
#ifndef TEBIKI_GENERATED_ASSETS_DIR
#define TEBIKI_GENERATED_ASSETS_DIR ""
#endif
#ifndef TEBIKI_INSTALL_DATA_DIR
#define TEBIKI_INSTALL_DATA_DIR "/usr/local/share/tebiki"
#endif

namespace tebiki {

namespace fs = std::filesystem;

static fs::path user_data_dir() {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return fs::path(xdg) / "tebiki";
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".local/share/tebiki";
    return fs::current_path() / ".tebiki";
}

// share/tebiki next to the running executable's bin/ (an installed or unpacked tree: a package
// extracted with `dpkg -x` into any folder reads its own data, never the build machine's).
static fs::path installed_next_to_executable() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec || exe.parent_path().filename() != "bin") return {};
    const fs::path share = exe.parent_path().parent_path() / "share" / "tebiki";
    return fs::is_directory(share / "content", ec) ? share : fs::path();
}

Paths default_paths() {
    std::error_code ec;
    const fs::path installed = installed_next_to_executable();
    const fs::path source = TEBIKI_SOURCE_DATA_DIR;
    const bool from_source = installed.empty() && !source.empty() && fs::is_directory(source / "content", ec);
    const fs::path base = !installed.empty() ? installed : from_source ? source : fs::path(TEBIKI_INSTALL_DATA_DIR);
    Paths p;
    p.content = base / "content";
    p.assessment = base / "assessment";
    p.asset_dirs.push_back(base / "assets");
    if (from_source && *TEBIKI_GENERATED_ASSETS_DIR) p.asset_dirs.emplace_back(TEBIKI_GENERATED_ASSETS_DIR);
    p.diagram_sources = base / "assets" / "diagrams";
    p.data = user_data_dir();
    return p;
}

}  // namespace tebiki
