// The baseline for tebiki's start-up benchmark: the smallest Dear ImGui + GLFW + OpenGL 3 app that
// does what `tebiki screenshot PAGE` does — one Japanese font (Noto Sans CJK JP, the body size
// tebiki uses), 30 wrapped lines of the same chapter's text, one frame, a PNG of the window.
// It bakes only the glyphs it draws (the least any app must rasterise) and writes the PNG with
// stb at its default settings, as a plain ImGui app would.
//
// Usage: bare_window [--text FILE.md] [--out FILE.png] [--size WxH] [--font FILE]
// Prints first_frame_ms (main() to the first frame on screen) and total_ms (to the PNG written).
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <stb/stb_image_write.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    const auto start = std::chrono::steady_clock::now();
    auto ms = [&] { return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count(); };
    std::string font = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", text_file, out;
    int width = 1280, height = 800;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--text")) text_file = argv[i + 1];
        else if (!std::strcmp(argv[i], "--out")) out = argv[i + 1];
        else if (!std::strcmp(argv[i], "--font")) font = argv[i + 1];
        else if (!std::strcmp(argv[i], "--size")) std::sscanf(argv[i + 1], "%dx%d", &width, &height);
    }
    // 30 lines of text: the chapter's non-empty lines (Markdown as is), or a placeholder.
    std::vector<std::string> lines;
    if (!text_file.empty()) {
        std::ifstream in(text_file);
        for (std::string line; std::getline(in, line) && lines.size() < 30;)
            if (!line.empty()) lines.push_back(line);
    }
    while (lines.size() < 30) lines.push_back("Hello");

    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    GLFWwindow* window = glfwCreateWindow(width, height, "bare", nullptr, nullptr);
    if (!window) return 1;
    glfwMakeContextCurrent(window);
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
    for (const std::string& line : lines) builder.AddText(line.c_str());
    ImVector<ImWchar> ranges;
    builder.BuildRanges(&ranges);
    if (!io.Fonts->AddFontFromFileTTF(font.c_str(), 26.0f, nullptr, ranges.Data)) return 1;
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330");
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("bare", nullptr, ImGuiWindowFlags_NoDecoration);
    for (const std::string& line : lines) ImGui::TextWrapped("%s", line.c_str());
    ImGui::End();
    ImGui::Render();
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glFinish();
    const double first_frame = ms();
    int exit_code = 0;
    if (!out.empty()) {
        int w = 0, h = 0;
        glfwGetFramebufferSize(window, &w, &h);
        std::vector<unsigned char> pixels(size_t(w) * size_t(h) * 4);
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadBuffer(GL_BACK);
        glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
        stbi_flip_vertically_on_write(1);
        if (!stbi_write_png(out.c_str(), w, h, 4, pixels.data(), w * 4)) exit_code = 1;
    }
    glfwSwapBuffers(window);
    std::printf("first_frame_ms=%.1f total_ms=%.1f\n", first_frame, ms());
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return exit_code;
}
