// Diagnostics as the commands print them: "file:line:col: message", one a line. Those the core
// says by id are put into words from assets/strings/ja.toml first (the --assets folder's, else
// the bundled one).
#pragma once
#include <cstdio>

#include "cli/options.h"
#include "util/diagnostics.h"

namespace tebiki::cli {

void print_diagnostics(const Options& options, Diagnostics diagnostics, std::FILE* out = stderr);

}  // namespace tebiki::cli
