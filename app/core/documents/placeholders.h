// The placeholders tebiki resolves itself before mustache runs: {{ref ARTICLE[.PARA[.ITEM]]}}
// (「第3条第2項」 after renumbering), {{form FORM}} (「様式第2号」) and {{law LAW}} (a cited law:
// in full with its number at its first use in the draft, by its name afterwards).
#pragma once
#include <functional>
#include <string>
#include <vector>

namespace tebiki::documents {

struct Reference {
    enum class Kind { Article, Form, Law };
    Kind kind = Kind::Article;
    std::string target;  // "apply.2.1", a form id or a law id
};

std::vector<Reference> find_references(const std::string& text);
// Replaces each reference with what `resolve` returns.
std::string substitute_references(const std::string& text, const std::function<std::string(const Reference&)>& resolve);
// The text with references removed (for checking the rest as a mustache template).
std::string strip_references(const std::string& text);

}  // namespace tebiki::documents
