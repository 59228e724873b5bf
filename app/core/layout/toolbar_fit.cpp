#include "layout/toolbar_fit.h"

#include <algorithm>
#include <numeric>

namespace tebiki {

namespace {

// Width of the buttons in the bar, each followed by one spacing.
float buttons_width(const std::vector<ToolbarItemSize>& items, const std::vector<bool>& in_bar, bool icons, float spacing) {
    float w = 0;
    for (size_t i = 0; i < items.size(); ++i)
        if (in_bar[i]) w += (icons ? items[i].icon : items[i].full) + spacing;
    return w;
}

}  // namespace

ToolbarFit fit_toolbar(const std::vector<ToolbarItemSize>& items, const ToolbarFixed& fixed, float avail) {
    ToolbarFit fit;
    fit.in_bar.assign(items.size(), true);
    // search, spacing, zoom group (the zoom group ends the bar)
    auto rest = [&](bool compact) { return fixed.search_min + fixed.spacing + (compact ? fixed.zoom_compact : fixed.zoom_full); };
    auto more = [&]() { return fit.more ? fixed.more + fixed.spacing : 0.0f; };

    float used = buttons_width(items, fit.in_bar, false, fixed.spacing) + rest(false);
    if (used > avail) {
        fit.icons = true;
        used = buttons_width(items, fit.in_bar, true, fixed.spacing) + rest(true);
    }
    if (used > avail) {
        // Lowest priority first; among equals, the last one in the bar.
        std::vector<size_t> order(items.size());
        std::iota(order.begin(), order.end(), size_t(0));
        std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return items[a].priority < items[b].priority; });
        fit.more = true;
        for (size_t k = 0; k < order.size() && used > avail; ++k) {
            fit.in_bar[order[k]] = false;
            used = buttons_width(items, fit.in_bar, true, fixed.spacing) + more() + rest(true);
        }
        used = buttons_width(items, fit.in_bar, true, fixed.spacing) + more() + rest(true);
    }
    fit.search_width = std::max(fixed.search_min, fixed.search_min + (avail - used));
    return fit;
}

}  // namespace tebiki
