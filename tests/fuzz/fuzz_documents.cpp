// libFuzzer target: any bytes as a document definition must load (or be reported) and, when it
// loads, draft and write Markdown and Word without crashing.
// Build as fuzz_markdown.cpp says, then: build-fuzz/tests/fuzz/fuzz_documents -max_total_time=60
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string_view>

#include "documents/writers.h"

using namespace tebiki;
using namespace tebiki::documents;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    Diagnostics diagnostics;
    auto doc = parse_document(text, "fuzz.toml", diagnostics);
    if (!doc) return 0;
    DocumentSet set;
    set.documents.push_back(std::move(*doc));
    DraftInputs in;
    in.documents = &set;
    in.profile.municipality = "○○区";
    in.date = {2026, 11, 25};
    const Draft draft = assemble(in, set.documents.front().id);
    to_markdown(draft);
    std::string error;
    write_docx(draft, std::filesystem::temp_directory_path() / "tebiki-fuzz.docx", &error);
    return 0;
}
