// Index of this file
// [SECTION] Fonts for runs, the allocator that shares the font files
// [SECTION] What to bake: one slot per ImFont (face, size, code points)
// [SECTION] Baking with ImGui, and moving an atlas to and from the cache
// [SECTION] build_fonts: from the cache, adding only new glyphs, or baked whole

#include "ui/fonts.h"

#include <imgui.h>
#include <imgui_internal.h>  // ImFontAtlasGetBuilderForStbTruetype

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <iterator>

namespace tebiki::ui {

//-----------------------------------------------------------------------------
// [SECTION] Fonts for runs, the allocator that shares the font files
//-----------------------------------------------------------------------------

FontPlan reader_plan(float zoom) {
    FontPlan p;
    p.scale = type_scale(zoom);
    return p;
}

ImFont* UiFonts::for_run(FontRole role, float px) const {
    if (small && px == plan.small_px) return role == FontRole::Bold && small_bold ? small_bold : small;
    if (role == FontRole::Mono) return mono;
    if (role == FontRole::Bold) {
        for (ImFont* f : heading)
            if (f && f->FontSize == px) return f;
        return bold;
    }
    return body;
}

namespace {

struct MappedRange {
    const void* begin;
    const void* end;
};
std::vector<MappedRange> g_font_mappings;

void* font_aware_alloc(size_t size, void*) { return std::malloc(size); }

void font_aware_free(void* ptr, void*) {
    for (const MappedRange& r : g_font_mappings)
        if (ptr >= r.begin && ptr < r.end) return;  // a font mapping owned by the core, not by ImGui
    std::free(ptr);
}

//-----------------------------------------------------------------------------
// [SECTION] What to bake
//-----------------------------------------------------------------------------

using Codepoints = std::vector<uint32_t>;  // sorted

Codepoints codepoints_of(const std::string& text) {
    ImFontGlyphRangesBuilder builder;
    ImFontAtlas ranges_source;  // GetGlyphRanges* only return static tables
    builder.AddRanges(ranges_source.GetGlyphRangesDefault());
    builder.AddText(text.data(), text.data() + text.size());
    builder.AddChar(0x2026);  // … for truncated labels
    Codepoints out;
    for (uint32_t c = 1; c <= 0xFFFF; ++c)
        if (builder.GetBit(c)) out.push_back(c);
    return out;
}

// `cps` and ImGui's Japanese range (anything a user may type), without reading the text again.
Codepoints with_japanese(const Codepoints& cps) {
    ImFontAtlas ranges_source;
    Codepoints japanese;
    for (const ImWchar* r = ranges_source.GetGlyphRangesJapanese(); r[0]; r += 2)
        for (uint32_t c = r[0]; c <= r[1]; ++c) japanese.push_back(c);
    std::sort(japanese.begin(), japanese.end());
    japanese.erase(std::unique(japanese.begin(), japanese.end()), japanese.end());
    Codepoints out;
    std::set_union(cps.begin(), cps.end(), japanese.begin(), japanese.end(), std::back_inserter(out));
    return out;
}

struct Slot {
    FontRole role;
    float px;
    Codepoints codepoints;
};

// One slot per ImFont, in the order UiFonts is filled from.
std::vector<Slot> slots_for(const FontPlan& plan, const GlyphRequest& request) {
    const GlyphText& g = *request.text;
    const Codepoints text = codepoints_of(g.everything);
    const Codepoints headings = codepoints_of(g.headings);
    std::vector<Slot> slots = {
        {FontRole::Regular, plan.scale.body, request.all_japanese ? with_japanese(text) : text},  // user input may use any kanji
        {FontRole::Bold, plan.scale.body, text},
        {FontRole::Mono, plan.scale.code, codepoints_of(g.code)},
    };
    for (float px : {plan.scale.h1, plan.scale.h2, plan.scale.h3, plan.scale.h4}) slots.push_back({FontRole::Bold, px, headings});
    if (plan.small_px > 0) {
        slots.push_back({FontRole::Regular, plan.small_px, text});
        slots.push_back({FontRole::Bold, plan.small_px, text});
    }
    return slots;
}

// What the glyphs are rasterised from (not which glyphs): the atlas cache's key.
std::string key_for(const FontSet& fonts, const std::vector<Slot>& slots) {
    std::string key = "tebiki font atlas; Dear ImGui " IMGUI_VERSION "; stb_truetype, oversample 1x1, no pixel snap, padding 1, width 4096\n";
    for (const Slot& s : slots) {
        const FontFace& face = fonts.face(s.role);
        std::error_code ec;
        const auto mtime = std::filesystem::last_write_time(face.path(), ec).time_since_epoch().count();
        key += face.path().string() + "#" + std::to_string(face.index()) + " bytes " + std::to_string(face.size()) + " mtime " +
               std::to_string(ec ? 0 : mtime) + " px " + std::to_string(s.px) + "\n";
    }
    return key;
}

//-----------------------------------------------------------------------------
// [SECTION] Baking with ImGui, and moving an atlas to and from the cache
//-----------------------------------------------------------------------------

// ImGui keeps a pointer to the ranges until the atlas is built: keep them alive here.
std::vector<std::vector<ImWchar>> g_ranges;

const ImWchar* ranges_of(const Codepoints& cps) {
    std::vector<ImWchar> r;
    for (size_t i = 0; i < cps.size();) {
        size_t j = i;
        while (j + 1 < cps.size() && cps[j + 1] == cps[j] + 1) ++j;
        r.push_back(ImWchar(cps[i]));
        r.push_back(ImWchar(cps[j]));
        i = j + 1;
    }
    r.push_back(0);
    g_ranges.push_back(std::move(r));
    return g_ranges.back().data();
}

void add(ImFontAtlas& atlas, const FontFace& face, float px, const ImWchar* ranges) {
    ImFontConfig config;
    config.FontDataOwnedByAtlas = true;  // no copy; font_aware_free() never frees the mapping
    config.FontNo = face.index();
    config.OversampleH = 1;               // CJK glyphs are dense; oversampling only costs atlas space
    config.OversampleV = 1;
    config.PixelSnapH = false;            // keep advances identical to the core's measurements
    // ImGui only reads the bytes, so handing it the read-only mapping is safe.
    auto* data = const_cast<unsigned char*>(face.data());
    const MappedRange mapping{face.data(), face.data() + face.size()};
    if (std::none_of(g_font_mappings.begin(), g_font_mappings.end(), [&](const MappedRange& m) { return m.begin == mapping.begin; }))
        g_font_mappings.push_back(mapping);
    atlas.AddFontFromMemoryTTF(data, int(face.size()), px, &config, ranges);
}

void prepare(ImFontAtlas& atlas) {
    atlas.Clear();
    atlas.FontBuilderIO = ImFontAtlasGetBuilderForStbTruetype();
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    atlas.TexDesiredWidth = 4096;
}

// Rasterises every slot with ImGui's own builder; returns the number of glyphs.
int bake(ImFontAtlas& atlas, const FontSet& fonts, const std::vector<Slot>& slots) {
    prepare(atlas);
    for (const Slot& s : slots) add(atlas, fonts.face(s.role), s.px, ranges_of(s.codepoints));
    atlas.Build();
    int glyphs = 0;
    for (const ImFont* f : atlas.Fonts) glyphs += f->Glyphs.Size;
    return glyphs;
}

uint16_t pixel(float uv, uint32_t size) { return uint16_t(std::lround(uv * float(size))); }

CachedAtlas capture(const ImFontAtlas& atlas, const std::string& key, const std::vector<Slot>& slots) {
    CachedAtlas a;
    a.key = key;
    a.width = uint32_t(atlas.TexWidth);
    a.height = uint32_t(atlas.TexHeight);
    a.alpha.assign(atlas.TexPixelsAlpha8, atlas.TexPixelsAlpha8 + size_t(a.width) * a.height);
    a.white_x = atlas.TexUvWhitePixel.x * float(a.width);
    a.white_y = atlas.TexUvWhitePixel.y * float(a.height);
    for (const ImVec4& l : atlas.TexUvLines)
        for (float v : {l.x * float(a.width), l.y * float(a.height), l.z * float(a.width), l.w * float(a.height)}) a.lines.push_back(v);
    for (int i = 0; i < atlas.Fonts.Size; ++i) {
        const ImFont& f = *atlas.Fonts[i];
        CachedFont c;
        c.size = f.FontSize;
        c.ascent = f.Ascent;
        c.descent = f.Descent;
        c.fallback_char = f.FallbackChar;
        c.ellipsis_char = f.EllipsisChar;
        c.dot_char = f.DotChar;
        c.requested = slots[size_t(i)].codepoints;
        for (const ImFontGlyph& g : f.Glyphs) {
            if (g.Codepoint == '\t') continue;  // made by BuildLookupTable from the space
            c.glyphs.push_back({g.Codepoint, g.X0, g.Y0, g.X1, g.Y1, g.AdvanceX, pixel(g.U0, a.width), pixel(g.V0, a.height),
                                uint16_t(pixel(g.U1, a.width) - pixel(g.U0, a.width)), uint16_t(pixel(g.V1, a.height) - pixel(g.V0, a.height))});
        }
        a.fonts.push_back(std::move(c));
    }
    return a;
}

// Rebuilds ImGui's atlas and fonts from a cached atlas, exactly as ImGui's builder left them
// (the same texture coordinates, bit for bit), without rasterising.
void restore(ImFontAtlas& atlas, const CachedAtlas& a) {
    prepare(atlas);
    atlas.TexWidth = int(a.width);
    atlas.TexHeight = int(a.height);
    atlas.TexUvScale = ImVec2(1.0f / float(a.width), 1.0f / float(a.height));
    atlas.TexPixelsAlpha8 = static_cast<unsigned char*>(IM_ALLOC(a.alpha.size()));
    std::memcpy(atlas.TexPixelsAlpha8, a.alpha.data(), a.alpha.size());
    const ImVec2 s = atlas.TexUvScale;
    atlas.TexUvWhitePixel = ImVec2(a.white_x * s.x, a.white_y * s.y);
    for (size_t i = 0; i + 3 < a.lines.size() && i / 4 < std::size(atlas.TexUvLines); i += 4)
        atlas.TexUvLines[i / 4] = ImVec4(a.lines[i] * s.x, a.lines[i + 1] * s.y, a.lines[i + 2] * s.x, a.lines[i + 3] * s.y);
    for (const CachedFont& c : a.fonts) {
        ImFont* font = IM_NEW(ImFont)();
        font->ContainerAtlas = &atlas;
        font->FontSize = c.size;
        font->Ascent = c.ascent;
        font->Descent = c.descent;
        font->FallbackChar = ImWchar(c.fallback_char);
        font->EllipsisChar = ImWchar(c.ellipsis_char);
        font->DotChar = ImWchar(c.dot_char);
        font->Glyphs.reserve(int(c.glyphs.size()) + 1);
        for (const CachedGlyph& g : c.glyphs)
            font->AddGlyph(nullptr, ImWchar(g.codepoint), g.x0, g.y0, g.x1, g.y1, float(g.x) * s.x, float(g.y) * s.y, float(g.x + g.w) * s.x,
                           float(g.y + g.h) * s.y, g.advance);
        font->BuildLookupTable();
        atlas.Fonts.push_back(font);
    }
    atlas.TexReady = true;
}

bool covers(const CachedAtlas& a, const std::vector<Slot>& slots) {
    if (a.fonts.size() != slots.size()) return false;
    for (size_t i = 0; i < slots.size(); ++i)
        if (a.fonts[i].size != slots[i].px ||
            !std::includes(a.fonts[i].requested.begin(), a.fonts[i].requested.end(), slots[i].codepoints.begin(), slots[i].codepoints.end()))
            return false;
    return true;
}

// The cached atlas with the glyphs it lacks for `slots` added below its texture. Rasterises only
// those; nullopt when the result would be too tall (then the caller bakes afresh).
std::optional<CachedAtlas> extend(const CachedAtlas& cached, const FontSet& fonts, const std::vector<Slot>& slots, int& rasterised) {
    constexpr uint32_t kMaxHeight = 8192;
    std::vector<Slot> missing = slots;
    for (size_t i = 0; i < slots.size(); ++i) {
        Codepoints diff;
        std::set_difference(slots[i].codepoints.begin(), slots[i].codepoints.end(), cached.fonts[i].requested.begin(),
                            cached.fonts[i].requested.end(), std::back_inserter(diff));
        if (diff.empty() || diff.front() != ' ') diff.insert(diff.begin(), ' ');  // ImGui sets a font up only when it has a glyph
        missing[i].codepoints = std::move(diff);
    }
    ImFontAtlas fresh;
    rasterised = bake(fresh, fonts, missing);
    const CachedAtlas add = capture(fresh, cached.key, missing);
    if (cached.height + add.height > kMaxHeight || add.width > cached.width) return std::nullopt;
    CachedAtlas out = cached;
    out.height = cached.height + add.height;
    out.alpha.resize(size_t(out.width) * out.height, 0);
    for (uint32_t y = 0; y < add.height; ++y)
        std::memcpy(&out.alpha[size_t(cached.height + y) * out.width], &add.alpha[size_t(y) * add.width], add.width);
    for (size_t i = 0; i < slots.size(); ++i) {
        CachedFont& f = out.fonts[i];
        for (CachedGlyph g : add.fonts[i].glyphs) {
            if (std::binary_search(cached.fonts[i].requested.begin(), cached.fonts[i].requested.end(), g.codepoint)) continue;
            g.y = uint16_t(g.y + cached.height);
            f.glyphs.push_back(g);
        }
        Codepoints all;
        std::set_union(f.requested.begin(), f.requested.end(), slots[i].codepoints.begin(), slots[i].codepoints.end(), std::back_inserter(all));
        f.requested = std::move(all);
    }
    return out;
}

UiFonts fonts_of(const ImFontAtlas& atlas, const FontPlan& plan) {
    UiFonts out;
    out.scale = plan.scale;
    out.plan = plan;
    out.body = atlas.Fonts[0];
    out.bold = atlas.Fonts[1];
    out.mono = atlas.Fonts[2];
    for (int i = 0; i < 4; ++i) out.heading[i] = atlas.Fonts[3 + i];
    if (atlas.Fonts.Size > 8) {
        out.small = atlas.Fonts[7];
        out.small_bold = atlas.Fonts[8];
    }
    return out;
}

}  // namespace

void install_font_aware_allocator() { ImGui::SetAllocatorFunctions(font_aware_alloc, font_aware_free, nullptr); }

//-----------------------------------------------------------------------------
// [SECTION] build_fonts
//-----------------------------------------------------------------------------

FontBuild build_fonts(ImFontAtlas& atlas, const FontSet& fonts, const FontPlan& plan, const GlyphRequest& wanted, const GlyphRequest* quick,
                      const AtlasCache* cache) {
    g_ranges.clear();
    FontBuild result;
    std::vector<Slot> slots = slots_for(plan, wanted);
    const std::string key = key_for(fonts, slots);
    std::optional<CachedAtlas> cached = cache ? cache->load(key) : std::nullopt;
    if (cached && cached->fonts.size() != slots.size()) cached.reset();  // a key collision: never trust it
    if (cached && covers(*cached, slots)) {
        restore(atlas, *cached);
        result.from_cache = true;
        result.fonts = fonts_of(atlas, plan);
        return result;
    }
    if (quick) {
        slots = slots_for(plan, *quick);
        result.got_wanted = false;
        if (cached && covers(*cached, slots)) {
            restore(atlas, *cached);
            result.from_cache = true;
            result.fonts = fonts_of(atlas, plan);
            return result;
        }
    }
    std::optional<CachedAtlas> extended = cached ? extend(*cached, fonts, slots, result.rasterised) : std::nullopt;
    if (extended) {
        restore(atlas, *extended);
        result.extended = true;
        if (cache) cache->store(*extended);
    } else {
        result.rasterised = bake(atlas, fonts, slots);
        if (cache && cache->enabled()) cache->store(capture(atlas, key, slots));
    }
    result.fonts = fonts_of(atlas, plan);
    return result;
}

}  // namespace tebiki::ui
