// Presentation mode (F5, --present): the current chapter as slides in type sized for the room
// (present/slide_type.h), driven by the keys presentation clickers send; the presenter's view
// shows the notes.
#pragma once
#include <chrono>
#include <string>
#include <vector>

#include "layout/page_layout.h"
#include "present/slides.h"
#include "ui/fonts.h"

namespace tebiki::ui {

struct App;

struct PresentUi {
    bool active = false;
    size_t chapter = 0;
    int slide = 0;
    int pending_slide = -1;             // --slide N: applied once the chapter is cut for the screen
    std::string pending_anchor;         // F5 from the reader: start at the slide of this section
    std::string from_anchor;            // that section, kept: Esc on a slide showing it returns there
    float scroll = 0;                   // a slide taller than the screen (one long row) scrolls
    float visible_height = 0;           // of the slide area, for the keys
    std::vector<Slide> slides;          // of `chapter`, for the cut below
    float slides_width = 0, slides_height = 0;
    FontPlan slides_plan{};             // the atlas the slides were cut for
    std::vector<PageLayout> layouts;    // one per slide, laid out with the slides
    float preset = 1.0f;                // room preset (keys 1–4): 1, 1.25, 1.5, 2 × the slide type
    bool blank = false;                 // B or . : a black screen
    bool spotlight = false;             // S held or the right mouse button: all dark but a circle
    bool high_contrast = false;
    bool help = false;                  // F1: the keys, over the slide
    std::chrono::steady_clock::time_point started;

    // Two screens: the audience window (full screen on the second monitor) shows the slide; the
    // main window becomes the presenter view. The audience slide is drawn as an ImGui window
    // placed beyond the main viewport; the main loop renders its draw list into the second window.
    bool two_screens = false;
    float audience_x = 0;                      // where the audience window sits in ImGui's space
    float audience_w = 0, audience_h = 0;
    struct ImDrawList* audience_list = nullptr;  // this frame's draw list of the audience window
};

// The atlas presenting needs on a screen of this size: the slide type, the small print, and the
// current chapter's glyphs (presentation_glyphs).
FontPlan presentation_plan(const App& app, float screen_width, float screen_height);
GlyphText presentation_glyphs(const App& app);

}  // namespace tebiki::ui
