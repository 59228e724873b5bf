#include "guide/link.h"

#include "guide/anchor.h"

namespace tebiki {

namespace fs = std::filesystem;

static bool has_scheme(std::string_view target, std::string_view scheme) {
    return target.size() > scheme.size() && target.substr(0, scheme.size()) == scheme;
}

ResolvedLink resolve_link(const Book& book, const Chapter& from, std::string_view target) {
    ResolvedLink link;
    if (has_scheme(target, "http://") || has_scheme(target, "https://") || has_scheme(target, "mailto:")) {
        link.kind = LinkKind::External;
        link.target = std::string(target);
        return link;
    }
    if (has_scheme(target, "app:")) {
        link.kind = LinkKind::App;
        link.target = std::string(target.substr(4));
        return link;
    }
    const size_t hash = target.find('#');
    const std::string path = percent_decode(target.substr(0, hash));
    link.anchor = hash == std::string_view::npos ? "" : std::string(target.substr(hash + 1));

    if (path.empty()) {
        link.chapter_id = from.id;
    } else {
        const fs::path resolved = (from.file.parent_path() / path).lexically_normal();
        const fs::path relative = resolved.lexically_relative(book.root.lexically_normal());
        if (relative.extension() != ".md" || relative.empty() || *relative.begin() == "..") {
            link.problem = "リンク先「" + std::string(target) + "」はガイドの章（.md）ではありません。";
            return link;
        }
        link.chapter_id = (relative.parent_path() / relative.stem()).generic_string();
    }
    const Chapter* chapter = book.find(link.chapter_id);
    if (!chapter) {
        link.problem = "リンク先の章「" + link.chapter_id + "」がありません。";
        return link;
    }
    if (!link.anchor.empty() && !book.find_heading(*chapter, link.anchor)) {
        link.problem = "リンク先の見出し「#" + percent_decode(link.anchor) + "」が章「" + link.chapter_id + "」にありません。";
        return link;
    }
    link.kind = LinkKind::Internal;
    return link;
}

fs::path find_asset(const std::vector<fs::path>& asset_dirs, std::string_view src) {
    const fs::path relative = fs::path(percent_decode(src)).lexically_normal();
    if (relative.empty() || relative.is_absolute() || *relative.begin() == "..") return {};
    std::error_code ec;
    for (const fs::path& dir : asset_dirs) {
        const fs::path candidate = dir / relative;
        if (fs::is_regular_file(candidate, ec)) return candidate;
    }
    return {};
}

}  // namespace tebiki
