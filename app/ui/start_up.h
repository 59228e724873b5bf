// How the window starts: the page it opens on, kiosk and presentation from the options and the
// stored settings, where the window was last time, its icon, and --size.
#pragma once
#include <array>
#include <optional>
#include <string>

#include "cli/options.h"
#include "ui/app.h"

struct GLFWwindow;

namespace tebiki::ui {

// Returns an exit code: non-zero when a screenshot asks for a page that is not there.
int open_start_page(App& app, const cli::Options& options);
void set_up_modes(App& app, const cli::Options& options);
std::optional<std::array<int, 4>> saved_geometry(App& app);
void set_window_icon(GLFWwindow* window, const App& app);

}  // namespace tebiki::ui
