#include <cstdio>

#include "cli/commands.h"
#include "util/json.h"
#include "guide/book.h"

namespace tebiki::cli {

static void print_text(const Book& book) {
    for (const Part& part : book.parts) {
        std::printf("%s\t%s\n", part.id.c_str(), part.title.c_str());
        for (size_t index : part.chapters) {
            const Chapter& c = book.chapters[index];
            std::printf("  %s\t%s\n", c.id.c_str(), c.title.c_str());
            for (const Heading& h : c.headings) {
                if (h.level < 2) continue;
                std::printf("  %*s%s#%s\t%s\n", (h.level - 1) * 2, "", c.id.c_str(), h.anchor.c_str(), h.text.c_str());
            }
        }
    }
}

static void print_json(const Book& book) {
    std::printf("{\"parts\":[");
    for (size_t p = 0; p < book.parts.size(); ++p) {
        const Part& part = book.parts[p];
        std::printf("%s{\"id\":%s,\"title\":%s,\"short\":%s,\"summary\":%s,\"chapters\":[", p ? "," : "",
                    json_string(part.id).c_str(), json_string(part.title).c_str(), json_string(part.short_name).c_str(),
                    json_string(part.summary).c_str());
        for (size_t i = 0; i < part.chapters.size(); ++i) {
            const Chapter& c = book.chapters[part.chapters[i]];
            std::printf("%s{\"id\":%s,\"title\":%s,\"sections\":[", i ? "," : "", json_string(c.id).c_str(),
                        json_string(c.title).c_str());
            bool first = true;
            for (const Heading& h : c.headings) {
                if (h.level < 2) continue;
                std::printf("%s{\"id\":%s,\"anchor\":%s,\"level\":%d,\"title\":%s}", first ? "" : ",",
                            json_string(c.id + "#" + h.anchor).c_str(), json_string(h.anchor).c_str(), h.level,
                            json_string(h.text).c_str());
                first = false;
            }
            std::printf("]}");
        }
        std::printf("]}");
    }
    std::printf("]}\n");
}

int run_toc(const Options& options) {
    Diagnostics diagnostics;
    const Book book = load_book(options.paths.content, diagnostics);
    for (const Diagnostic& d : diagnostics) std::fprintf(stderr, "%s\n", d.to_string().c_str());
    if (options.flag("json")) print_json(book);
    else print_text(book);
    return book.chapters.empty() ? 1 : 0;
}

}  // namespace tebiki::cli
