#include "ui/theme.h"

namespace tebiki::ui {

namespace {
bool g_high_contrast = false;  // presentation's dark theme: white on black for washed-out projectors
}

void set_high_contrast(bool on) { g_high_contrast = on; }
bool high_contrast() { return g_high_contrast; }

// A light, high-contrast palette: body text is near-black on warm white (WCAG AAA), links a
// dark blue that still reads on a washed-out projector.
ImU32 ink_color(Ink ink) {
    if (g_high_contrast) {
        switch (ink) {
            case Ink::Heading: return IM_COL32(0xFF, 0xE0, 0x66, 255);
            case Ink::Link: return IM_COL32(0x8F, 0xC8, 0xFF, 255);
            case Ink::Muted: return IM_COL32(0xC8, 0xC8, 0xC8, 255);
            case Ink::Error: return IM_COL32(0xFF, 0x8A, 0x80, 255);
            default: return IM_COL32(0xFF, 0xFF, 0xFF, 255);
        }
    }
    switch (ink) {
        case Ink::Heading: return IM_COL32(0x12, 0x3A, 0x6B, 255);
        case Ink::Link: return IM_COL32(0x0B, 0x4F, 0xB3, 255);
        case Ink::Code: return IM_COL32(0x5A, 0x2D, 0x0C, 255);
        case Ink::Muted: return IM_COL32(0x55, 0x5B, 0x66, 255);
        case Ink::CaptionText: return IM_COL32(0x33, 0x33, 0x33, 255);
        case Ink::Error: return IM_COL32(0xB0, 0x1C, 0x1C, 255);  // 6.4:1 on the page
        case Ink::Text: break;
    }
    return IM_COL32(0x1B, 0x1B, 0x1F, 255);
}

ImU32 box_fill(BoxKind kind) {
    if (g_high_contrast) {
        switch (kind) {
            case BoxKind::Rule:
            case BoxKind::HeadingRule: return IM_COL32(0xFF, 0xE0, 0x66, 255);
            case BoxKind::TableHeader: return IM_COL32(0x26, 0x32, 0x44, 255);
            case BoxKind::CheckboxDone: return IM_COL32(0xFF, 0xE0, 0x66, 255);
            default: return IM_COL32(0x10, 0x10, 0x10, 255);
        }
    }
    switch (kind) {
        case BoxKind::Column: return IM_COL32(0xFF, 0xF7, 0xE0, 255);
        case BoxKind::CodeBlock:
        case BoxKind::InlineCode: return IM_COL32(0xF1, 0xEE, 0xEA, 255);
        case BoxKind::TableHeader: return IM_COL32(0xE4, 0xEC, 0xF7, 255);
        case BoxKind::TableCell: return IM_COL32(0xFF, 0xFF, 0xFF, 255);
        case BoxKind::Rule: return IM_COL32(0xC8, 0xC8, 0xC8, 255);
        case BoxKind::HeadingRule: return IM_COL32(0x12, 0x3A, 0x6B, 255);
        case BoxKind::Checkbox: return IM_COL32(0xFF, 0xFF, 0xFF, 255);
        case BoxKind::CheckboxDone: return IM_COL32(0x12, 0x3A, 0x6B, 255);
    }
    return 0;
}

ImU32 box_border(BoxKind kind) {
    if (g_high_contrast && kind != BoxKind::Rule && kind != BoxKind::HeadingRule) return IM_COL32(0xB0, 0xB0, 0xB0, 255);
    switch (kind) {
        case BoxKind::Column: return IM_COL32(0xE0, 0xB0, 0x40, 255);
        case BoxKind::TableHeader:
        case BoxKind::TableCell: return IM_COL32(0x9A, 0xA5, 0xB4, 255);
        case BoxKind::Checkbox:
        case BoxKind::CheckboxDone: return IM_COL32(0x12, 0x3A, 0x6B, 255);
        case BoxKind::CodeBlock: return IM_COL32(0xD5, 0xD0, 0xC8, 255);
        default: return 0;
    }
}

ImU32 highlight_color() { return IM_COL32(0xFF, 0xD5, 0x4F, 200); }
ImU32 accent_color() { return g_high_contrast ? IM_COL32(0xFF, 0xE0, 0x66, 255) : IM_COL32(0x12, 0x3A, 0x6B, 255); }

ImU32 page_background() { return g_high_contrast ? IM_COL32(0, 0, 0, 255) : IM_COL32(0xFC, 0xFA, 0xF5, 255); }

void apply_style(float scale) {
    ImGui::StyleColorsLight();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 0;
    style.FrameRounding = 4;
    style.FramePadding = ImVec2(10, 9);  // buttons 44 px tall at 100 %: big enough for a finger
    style.ItemSpacing = ImVec2(10, 8);
    style.ScrollbarSize = 16;
    style.ScaleAllSizes(scale);
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.99f, 0.98f, 0.96f, 1);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_Text] = ImVec4(0.11f, 0.11f, 0.12f, 1);
    c[ImGuiCol_Header] = ImVec4(0.80f, 0.87f, 0.96f, 1);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.86f, 0.91f, 0.98f, 1);
    c[ImGuiCol_HeaderActive] = ImVec4(0.72f, 0.82f, 0.95f, 1);
    c[ImGuiCol_Button] = ImVec4(0.90f, 0.92f, 0.95f, 1);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.80f, 0.87f, 0.96f, 1);
    c[ImGuiCol_ButtonActive] = ImVec4(0.70f, 0.80f, 0.94f, 1);
    c[ImGuiCol_NavHighlight] = ImVec4(0.85f, 0.45f, 0.0f, 1);  // keyboard focus must be obvious
    // Fields and check boxes stand out from white dialogs and the warm page alike.
    c[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_Border] = ImVec4(0.60f, 0.65f, 0.72f, 1);
    c[ImGuiCol_CheckMark] = ImVec4(0.07f, 0.23f, 0.42f, 1);
    style.FrameBorderSize = 1;
    // Dialogs are opaque with a clear edge, and the screen behind a modal one is dimmed: the
    // page's text must never show through a PIN, admin or idle dialog.
    c[ImGuiCol_PopupBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0.10f, 0.12f, 0.16f, 0.55f);
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    style.PopupBorderSize = 1;
    style.PopupRounding = 6;
}

}  // namespace tebiki::ui
