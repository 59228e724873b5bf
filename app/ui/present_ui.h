// Presentation mode (F5, --present): the current chapter as slides in large type, driven by the
// keys presentation clickers send.
#pragma once
#include <chrono>
#include <vector>

#include "layout/page_layout.h"
#include "present/slides.h"

namespace tebiki::ui {

struct PresentUi {
    bool active = false;
    size_t chapter = 0;
    int slide = 0;
    float scroll = 0;                   // a slide taller than the screen (a long table) scrolls
    float visible_height = 0;           // of the slide area, for the keys
    std::vector<Slide> slides;          // of `chapter`, for the size below
    float slides_width = 0, slides_height = 0, slides_zoom = 0;
    std::vector<PageLayout> layouts;    // one per slide, laid out with the slides
    bool blank = false;                 // B or . : a black screen
    bool spotlight = false;             // S held or the right mouse button: all dark but a circle
    bool high_contrast = false;
    bool help = false;                  // F1: the keys, over the slide
    float saved_zoom = 1.0f;            // the reader's zoom, restored on leaving
    std::chrono::steady_clock::time_point started;

    // Two screens: the audience window (full screen on the second monitor) shows the slide; the
    // main window becomes the presenter view. The audience slide is drawn as an ImGui window
    // placed beyond the main viewport; the main loop renders its draw list into the second window.
    bool two_screens = false;
    float audience_x = 0;                      // where the audience window sits in ImGui's space
    float audience_w = 0, audience_h = 0;
    struct ImDrawList* audience_list = nullptr;  // this frame's draw list of the audience window
};

}  // namespace tebiki::ui
