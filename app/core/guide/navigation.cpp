#include "guide/navigation.h"

namespace tebiki {

void History::go(Location to) {
    if (to == current_ && to.anchor.empty()) return;
    back_.push_back(current_);
    if (back_.size() > 200) back_.erase(back_.begin());
    forward_.clear();
    current_ = std::move(to);
}

bool History::back() {
    if (back_.empty()) return false;
    forward_.push_back(current_);
    current_ = back_.back();
    back_.pop_back();
    return true;
}

bool History::forward() {
    if (forward_.empty()) return false;
    back_.push_back(current_);
    current_ = forward_.back();
    forward_.pop_back();
    return true;
}

}  // namespace tebiki
