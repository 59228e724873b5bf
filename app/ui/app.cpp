#include "ui/app.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "guide/check.h"
#include "layout/layout_engine.h"
#include "storage/local_store.h"
#include "util/file_io.h"
#include "util/file_name.h"
#include "ui/glyph_check.h"
#include "ui/theme.h"

namespace tebiki::ui {

// Symbols the UI draws that may not be in any text: the mark for a missing character
// (ui/glyph_check.h), answer markers, arrows, the ellipsis.
static const std::string kUiSymbols = std::string(kMissingGlyphMark) + "●○◯→←↑↓・…";

static void collect_glyphs(const Book& book, const UiStrings& text, GlyphText& out) {
    out.everything = text.all_text() + kUiSymbols;
    out.headings = text.all_text() + kUiSymbols;
    for (const Part& part : book.parts) {
        out.everything += part.title + part.summary + part.short_name;
        out.headings += part.title + part.short_name;
    }
    for (const Chapter& c : book.chapters) {
        out.everything += c.source;
        for (const Heading& h : c.headings) out.headings += h.text;
        out.headings += c.title;
    }
    out.code = out.everything;  // code spans may hold any character; the mono face is small per glyph
}

GlyphText first_screen_glyphs(const App& app) {
    // Every glyph costs rasterising at 7 sizes: keep the headings to the home screen's big words.
    GlyphText out;
    out.everything = app.text.all_text() + kUiSymbols;
    out.headings = std::string(app.text.get("home.heading")) + app.text.get("home.parts") + kUiSymbols;
    out.code = kUiSymbols;
    for (const char* key : {"home.journey_read", "home.journey_assess", "home.journey_docs", "home.journey_present"}) out.headings += app.text.get(key);
    for (const Part& part : app.book.parts) {
        out.everything += part.title + part.summary + part.short_name;
        out.headings += part.short_name;
    }
    if (const Chapter* c = app.current_chapter()) {
        out.everything += c->source;
        out.code += c->source;
        out.headings += c->title;
        for (const Heading& h : c->headings) out.headings += h.text;
        for (const Chapter& other : app.book.chapters) out.everything += other.title;  // the table of contents
    }
    return out;
}

std::unique_ptr<App> load_app(const cli::Options& options) {
    auto app = std::make_unique<App>();
    app->options = options;
    app->paths = options.paths;
    app->book = load_book(app->paths.content, app->diagnostics);
    app->assess.questionnaires = assessment::load_questionnaires(app->paths.assessment, app->diagnostics);
    app->docs.set = documents::load_documents(app->paths.assessment / "documents", app->diagnostics);
    app->text.load_first(app->paths.asset_dirs, app->diagnostics);
    app->text.word(app->diagnostics);  // questionnaire problems are said by id
    std::string font_error;
    app->fonts = load_font_set(&font_error);
    if (!app->fonts) {
        std::fprintf(stderr, "tebiki: %s\n", font_error.c_str());
        return nullptr;
    }
    if (!app->diagnostics.empty()) {
        for (const Diagnostic& d : app->diagnostics) std::fprintf(stderr, "%s\n", d.to_string().c_str());
        // Name the first few problems with file:line, so the editor knows where to look.
        std::string message = app->text.format("app.content_problems", {std::to_string(app->diagnostics.size())});
        for (size_t i = 0; i < app->diagnostics.size() && i < 5; ++i) {
            Diagnostic d = app->diagnostics[i];
            d.file = std::filesystem::path(d.file).lexically_relative(app->paths.content.parent_path()).string();
            message += "\n・" + d.to_string();
        }
        app->notices.push_back(message);
    }
    if (!app->options.system.problems.empty()) {  // a bad /etc/tebiki/config.toml: defaults used, and said where
        std::string message = app->text.get("app.system_config_problems");
        for (const std::string& p : app->options.system.problems) message += "\n・" + p;
        app->notices.push_back(message);
    }
    auto opened = storage::UserStore::open(app->paths.data / "tebiki.sqlite");
    app->store = std::move(opened.store);
    app->store_status = opened.status;
    app->store_notice = opened.notice;
    if (!opened.notice.empty()) app->notices.push_back(opened.notice);
    app->search = std::make_unique<SearchEngine>(app->book, app->paths.data / "search-index.sqlite");  // in memory if it must
    collect_glyphs(app->book, app->text, app->glyphs);
    for (const assessment::Questionnaire& q : app->assess.questionnaires)
        if (auto source = read_file(q.file)) {
            app->glyphs.everything += *source;
            app->glyphs.headings += q.title;
        }
    for (const documents::DocumentDef& d : app->docs.set.documents)
        if (auto source = read_file(d.file)) app->glyphs.everything += *source;
    app->open_assessment_store();

    if (app->store) {
        try {
            if (auto z = app->store->get("zoom")) app->zoom = std::clamp(float(std::atof(z->c_str())), 0.5f, 3.0f);
            if (auto chapter = app->store->get("reading.chapter"); chapter && app->book.find(*chapter)) {
                app->last_chapter = *chapter;
                app->history.go(Location{*chapter, "", -1});
                unsigned seq = 0, offset = 0;
                if (auto pos = app->store->get("reading.position"); pos && std::sscanf(pos->c_str(), "%u:%u", &seq, &offset) == 2)
                    app->restore_position = std::make_pair(seq, offset);
            }
        } catch (const storage::StorageError&) {
        }
    }
    return app;
}

void App::target(const std::string& name) { target_rect(name, ImGui::GetItemRectMin(), ImGui::GetItemRectMax()); }

void App::target_rect(const std::string& name, ImVec2 a, ImVec2 b) {
    const ImGuiWindow* window = ImGui::GetCurrentWindowRead();
    // Under a modal dialog nothing can be clicked: only the dialog's own targets are listed.
    if (const ImGuiWindow* modal = ImGui::GetTopMostPopupModal(); modal && window->RootWindow != modal) return;
    const ImRect clip = window->ClipRect;
    const float top = std::max(a.y, clip.Min.y), bottom = std::min(b.y, clip.Max.y);
    const float left = std::max(a.x, clip.Min.x), right = std::min(b.x, clip.Max.x);
    if (bottom <= top || right <= left) return;  // scrolled out of view
    targets[name] = {left, top, right - left, bottom - top};
}

bool App::key_pressed(int key, int mods) const {
    constexpr int kRelevant = 0x0002 | 0x0004 | 0x0008;  // GLFW_MOD_CONTROL | GLFW_MOD_ALT | GLFW_MOD_SUPER
    for (const KeyChord& c : key_presses)
        if (c.key == key && (c.mods & kRelevant) == (mods & kRelevant)) return true;
    return false;
}

const Chapter* App::current_chapter() const { return book.find(history.current().chapter_id); }

const PageLayout& App::layout_for(size_t chapter, float width) {
    const auto key = std::make_tuple(chapter, int(width), int(std::lround(effective_zoom() * 100)));
    if (auto it = layouts_.find(key); it != layouts_.end()) return it->second;
    if (layouts_.size() > 12) layouts_.clear();  // widths change rarely; a small cache is plenty
    LayoutOptions options;
    options.width = float(int(width));
    options.zoom = effective_zoom();
    options.image_size = image_sizer_for(paths.asset_dirs);
    return layouts_.emplace(key, layout_document(book.chapters[chapter].doc, *fonts, options)).first->second;
}

void App::save_reading_position() {
    if (!history.current().chapter_id.empty()) last_chapter = history.current().chapter_id;
    if (!store || !current_layout) return;
    const auto [seq, offset] = current_layout->position_at(page_scroll);
    try {
        store->set("reading.chapter", history.current().chapter_id);
        store->set("reading.position", std::to_string(seq) + ":" + std::to_string(offset));
    } catch (const storage::StorageError&) {
    }
}

void App::navigate(Location to, bool keep_highlight) {
    screen = Screen::Guide;
    if (!keep_highlight) highlight_terms.clear();  // search highlights belong to the page the hit opened
    history.remember_scroll(page_scroll);
    save_reading_position();
    scroll_to_anchor = to.anchor;
    page_anchor = to.anchor;
    restore_scroll.reset();
    restore_position.reset();
    if (to.anchor.empty()) restore_scroll = 0.0f;
    history.go(std::move(to));
    current_layout = nullptr;
    request_frames();
}

void App::open_assessment(const std::string& questionnaire_id) {
    screen = Screen::Assessment;
    return_to_assessment.reset();
    assess.preselect = questionnaire_id;
    if (!assess.department) assess.step = AssessStep::Departments;
    else if (!questionnaire_id.empty() && assess.step != AssessStep::Question) assess.step = AssessStep::Chooser;
    request_frames();
}

void App::open_documents(const std::string& document_id) {
    screen = Screen::Documents;
    if (!document_id.empty() && docs.set.find(document_id)) docs.selected = document_id;
    docs.source_for = 0;  // the answers may have changed since the screen was last open
    docs.draft_dirty = true;
    request_frames();
}

void App::open_assessment_store() {
    const char* env = std::getenv("TEBIKI_STORE");
    std::optional<std::string> stored;
    if (store) {
        try {
            stored = store->get(storage::kStoreSetting);
        } catch (const storage::StorageError&) {
        }
    }
    std::string error, skipped;
    const std::optional<std::string> environment = env ? std::optional<std::string>(env) : std::nullopt;
    auto choice = storage::choose_store(options.value("store"), environment, options.system.store, options.system.store_origin, stored,
                                        &error, &skipped);
    if (!skipped.empty()) notices.push_back(skipped);  // a bad store in /etc/tebiki/config.toml: said, the next in line used
    if (!choice) {
        notices.push_back(error);  // a bad stored setting: this installation's own file, and say so
        choice = storage::parse_store("sqlite", "default", &error);
    }
    storage.choice = *choice;
    storage.interval = std::chrono::seconds(int(options.number("sync-interval", 60)));  // tests shorten it
    try {
        storage::LocalStore local = storage::open_local_store(*choice, store.get(), [this] {
            if (this->storage.worker) this->storage.worker->poke();  // deliver what was just written, off the frame
        });
        if (!local.notice.empty()) notices.push_back(local.notice);
        if (!local.store) return;
        storage.data_file = std::move(local.own_file);
        storage.server = local.server;
        storage.database = local.store->database().path();
        storage.me = local.store->installation();
        assess.store = std::move(local.store);
    } catch (const storage::StorageError& e) {
        notices.push_back(text.format("app.storage_error", {e.what()}));
    }
}

void App::open_ward() {
    screen = Screen::Ward;
    ward.model.reset();  // read again: other installations may have delivered since
    request_frames();
}

void App::start_presentation() {
    const Chapter* c = current_chapter();
    present.chapter = c ? size_t(book.index_of(c->id)) : 0;
    if (book.chapters.empty()) return;
    present.active = true;
    present.slide = 0;
    present.pending_slide = -1;
    present.pending_anchor.clear();
    // From the reader: start at the section being read (the slides are cut on the next frame).
    if (c && screen == Screen::Guide && current_layout)
        if (const AnchorPosition* here = current_layout->section_at(page_scroll + ui_fonts.scale.body)) present.pending_anchor = here->anchor;
    present.from_anchor = present.pending_anchor;
    present.blank = false;
    present.scroll = 0;
    present.slides.clear();  // cut on the next frame, for the screen's size, in the slide type
    present.started = std::chrono::steady_clock::now();
    set_high_contrast(present.high_contrast);
    request_frames();
}

void App::stop_presentation() {
    if (!present.active) return;
    present.active = false;
    set_high_contrast(false);
    apply_style(content_scale);
    if (present.chapter < book.chapters.size()) {
        const Slide* s = present.slide < int(present.slides.size()) ? &present.slides[size_t(present.slide)] : nullptr;
        std::string anchor = s ? s->anchor : "";
        // A slide can start with its parent's title: when it shows the section F5 was pressed
        // in, Esc returns to that section, not to the parent heading above it.
        if (s && std::find(s->anchors.begin(), s->anchors.end(), present.from_anchor) != s->anchors.end()) anchor = present.from_anchor;
        navigate(Location{book.chapters[present.chapter].id, anchor, -1});
    }
    request_frames();
}

void App::reset_for_next_person() {
    stop_presentation();
    navigate(Location{});
    history = History();
    query.clear();
    hits.clear();
    search_open = false;
    notices.clear();
    external_link = {};
    app_link_notice.clear();
    screen = Screen::Guide;
    ward.model.reset();  // other departments' figures stay behind the PIN
    ward.filter.clear();
    ward.message.clear();
    return_to_assessment.reset();
    auto assessment_store = std::move(assess.store);
    auto questionnaires = std::move(assess.questionnaires);
    assess = AssessUi{};  // closes the department and drops anything typed but not saved
    assess.store = std::move(assessment_store);
    assess.questionnaires = std::move(questionnaires);
    docs.overrides.clear();
    docs.overrides_for = 0;  // the department's stored choices are read again when it is opened
    docs.date_text.clear();
    docs.message.clear();
    docs.source.reset();
    docs.source_for = 0;
    docs.facts_for.clear();  // reloaded (stored facts stay) for whoever opens a department next
    docs.compare_preview = false;
    docs.comparison.reset();
    docs.draft_dirty = true;
    kiosk.admin_open = false;
    kiosk.ask = KioskUi::Ask::None;
    kiosk.pin.clear();
    kiosk.pin_again.clear();
    if (zoom != kiosk.default_zoom) {  // the next visitor gets the admin's zoom, not the last one's
        zoom = kiosk.default_zoom;
        fonts_dirty = true;
        current_layout = nullptr;
    }
    toc_override.reset();
    ImGui::ClearActiveID();  // a half-typed field loses its text with its focus
    if (GImGui->OpenPopupStack.Size > 0) ImGui::ClosePopupToLevel(0, true);  // dialogs left open
    request_frames();
}

std::filesystem::path App::export_dir() const {
    if (options.system.export_dir) return *options.system.export_dir;  // fixed for the machine
    if (store) {
        try {
            if (auto dir = store->get("export.dir"); dir && !dir->empty()) return *dir;
        } catch (const storage::StorageError&) {
        }
    }
    return paths.data / "exports";
}

std::string App::save_export(const std::string& name, const std::string& tail, const std::string& ext,
                             const std::function<std::optional<std::string>(std::string*)>& bytes, const char* ok_key,
                             const char* fail_key, bool* saved) const {
    std::string error;
    if (saved) *saved = false;
    const auto data = bytes(&error);
    if (!data) return text.format(fail_key, {error});
    const auto file = write_export(export_dir(), name, tail, ext, *data, &error);
    if (saved) *saved = file.has_value();
    return file ? text.format(ok_key, {file->string()}) : text.format(fail_key, {error});
}

void App::back_to_assessment() {
    if (!return_to_assessment) return;
    history.remember_scroll(page_scroll);
    save_reading_position();
    screen = Screen::Assessment;
    if (assess.session) assess.step = return_to_assessment->step;
    return_to_assessment.reset();
    request_frames();
}

void App::go_back() {
    // 戻る on the page an assessment opened leads back to the answers, not to an earlier page.
    if (return_to_assessment && screen == Screen::Guide && history.current() == return_to_assessment->opened) {
        back_to_assessment();
        return;
    }
    step_history(false);
}
void App::go_forward() { step_history(true); }

void App::step_history(bool forward) {
    history.remember_scroll(page_scroll);
    if (!(forward ? history.forward() : history.back())) return;
    restore_scroll = std::max(0.0f, history.current().scroll_y);
    scroll_to_anchor.clear();
    page_anchor.clear();
    current_layout = nullptr;
    request_frames();
}

void App::set_zoom(float z) {
    z = std::clamp(std::round(z * 20.0f) / 20.0f, 0.5f, 3.0f);
    if (z == zoom) return;
    if (current_layout) restore_position = current_layout->position_at(page_scroll);  // keep the reading position
    zoom = z;
    fonts_dirty = true;
    current_layout = nullptr;
    if (store && !kiosk.on) {  // a kiosk visitor's zoom lasts until the idle reset
        try {
            store->set("zoom", std::to_string(zoom));
        } catch (const storage::StorageError&) {
        }
    }
    request_frames();
}

}  // namespace tebiki::ui
