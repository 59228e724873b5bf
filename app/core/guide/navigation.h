// Where the reader is and how it got there: the current location plus back/forward history,
// like a web browser. Pure data, so the UI and tests share it.
#pragma once
#include <string>
#include <vector>

namespace tebiki {

struct Location {
    std::string chapter_id;     // empty: the home screen
    std::string anchor;         // heading to scroll to when opened, may be empty
    float scroll_y = -1;        // remembered scroll position (-1: use the anchor / top)

    bool operator==(const Location& o) const { return chapter_id == o.chapter_id && anchor == o.anchor; }
};

class History {
public:
    const Location& current() const { return current_; }
    void go(Location to);              // a new visit: forward history is dropped
    void remember_scroll(float y) { current_.scroll_y = y; }
    bool can_back() const { return !back_.empty(); }
    bool can_forward() const { return !forward_.empty(); }
    bool back();
    bool forward();

private:
    Location current_;
    std::vector<Location> back_, forward_;
};

}  // namespace tebiki
