// Everything the window shows, in one place: the loaded book, search, user store, where the
// reader is, and the caches the views draw from. Views are free functions over App.
#pragma once
#include <array>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <imgui.h>

#include "cli/options.h"
#include "guide/book.h"
#include "guide/navigation.h"
#include "layout/page_layout.h"
#include "search/search_engine.h"
#include "storage/user_store.h"
#include "text/font_set.h"
#include "ui/assess_ui.h"
#include "ui/docs_ui.h"
#include "ui/kiosk_ui.h"
#include "ui/present_ui.h"
#include "ui/ward_ui.h"
#include "ui/fonts.h"
#include "util/ui_strings.h"

namespace tebiki::ui {

struct ExternalLinkPopup {
    bool open = false;
    std::string url;
    bool copied = false;
};

struct KeyChord {
    int key;   // GLFW_KEY_*
    int mods;  // GLFW_MOD_* held when it was pressed
};

enum class Screen { Guide, Assessment, Documents, Ward };

struct App {
    cli::Options options;
    Paths paths;
    Book book;
    Diagnostics diagnostics;
    std::unique_ptr<FontSet> fonts;
    UiStrings text;
    std::unique_ptr<SearchEngine> search;
    std::unique_ptr<storage::UserStore> store;
    storage::UserStore::Status store_status = storage::UserStore::Status::Refused;
    std::string store_notice;  // what opening the store said (also in notices)
    std::vector<std::string> notices;  // shown once in a modal (Japanese)

    // Fonts and zoom
    UiFonts ui_fonts;
    GlyphText glyphs;
    float zoom = 1.0f;           // the user's zoom (1.0 = 100 %)
    float content_scale = 1.0f;  // the monitor's HiDPI factor
    bool fonts_dirty = true;
    bool fonts_complete = false;  // the first atlas skips the unused Japanese range (see gui.cpp)
    float effective_zoom() const { return zoom * content_scale; }

    // Where the reader is
    History history;
    std::optional<std::pair<uint32_t, uint32_t>> restore_position;  // reading position to scroll to
    std::optional<float> restore_scroll;                             // pixel scroll to apply next frame
    std::string scroll_to_anchor;
    std::string page_anchor;  // the heading the page was opened at: the page leaves room to bring it to the top
    std::vector<std::string> highlight_terms;  // from the search hit that opened the page
    float page_scroll = 0;                     // current scroll of the page, updated each frame
    const PageLayout* current_layout = nullptr;
    std::string last_chapter;  // the chapter read last (home 「続きから」), also across starts

    // Search box
    std::string query;
    std::vector<SearchHit> hits;
    int selected_hit = 0;
    bool focus_search = false;
    bool search_open = false;
    bool scroll_hit_into_view = false;
    ImVec2 search_box_min, search_box_max;      // where the results panel hangs from
    ImVec2 search_panel_min, search_panel_max;  // the panel (last frame): a click outside closes it

    std::optional<bool> toc_override;  // the user's 目次 toggle; unset: by window width

    Screen screen = Screen::Guide;
    // The guide opened from an assessment (「ガイドで詳しく読む」, advice): where 「回答に戻る」 and
    // 戻る on that page lead back to.
    struct ReturnToAssessment {
        AssessStep step;
        Location opened;  // the guide page it opened
    };
    std::optional<ReturnToAssessment> return_to_assessment;
    void back_to_assessment();
    AssessUi assess;
    void open_assessment(const std::string& questionnaire_id = {});
    DocumentsUi docs;
    void open_documents(const std::string& document_id = {});
    PresentUi present;
    void start_presentation();   // the current chapter (or the first), from its first slide
    void stop_presentation();
    KioskUi kiosk;
    StoreUi storage;                 // where departments and assessments are kept, and the server's state
    WardUi ward;
    void open_ward();                // the 全庁 screen (from the admin screen, behind the PIN)
    // Opens the store --store / TEBIKI_STORE / the admin setting chose into assess.store (with
    // the outbox when it names a server); problems become notices.
    void open_assessment_store();
    void reset_for_next_person();  // kiosk idle reset: home, nothing open, nothing typed
    std::filesystem::path export_dir() const;  // the admin's choice, or DATA_DIR/exports
    // Writes an export into the export folder as NAME_TAIL.EXT (util/file_name.h: the name is
    // cut, the tail with id and timestamp never; an earlier export is never overwritten).
    // `bytes` builds the file (nullopt and an error when it cannot); returns the message for the
    // user, from `ok_key` ({1}: the path) or `fail_key` ({1}: the error).
    std::string save_export(const std::string& name, const std::string& tail, const std::string& ext,
                            const std::function<std::optional<std::string>(std::string*)>& bytes, const char* ok_key,
                            const char* fail_key, bool* saved = nullptr) const;

    ExternalLinkPopup external_link;
    std::string app_link_notice;

    // Screen rectangles of named widgets (TOC entries, tiles, buttons), exported in the state
    // file so end-to-end tests can click them by name instead of by guessed coordinates. Only the
    // part inside the scrolling window's visible height is kept (a target scrolled out of view is
    // not listed); its width is never cut, so a control pushed past the window's edge shows.
    std::map<std::string, std::array<float, 4>> targets;
    void target(const std::string& name);  // records ImGui's last item
    void target_rect(const std::string& name, ImVec2 min, ImVec2 max);  // a rectangle drawn by hand (links)

    // Keys pressed in this frame, with their modifiers (fed by the main loop).
    std::vector<KeyChord> key_presses;
    // True when `key` was pressed this frame with exactly the modifiers in `mods` (Shift ignored
    // unless asked for, so JIS "Ctrl ;" and "Ctrl +" both count).
    bool key_pressed(int key, int mods = 0) const;

    // Frame bookkeeping
    int frames_requested = 0;  // the main loop draws at least this many more frames
    long frames_drawn = 0;
    int screenshots_saved = 0;  // on SIGUSR1 (TEBIKI_SCREENSHOT_FILE), for tests
    int missing_glyphs = 0;    // code points drawn that the atlas lacks (must stay 0)

    const PageLayout& layout_for(size_t chapter, float width);
    void navigate(Location to, bool keep_highlight = false);
    void go_back();
    void go_forward();
    void set_zoom(float zoom);
    void save_reading_position();
    const Chapter* current_chapter() const;
    void request_frames(int n = 3) { frames_requested = std::max(frames_requested, n); }

private:
    void step_history(bool forward);
    std::map<std::tuple<size_t, int, int>, PageLayout> layouts_;  // (chapter, width, zoom %)
};

// The characters of the first screen only (UI words, part tiles, the page being reopened): the
// first atlas bakes just these so the window appears fast; the next frame bakes everything.
GlyphText first_screen_glyphs(const App& app);

// Loads book, fonts, strings, search index and user store; problems become notices.
std::unique_ptr<App> load_app(const cli::Options& options);

}  // namespace tebiki::ui
