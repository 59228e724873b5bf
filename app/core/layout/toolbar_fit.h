// How the toolbar fits its width: every button with its full label when there is room, then
// every button as its short label (an icon), then the least important buttons move into the
// 「その他」 menu one by one. The search box and the zoom group always stay in the bar. Pure
// arithmetic on widths the UI measured, so it is tested without a window.
#pragma once
#include <vector>

namespace tebiki {

struct ToolbarItemSize {
    float full = 0;    // width of the button with its full label
    float icon = 0;    // width with its short label
    int priority = 0;  // higher stays in the bar longer
};

struct ToolbarFixed {
    float search_min = 160;   // the search box never gets less
    float zoom_full = 0;      // − 「文字の大きさ 100%」 ＋
    float zoom_compact = 0;   // − 「100%」 ＋
    float more = 0;           // the 「その他」 button
    float spacing = 8;        // between two neighbours
};

struct ToolbarFit {
    bool icons = false;          // short labels (and the compact zoom label)
    std::vector<bool> in_bar;    // per item: in the bar, else in the 「その他」 menu
    bool more = false;           // the 「その他」 button is shown
    float search_width = 0;      // what is left for the search box (≥ search_min when it fits at all)
};

// `avail` is the width of the bar. The result never needs more than `avail` unless even the search
// box, the zoom group and the 「その他」 button alone do not fit.
ToolbarFit fit_toolbar(const std::vector<ToolbarItemSize>& items, const ToolbarFixed& fixed, float avail);

}  // namespace tebiki
