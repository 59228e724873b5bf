#include "guide/navigation.h"

namespace tebiki {

void History::go(Location to) {
    if (to == current_ && to.anchor.empty()) return;
    back_.push_back(current_);
    if (back_.size() > 200) back_.erase(back_.begin());
    forward_.clear();
    current_ = std::move(to);
}

// Moves one step from `from` to `to` (back or forward), keeping the current location on the other side.
static bool step(Location& current, std::vector<Location>& from, std::vector<Location>& to) {
    if (from.empty()) return false;
    to.push_back(current);
    current = from.back();
    from.pop_back();
    return true;
}

bool History::back() { return step(current_, back_, forward_); }
bool History::forward() { return step(current_, forward_, back_); }

}  // namespace tebiki
