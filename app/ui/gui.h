// The window: `tebiki` with no command, and `tebiki screenshot`.
#pragma once
#include "cli/options.h"

namespace tebiki::ui {

int run_gui(const cli::Options& options);

}  // namespace tebiki::ui
