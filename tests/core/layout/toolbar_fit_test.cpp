// Issue 14: the toolbar lays itself out by width (full labels, then icons, then 「その他」).
#include <doctest/doctest.h>

#include <cstddef>

#include "layout/toolbar_fit.h"

using namespace tebiki;
using std::size_t;

namespace {

// Seven buttons as the toolbar has them: 戻る 進む ホーム 診断 文書 発表 管理.
std::vector<ToolbarItemSize> seven() {
    return {{90, 40, 90}, {90, 40, 60}, {110, 40, 100}, {90, 90, 80}, {90, 90, 70}, {90, 90, 50}, {90, 90, 40}};
}

ToolbarFixed fixed() { return ToolbarFixed{.search_min = 160, .zoom_full = 300, .zoom_compact = 180, .more = 100, .spacing = 10}; }

float used(const std::vector<ToolbarItemSize>& items, const ToolbarFit& fit, const ToolbarFixed& f) {
    float w = 0;
    for (size_t i = 0; i < items.size(); ++i)
        if (fit.in_bar[i]) w += (fit.icons ? items[i].icon : items[i].full) + f.spacing;
    if (fit.more) w += f.more + f.spacing;
    return w + fit.search_width + f.spacing + (fit.icons ? f.zoom_compact : f.zoom_full);
}

}  // namespace

TEST_CASE("[Toolbar] a wide bar shows every button with its full label and gives the rest to the search box") {
    const ToolbarFit fit = fit_toolbar(seven(), fixed(), 2000);
    CHECK_FALSE(fit.icons);
    CHECK_FALSE(fit.more);
    for (bool in : fit.in_bar) CHECK(in);
    CHECK(used(seven(), fit, fixed()) == doctest::Approx(2000));
}

TEST_CASE("[Toolbar] a narrower bar switches to short labels before anything moves into the menu") {
    // full: 740 buttons + 70 spacing + 160 + 10 + 300 = 1280; icons: 480 + 70 + 160 + 10 + 180 = 900
    const ToolbarFit fit = fit_toolbar(seven(), fixed(), 1000);
    CHECK(fit.icons);
    CHECK_FALSE(fit.more);
    CHECK(fit.search_width >= 160);
    CHECK(used(seven(), fit, fixed()) <= 1000);
}

TEST_CASE("[Toolbar] the least important buttons move into 「その他」 and the bar never overflows") {
    for (float avail : {880.0f, 700.0f, 600.0f, 520.0f, 460.0f}) {
        CAPTURE(avail);
        const ToolbarFit fit = fit_toolbar(seven(), fixed(), avail);
        CHECK(fit.icons);
        CHECK(fit.more);
        CHECK(fit.search_width >= 160);
        CHECK(used(seven(), fit, fixed()) <= avail + 0.01f);
        // A button stays only if every more important one stays.
        for (size_t i = 0; i < fit.in_bar.size(); ++i)
            for (size_t j = 0; j < fit.in_bar.size(); ++j)
                if (fit.in_bar[i] && seven()[j].priority > seven()[i].priority) CHECK(fit.in_bar[j]);
    }
    const ToolbarFit tight = fit_toolbar(seven(), fixed(), 880);
    CHECK_FALSE(tight.in_bar[6]);  // 管理 goes first
    CHECK(tight.in_bar[2]);        // ホーム stays
}

TEST_CASE("[Toolbar] with no room even for the fixed parts the search box keeps its minimum") {
    const ToolbarFit fit = fit_toolbar(seven(), fixed(), 200);
    CHECK(fit.search_width == doctest::Approx(160));
    for (bool in : fit.in_bar) CHECK_FALSE(in);
}
