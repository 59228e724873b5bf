// Index of this file
// [SECTION] Activity tracking (what wakes the idle loop)
// [SECTION] Screenshots (for tests and benchmarks)
// [SECTION] Two screens (presenter view)
// [SECTION] Main loop

#include "ui/gui.h"

#include <GLFW/glfw3.h>
#ifdef TEBIKI_SANITIZE
#include <dlfcn.h>
#include <link.h>
#endif
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <deque>
#include <future>
#include <string>
#include <vector>

#include "guide/link.h"
#include "text/line_break.h"
#include "ui/app.h"
#include "ui/fonts.h"
#include "ui/glyph_check.h"
#include "ui/start_up.h"
#include "ui/state_file.h"
#include "ui/textures.h"
#include "ui/theme.h"
#include "ui/views.h"
#include "util/file_io.h"
#include "util/png_write.h"

namespace tebiki::ui {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Activity tracking
//-----------------------------------------------------------------------------

// Set by every GLFW callback; the loop draws a few frames after any activity and none otherwise.
bool g_activity = true;

// Dear ImGui 1.86 reads key state once per frame, so a key pressed and released between two
// frames (xdotool, fast typists, clickers) would be lost. Key events are queued here and fed
// to ImGui so that a press and its release never land in the same frame.
struct KeyEvent {
    int key, scancode, action, mods;
};
std::deque<KeyEvent> g_keys;

void mark_activity(GLFWwindow*) { g_activity = true; }

// TEBIKI_TRACE_EVENTS=1: input as GLFW delivers it, and each frame, to stderr (to tell a lost
// event from one the app got and ignored in the e2e tests).
bool g_trace_events = false;
const App* g_traced_app = nullptr;
void trace_event(const char* what, int a = 0, int b = 0, const std::string& detail = {}) {
    if (!g_trace_events) return;
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    std::fprintf(stderr, "event %ld.%03ld %s %d %d %s\n", long(ts.tv_sec), ts.tv_nsec / 1000000, what, a, b, detail.c_str());
}
// Where a button went: the cursor and the named target under it in the frame last drawn.
std::string pointer_detail(GLFWwindow* w) {
    if (!g_trace_events) return {};
    double x = 0, y = 0;
    glfwGetCursorPos(w, &x, &y);
    std::string under = "-";
    if (g_traced_app)
        for (const auto& [name, r] : g_traced_app->targets)
            if (x >= r[0] && x < r[0] + r[2] && y >= r[1] && y < r[1] + r[3]) under = name;
    return std::to_string(int(x)) + "," + std::to_string(int(y)) + " " + under;
}

// SIGUSR1 asks for a screenshot of whatever the window shows (tests drive the app with xdotool,
// then look). The loop wakes at least once a second and saves it after the next frame.
volatile std::sig_atomic_t g_screenshot_requested = 0;
void on_sigusr1(int) { g_screenshot_requested = 1; }

// SIGTERM, SIGINT, SIGHUP (logout, shutdown, systemctl stop, Ctrl+C) quit as the window's close
// does: after the frame in hand, so a save under way is finished (its temporary file renamed into
// place, not left in the user's folder) and the reading position is stored. The loop wakes at
// least once a second to see it; a second signal quits at once.
volatile std::sig_atomic_t g_quit_signal = 0;
void on_quit_signal(int sig) {
    if (g_quit_signal) {
        std::signal(sig, SIG_DFL);
        std::raise(sig);
    }
    g_quit_signal = sig;
}
// The kiosk's monitor: --monitor N, else the machine's config, else the first (1 = the first;
// a number past the last means the last). Null when GLFW sees no monitor.
GLFWmonitor* kiosk_monitor(const cli::Options& options) {
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    const int wanted = int(options.number("monitor", options.system.monitor.value_or(1))) - 1;
    return count > 0 ? monitors[std::clamp(wanted, 0, count - 1)] : nullptr;
}

std::string g_audience_shot;  // NAME-audience.png: the second screen, saved by render()
void on_key(GLFWwindow* w, int key, int scancode, int action, int mods) {
    trace_event("key", key, action);
    g_keys.push_back({key, scancode, action, mods});
    mark_activity(w);
}
void on_char(GLFWwindow* w, unsigned int c) {
    trace_event("char", int(c));
    ImGui_ImplGlfw_CharCallback(w, c);
    mark_activity(w);
}
void on_mouse_button(GLFWwindow* w, int button, int action, int mods) {
    trace_event("mouse_button", button, action, pointer_detail(w));
    ImGui_ImplGlfw_MouseButtonCallback(w, button, action, mods);
    mark_activity(w);
}
void on_scroll(GLFWwindow* w, double x, double y) {
    ImGui_ImplGlfw_ScrollCallback(w, x, y);
    mark_activity(w);
}
void on_focus(GLFWwindow* w, int focused) {
    ImGui_ImplGlfw_WindowFocusCallback(w, focused);
    mark_activity(w);
}
void on_enter(GLFWwindow* w, int entered) {
    ImGui_ImplGlfw_CursorEnterCallback(w, entered);
    mark_activity(w);
}
void on_cursor(GLFWwindow* w, double, double) { mark_activity(w); }
void on_size(GLFWwindow* w, int, int) { mark_activity(w); }

// Kiosk: closing the window (the close button, Alt+F4) asks for the PIN instead of quitting.
bool g_kiosk = false;
bool g_close_requested = false;
void on_close(GLFWwindow* w) {
    trace_event("close", g_kiosk);
    if (!g_kiosk) return;
    glfwSetWindowShouldClose(w, GLFW_FALSE);
    g_close_requested = true;
    mark_activity(w);
}

void install_callbacks(GLFWwindow* window) {
    glfwSetKeyCallback(window, on_key);
    glfwSetCharCallback(window, on_char);
    glfwSetMouseButtonCallback(window, on_mouse_button);
    glfwSetCursorPosCallback(window, on_cursor);
    glfwSetScrollCallback(window, on_scroll);
    glfwSetWindowFocusCallback(window, on_focus);
    glfwSetCursorEnterCallback(window, on_enter);
    glfwSetFramebufferSizeCallback(window, on_size);
    glfwSetWindowRefreshCallback(window, mark_activity);
    glfwSetWindowCloseCallback(window, on_close);
}

// Feeds queued key events up to (not including) the release of a key pressed in this frame, and
// lists this frame's presses with the modifiers GLFW reported for them (App::key_pressed), which
// is more reliable for shortcuts than ImGui's sampled modifier state. Returns true when events
// remain for the next frame.
bool feed_keys(GLFWwindow* window, std::vector<KeyChord>& presses) {
    presses.clear();
    int pressed[8];
    int count = 0;
    while (!g_keys.empty()) {
        const KeyEvent e = g_keys.front();
        if (e.action == GLFW_RELEASE && std::find(pressed, pressed + count, e.key) != pressed + count) return true;
        if (e.action == GLFW_PRESS && count < 8) pressed[count++] = e.key;
        if (e.action != GLFW_RELEASE) presses.push_back({e.key, e.mods});
        ImGui_ImplGlfw_KeyCallback(window, e.key, e.scancode, e.action, e.mods);
        g_keys.pop_front();
    }
    return false;
}

double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

long peak_rss_kib() {
    FILE* f = std::fopen("/proc/self/status", "r");
    if (!f) return 0;
    char line[256];
    long kib = 0;
    while (std::fgets(line, sizeof line, f))
        if (std::sscanf(line, "VmHWM: %ld kB", &kib) == 1) break;
    std::fclose(f);
    return kib;
}

#ifdef TEBIKI_SANITIZE
// Sanitizer builds only: the Mesa driver (*_dri.so) holds a few blocks for the whole process
// and is unloaded at glfwTerminate, after which LeakSanitizer reports those blocks from an
// "unknown module" that no suppression can name. Kept loaded (RTLD_NODELETE), its blocks stay
// reachable from its own data and are not reported at all.
void keep_gl_driver_loaded() {
    std::vector<std::string> drivers;
    dl_iterate_phdr(
        [](dl_phdr_info* info, size_t, void* out) {
            const std::string name = info->dlpi_name ? info->dlpi_name : "";
            if (name.find("_dri.so") != std::string::npos) static_cast<std::vector<std::string>*>(out)->push_back(name);
            return 0;
        },
        &drivers);
    for (const std::string& name : drivers) dlopen(name.c_str(), RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);  // never closed
}
#endif

//-----------------------------------------------------------------------------
// [SECTION] Screenshots
//-----------------------------------------------------------------------------

bool save_screenshot(GLFWwindow* window, const std::string& path, GLenum buffer = GL_BACK) {
    int w = 0, h = 0;
    glfwGetFramebufferSize(window, &w, &h);
    std::vector<unsigned char> pixels(size_t(w) * size_t(h) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(buffer);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    // Encoded in memory (libpng at zlib's fastest level), then written like every other file
    // (temp file, fsync, rename).
    const auto png = encode_png_rgb(pixels.data(), w, h, /*bottom_up=*/true);
    if (!png) return false;
    std::string error;
    if (write_file_atomic(path, *png, &error)) return true;
    std::fprintf(stderr, "tebiki: %s\n", error.c_str());
    return false;
}

//-----------------------------------------------------------------------------
// [SECTION] Two screens (presenter view)
//-----------------------------------------------------------------------------

// Presenting with a second monitor (or --presenter-window, for tests on one screen): open the
// audience window full screen on the other monitor, sharing the GL objects (font texture); close
// it when the presentation ends.
void sync_audience_window(App& app, GLFWwindow* main, const cli::Options& options, GLFWwindow*& audience) {
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    const bool wanted = app.present.active && options.command != "screenshot" && (count >= 2 || options.flag("presenter-window"));
    if (wanted && !audience) {
        GLFWmonitor* monitor = count >= 2 ? monitors[1] : nullptr;
        const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
        audience = glfwCreateWindow(mode ? mode->width : 960, mode ? mode->height : 540, app.text.get("app.title"), monitor, main);
        if (audience) {
            glfwSetKeyCallback(audience, on_key);  // a clicker may send its keys to either window
            glfwMakeContextCurrent(audience);
            glfwSwapInterval(0);  // the main window already waits for the display
            glfwMakeContextCurrent(main);
            glfwFocusWindow(main);
        }
    } else if (!wanted && audience) {
        glfwDestroyWindow(audience);
        audience = nullptr;
        glfwMakeContextCurrent(main);
    }
    app.present.two_screens = audience != nullptr;
    app.present.audience_list = nullptr;
    if (audience) {
        int w = 0, h = 0, main_w = 0, main_h = 0;
        glfwGetFramebufferSize(audience, &w, &h);
        glfwGetFramebufferSize(main, &main_w, &main_h);
        app.present.audience_x = float(main_w) + 64;  // beyond the main viewport, where no one clicks
        app.present.audience_w = float(w);
        app.present.audience_h = float(h);
    }
}

// Renders the frame: everything into the main window, except the audience window's draw list,
// which goes to the second window with its own origin.
void render(App& app, GLFWwindow* main, GLFWwindow* audience) {
    ImDrawData* all = ImGui::GetDrawData();
    ImDrawList* slide = app.present.audience_list;
    if (!audience || !slide) {
        ImGui_ImplOpenGL3_RenderDrawData(all);
        return;
    }
    std::vector<ImDrawList*> lists;
    for (int i = 0; i < all->CmdListsCount; ++i)
        if (all->CmdLists[i] != slide) lists.push_back(all->CmdLists[i]);
    ImDrawData presenter = *all;
    presenter.CmdLists = lists.data();
    presenter.CmdListsCount = int(lists.size());
    ImGui_ImplOpenGL3_RenderDrawData(&presenter);

    ImDrawData screen = *all;
    screen.CmdLists = &slide;
    screen.CmdListsCount = 1;
    screen.DisplayPos = ImVec2(app.present.audience_x, 0);
    screen.DisplaySize = ImVec2(app.present.audience_w, app.present.audience_h);
    screen.FramebufferScale = ImVec2(1, 1);
    glfwMakeContextCurrent(audience);
    glViewport(0, 0, int(app.present.audience_w), int(app.present.audience_h));
    const ImColor bg(page_background());
    glClearColor(bg.Value.x, bg.Value.y, bg.Value.z, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(&screen);
    if (!g_audience_shot.empty()) {  // the second screen of a SIGUSR1 screenshot, before the swap
        save_screenshot(audience, g_audience_shot);
        g_audience_shot.clear();
    }
    glfwSwapBuffers(audience);
    glfwMakeContextCurrent(main);
}

//-----------------------------------------------------------------------------
// [SECTION] Fonts
//-----------------------------------------------------------------------------

// Rebuilds the atlas when the app needs other sizes or glyphs than it has: a zoom, the HiDPI
// scale, presenting (the slides' type for the screen, one chapter's glyphs), and — right after the
// first frame, which may show only the first screen's glyphs — the whole guide and the Japanese
// range for anything typed. A screenshot never needs more than its first screen. Returns whether
// the atlas was rebuilt.
bool update_fonts(App& app, ImGuiIO& io, GLFWwindow* window, const AtlasCache* cache, bool screenshot, bool trace) {
    FontPlan plan = reader_plan(app.effective_zoom());
    if (app.present.active) {
        int w = 0, h = 0;
        glfwGetWindowSize(window, &w, &h);
        plan = app.present.two_screens ? presentation_plan(app, app.present.audience_w, app.present.audience_h)
                                       : presentation_plan(app, float(w), float(h));
    }
    const bool complete_next = !app.present.active && !app.fonts_complete && !screenshot && app.frames_drawn > 0;
    if (!app.fonts_dirty && plan == app.ui_fonts.plan && !complete_next) return false;
    GlyphText first, slides;
    GlyphRequest wanted{&app.glyphs, true}, quick{&first, false};
    const GlyphRequest* fallback = nullptr;
    if (app.present.active) {
        slides = presentation_glyphs(app);
        wanted = {&slides, false};
    } else if (screenshot || app.frames_drawn == 0) {
        first = first_screen_glyphs(app);
        fallback = &quick;
    }
    const FontBuild built = build_fonts(*io.Fonts, *app.fonts, plan, wanted, fallback, cache);
    if (trace) std::fprintf(stderr, "atlas %s, %d glyphs rasterised\n", built.how(), built.rasterised);
    app.ui_fonts = built.fonts;
    use_geta_for_missing(*io.Fonts);
    io.FontDefault = app.ui_fonts.widgets();
    app.fonts_complete = !app.present.active && built.got_wanted;
    app.fonts_dirty = false;
    app.request_frames();
    return true;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Main loop
//-----------------------------------------------------------------------------

int run_gui(const cli::Options& options) {
    const auto started = std::chrono::steady_clock::now();
    const bool screenshot = options.command == "screenshot";
    const std::string out_path = options.value("out").value_or("");
    int width = 1280, height = 800;
    if (auto size = options.value("size")) cli::parse_size(*size, width, height);  // checked by cli::parse

    const bool bench_first_frame = options.flag("exit-after-first-frame");
    // The start-up phases go to stderr for the benchmark, or with TEBIKI_TRACE_STARTUP=1.
    const bool trace = bench_first_frame || std::getenv("TEBIKI_TRACE_STARTUP");
    auto phase = [&](const char* name) {
        if (trace)
            std::fprintf(stderr, "startup %-12s %7.1f ms\n", name,
                         std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());
    };
    // The book, the search index, the user store and the first font atlas are loaded on a
    // second thread while GLFW opens the window: the two take about as long as each other.
    install_font_aware_allocator();
    const AtlasCache atlas_cache(default_cache_dir());  // $XDG_CACHE_HOME/tebiki: the rasterised atlas
    struct Loaded {
        std::unique_ptr<App> app;
        ImFontAtlas* atlas = nullptr;
        int exit_code = 0;
    };
    auto loading = std::async(std::launch::async, [&]() {
        Loaded l;
        l.app = load_app(options);
        if (!l.app) {
            l.exit_code = 1;
            return l;
        }
        phase("load_app");
        l.exit_code = open_start_page(*l.app, options);
        if (l.exit_code != 0) return l;
        find_line_breaks("日本語の文。");  // loads ICU's break rules now rather than in the first frame
        l.atlas = IM_NEW(ImFontAtlas)();
        // The whole atlas when the cache has it (nothing to rasterise), else the first screen's.
        const GlyphText first = first_screen_glyphs(*l.app);
        const GlyphRequest whole{&l.app->glyphs, true}, quick{&first, false};
        const FontBuild built = build_fonts(*l.atlas, *l.app->fonts, reader_plan(l.app->effective_zoom()), whole, &quick, &atlas_cache);
        l.app->ui_fonts = built.fonts;
        l.app->fonts_complete = built.got_wanted;
        use_geta_for_missing(*l.atlas);
        phase("atlas");
        if (trace) std::fprintf(stderr, "atlas %s, %d glyphs rasterised\n", built.how(), built.rasterised);
        return l;
    });

    glfwSetErrorCallback([](int code, const char* message) { std::fprintf(stderr, "GLFW %d: %s\n", code, message); });
    if (!glfwInit()) {
        std::fprintf(stderr, "tebiki: 画面（ディスプレイ）に接続できません。DISPLAY を確認してください。\n");
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    // Kiosk: full screen on the chosen monitor (--monitor N, 1 = the first), no decorations. The
    // loading thread may still run, so --kiosk is read from the options here; the stored
    // setting is honoured by switching to full screen once the app has loaded.
    GLFWmonitor* monitor = nullptr;
    if (options.flag("kiosk") && !screenshot) {
        monitor = kiosk_monitor(options);
        if (const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr) {
            width = mode->width;
            height = mode->height;
        }
    }
    GLFWwindow* window = glfwCreateWindow(width, height, "tebiki", monitor, nullptr);
    if (!window) {
        std::fprintf(stderr, "tebiki: OpenGL 3.3 のウィンドウを作成できません。\n");
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);
#ifdef TEBIKI_SANITIZE
    keep_gl_driver_loaded();
#endif

    Loaded loaded = loading.get();
    if (loaded.exit_code != 0) {
        if (loaded.atlas) IM_DELETE(loaded.atlas);
        glfwDestroyWindow(window);
        glfwTerminate();
        return loaded.exit_code;
    }
    std::unique_ptr<App> app = std::move(loaded.app);
    glfwSetWindowTitle(window, app->text.get("app.title"));
    set_up_modes(*app, options);
    g_kiosk = app->kiosk.on;
    g_trace_events = std::getenv("TEBIKI_TRACE_EVENTS") != nullptr;
    g_traced_app = app.get();
    if (app->kiosk.on && !monitor) {
        // Kiosk from the stored setting or the machine's config: go full screen now, on the
        // config's monitor when it names one.
        if (GLFWmonitor* chosen = kiosk_monitor(options))
            if (const GLFWvidmode* mode = glfwGetVideoMode(chosen))
                glfwSetWindowMonitor(window, chosen, 0, 0, mode->width, mode->height, mode->refreshRate);
    } else if (!app->kiosk.on && !screenshot && !options.value("size")) {
        if (auto g = saved_geometry(*app)) {
            glfwSetWindowPos(window, (*g)[0], (*g)[1]);
            glfwSetWindowSize(window, (*g)[2], (*g)[3]);
        }
    }
    set_window_icon(window, *app);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext(loaded.atlas);  // the context uses the atlas but does not own it
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is computed, not saved
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.FontDefault = app->ui_fonts.widgets();
    ImGui_ImplGlfw_InitForOpenGL(window, false);
    install_callbacks(window);  // ours forward to ImGui's, with the key queue in between
    ImGui_ImplOpenGL3_Init("#version 330");
    float scale_x = 1, scale_y = 1;
    glfwGetWindowContentScale(window, &scale_x, &scale_y);
    app->content_scale = std::clamp(scale_x, 1.0f, 4.0f);
    apply_style(app->content_scale);
    // The first atlas was baked for a scale of 1: a HiDPI monitor, --present or a presentation
    // preset change the plan, and update_fonts() rebuilds it before the first frame.
    app->fonts_dirty = false;

    phase("window");
    const bool bench_scroll = options.flag("bench-scroll");
    const bool bench_idle = options.flag("bench-idle");
    const char* state_file = std::getenv("TEBIKI_STATE_FILE");
    const char* screenshot_file = std::getenv("TEBIKI_SCREENSHOT_FILE");
    if (screenshot_file) std::signal(SIGUSR1, on_sigusr1);
    for (const int sig : {SIGTERM, SIGINT, SIGHUP}) std::signal(sig, on_quit_signal);
    GLFWwindow* audience = nullptr;  // the second screen while presenting
    std::vector<double> frame_cpu;
    long frames_at_idle_start = -1;
    auto idle_start = std::chrono::steady_clock::now();
    int exit_code = 0;

    while (!glfwWindowShouldClose(window)) {
        const bool busy = app->frames_requested > 0 || screenshot || bench_scroll || bench_first_frame;
        if (busy) glfwPollEvents();
        else if (glfwGetWindowAttrib(window, GLFW_ICONIFIED)) glfwWaitEventsTimeout(1.0);  // a quit signal is seen within 1 s
        else {
            double wait = io.WantTextInput ? 0.5 : 1.0;  // a blinking caret needs a frame now and then
            if (app->kiosk.on && app->kiosk.idle) {
                // Wake for the idle countdown: at its start, then four times a second while it runs.
                const auto now = kiosk::IdleTimer::Clock::now();
                wait = std::clamp(std::chrono::duration<double>(app->kiosk.idle->next_wake(now) - now).count(), 0.05, wait);
                if (app->kiosk.idle->state(now) != kiosk::IdleTimer::State::Active) app->request_frames(1);
            }
            glfwWaitEventsTimeout(wait);
        }
        if (g_quit_signal) break;  // the save in hand, if any, finished in the last frame
        if (g_screenshot_requested == 1) {
            g_screenshot_requested = 2;  // seen: draw a few frames, then save (below)
            app->request_frames(3);
        }
        if (g_screenshot_requested == 2 && screenshot_file && app->frames_requested <= 1 && audience) {
            g_audience_shot = screenshot_file;
            const size_t dot = g_audience_shot.rfind('.');
            g_audience_shot.insert(dot == std::string::npos ? g_audience_shot.size() : dot, "-audience");
        }
        if (g_activity && app->kiosk.idle) app->kiosk.idle->input(kiosk::IdleTimer::Clock::now());
        if (g_close_requested) {
            g_close_requested = false;
            request_kiosk_quit(*app);  // a PIN, never a way around it (locked, or no PIN yet)
            trace_event("close_handled", int(app->kiosk.ask), app->kiosk.locked);
            app->request_frames(2);    // the dialog now, not at the next input
        }
        if (app->kiosk.quit) glfwSetWindowShouldClose(window, GLFW_TRUE);
        if (app->kiosk.on && app->kiosk.idle && app->kiosk.idle->state(kiosk::IdleTimer::Clock::now()) != kiosk::IdleTimer::State::Active)
            app->request_frames(1);
        // While presenting, the elapsed time on screen changes every second: one frame per wake
        // (the wait above is at most a second), none in between.
        if (app->present.active && app->frames_requested == 0) app->request_frames(1);
        if (app->kiosk.locked && app->frames_requested == 0) app->request_frames(1);  // polls for a PIN
        if (g_activity) {
            app->request_frames(3);  // ImGui needs a couple of frames to settle after input
            g_activity = false;
        } else if (io.WantTextInput && app->frames_requested == 0) {
            app->request_frames(1);  // a focused field's caret: one frame per wake (0.5 s), not a busy loop
        }
        if (take_background_news(*app)) app->request_frames(1);  // view_store.cpp: the server's state, the 全庁 view
        if (bench_idle && std::chrono::steady_clock::now() - idle_start > std::chrono::seconds(4)) break;
        if (app->frames_requested <= 0) continue;  // idle: nothing changed, draw nothing
        app->frames_requested--;

        const double cpu_before = thread_cpu_ms();
        sync_audience_window(*app, window, options, audience);  // its size decides the slides' type
        if (update_fonts(*app, io, window, &atlas_cache, screenshot, trace)) {
            phase("atlas_rebuilt");
            if (app->frames_drawn > 0) {  // before the first frame, NewFrame creates the texture
                ImGui_ImplOpenGL3_DestroyFontsTexture();
                ImGui_ImplOpenGL3_CreateFontsTexture();
            }
        }
        if (feed_keys(window, app->key_presses)) app->request_frames(2);
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        app->missing_glyphs = 0;
        app->targets.clear();
        try {
            draw_root(*app);
        } catch (const std::exception& e) {
            // A write that failed (disk full, file taken away) must not take the app down: the
            // store changed nothing (one transaction per change), the frame is closed cleanly
            // and the user is told.
            ImGui::ErrorCheckEndFrameRecover(nullptr);
            app->notices.push_back(app->text.format("app.storage_error", {e.what()}));
            app->request_frames();
        }
        if (bench_scroll) ImGui::SetScrollY(ImGui::GetScrollY());  // no-op; scrolling is driven below
        ImGui::Render();
        app->missing_glyphs = count_missing_glyphs(*io.Fonts, ImGui::GetDrawData());
        const double cpu_after = thread_cpu_ms();
        int fb_w = 0, fb_h = 0;
        glfwGetFramebufferSize(window, &fb_w, &fb_h);
        glViewport(0, 0, fb_w, fb_h);
        const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
        glClearColor(bg.x, bg.y, bg.z, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        render(*app, window, audience);
        app->frames_drawn++;
        trace_event("frame", int(app->frames_drawn), int(app->kiosk.ask));
        // A dialog opened or closed: ImGui measures an auto-sized window in one frame and shows
        // it in the next, so draw until it is on screen even without further input.
        static int open_popups = 0;
        if (GImGui->OpenPopupStack.Size != open_popups) {
            open_popups = GImGui->OpenPopupStack.Size;
            app->request_frames(2);
        }
        phase("frame");
        if (!app->fonts_complete && !screenshot && !app->present.active) app->request_frames(1);  // the whole atlas next

        if (screenshot && app->frames_drawn >= 4 && app->frames_requested == 0) {
            const bool saved = save_screenshot(window, out_path);
            phase("png");
            if (!saved) {
                std::fprintf(stderr, "tebiki screenshot: %s に保存できません。\n", out_path.c_str());
                exit_code = 1;
            }
            if (app->missing_glyphs > 0) std::fprintf(stderr, "tebiki screenshot: 表示できない文字が %d 個ありました。\n", app->missing_glyphs);
            break;
        }
        if (screenshot && app->frames_drawn < 4) app->request_frames(1);
        if (g_screenshot_requested == 2 && screenshot_file && app->frames_requested == 0) {
            save_screenshot(window, screenshot_file);

            g_screenshot_requested = 0;
            app->screenshots_saved++;
        }
        glfwSwapBuffers(window);
        if (state_file) write_state(*app, state_file);

        if (bench_first_frame) {
            glFinish();
            const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
            std::printf("first_frame_ms=%.1f peak_rss_kib=%ld\n", ms, peak_rss_kib());
            break;
        }
        if (bench_scroll) {
            if (app->frames_drawn > 5) frame_cpu.push_back(cpu_after - cpu_before);
            app->restore_scroll = app->page_scroll + app->ui_fonts.scale.body * 1.5f;  // ~ one line per frame
            app->request_frames(1);
            if (frame_cpu.size() >= 600) break;
        }
        if (bench_idle && frames_at_idle_start < 0 && app->frames_requested == 0) {
            frames_at_idle_start = app->frames_drawn;
            idle_start = std::chrono::steady_clock::now();
        }
    }

    if (bench_scroll && !frame_cpu.empty()) {
        std::sort(frame_cpu.begin(), frame_cpu.end());
        auto pct = [&](double p) { return frame_cpu[std::min(frame_cpu.size() - 1, size_t(p * double(frame_cpu.size())))]; };
        std::printf("scroll_frames=%zu cpu_ms_p50=%.3f cpu_ms_p99=%.3f cpu_ms_max=%.3f peak_rss_kib=%ld\n", frame_cpu.size(), pct(0.5),
                    pct(0.99), frame_cpu.back(), peak_rss_kib());
    }
    if (bench_idle) std::printf("idle_seconds=4 frames_while_idle=%ld\n", frames_at_idle_start < 0 ? -1 : app->frames_drawn - frames_at_idle_start);

    if (!screenshot) {
        app->save_reading_position();
        int x = 0, y = 0, w = 0, h = 0;
        glfwGetWindowPos(window, &x, &y);
        glfwGetWindowSize(window, &w, &h);
        if (app->store && !app->kiosk.on) {
            try {
                app->store->set("window.geometry", std::to_string(x) + "," + std::to_string(y) + "," + std::to_string(w) + "," + std::to_string(h));
            } catch (const storage::StorageError&) {
            }
        }
    }
    g_traced_app = nullptr;
    stop_background_work(*app);  // before GLFW goes: the threads wake it
    app->docs.preview.release();
    release_textures();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    IM_DELETE(loaded.atlas);
    if (audience) glfwDestroyWindow(audience);
    glfwDestroyWindow(window);
    glfwTerminate();
    return exit_code;
}

}  // namespace tebiki::ui
