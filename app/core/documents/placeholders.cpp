#include "documents/placeholders.h"

#include <regex>

namespace tebiki::documents {

namespace {

const std::regex& pattern() {
    static const std::regex re(R"(\{\{\s*(ref|form|law)\s+([A-Za-z0-9_.\-]+)\s*\}\})");
    return re;
}

Reference to_reference(const std::smatch& m) {
    const Reference::Kind kind = m[1] == "form" ? Reference::Kind::Form : m[1] == "law" ? Reference::Kind::Law : Reference::Kind::Article;
    return {kind, m[2]};
}

}  // namespace

std::vector<Reference> find_references(const std::string& text) {
    std::vector<Reference> out;
    if (text.find("{{") == std::string::npos) return out;  // std::regex is slow; most texts have none
    for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern()); it != std::sregex_iterator(); ++it)
        out.push_back(to_reference(*it));
    return out;
}

std::string substitute_references(const std::string& text, const std::function<std::string(const Reference&)>& resolve) {
    if (text.find("{{") == std::string::npos) return text;
    std::string out;
    auto last = text.cbegin();
    for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern()); it != std::sregex_iterator(); ++it) {
        out.append(last, (*it)[0].first);
        out += resolve(to_reference(*it));
        last = (*it)[0].second;
    }
    out.append(last, text.cend());
    return out;
}

std::string strip_references(const std::string& text) {
    return substitute_references(text, [](const Reference&) { return std::string(); });
}

}  // namespace tebiki::documents
