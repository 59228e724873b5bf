// Index of this file
// [SECTION] reading one document
// [SECTION] checks across documents (references, forms)
// [SECTION] public loaders
#include <algorithm>
#include <functional>
#include <set>

#include <kainjow/mustache.hpp>

#include "assessment/toml_reader.h"
#include "documents/document_model.h"
#include "documents/placeholders.h"
#include "documents/profile.h"
#include "util/file_io.h"
#include "util/toml_guard.h"

namespace tebiki::documents {

namespace fs = std::filesystem;
using assessment::TomlReader;

const DocumentDef* DocumentSet::regulation() const {
    for (const DocumentDef& d : documents)
        if (d.kind == DocumentDef::Kind::Regulation) return &d;
    return nullptr;
}

const DocumentDef* DocumentSet::find(std::string_view id) const {
    for (const DocumentDef& d : documents)
        if (d.id == id) return &d;
    return nullptr;
}

// Every text of a document, with the line it was read from, for the reference checks.
void for_each_text(const DocumentDef& d, const std::function<void(const std::string&, int)>& f) {
    f(d.title, 1);
    f(d.draft_mark, 1);
    f(d.enactment, 1);
    for (const LawDef& l : d.laws) f(l.title, l.line);
    for (const auto& [name, value] : d.profile_defaults) f(value, 1);
    for (const auto& [name, value] : d.blank_forms) f(value, 1);
    for (const Article& a : d.articles) {
        f(a.heading, a.line);
        for (const Paragraph& p : a.paragraphs) {
            f(p.text, p.line);
            for (const Item& i : p.items) f(i.text, i.line);
        }
    }
    for (const Paragraph& p : d.supplementary) {
        f(p.text, p.line);
        for (const Item& i : p.items) f(i.text, i.line);
    }
    for (const FormLine& l : d.lines) f(l.text, 1);
    for (const FormRow& r : d.rows) f(r.label + r.value, 1);
    for (const FormLine& l : d.notes) f(l.text, 1);
}

namespace {

//-----------------------------------------------------------------------------
// [SECTION] reading one document
//-----------------------------------------------------------------------------

void read_when(TomlReader& r, Guarded& g) {
    g.line = r.line();
    assessment::read_condition(r, "when", g.when, g.when_text);
}

// A text field: also checked as a mustache template, so a stray {{ is reported here, not
// discovered as a broken sentence in a generated file.
std::string read_template(TomlReader& r, std::string_view key, bool required = false) {
    std::string text = r.text(key, required);
    kainjow::mustache::mustache tmpl(strip_references(text));
    if (!tmpl.is_valid()) r.error_at(key, "差し込み（{{…}}）の書き方が正しくありません: " + tmpl.error_message());
    return text;
}

Paragraph read_paragraph(const toml::table& t, TomlReader& parent, size_t position) {
    TomlReader r(t, parent.file(), parent.diagnostics());
    Paragraph p;
    read_when(r, p);
    p.id = r.text("id");
    if (p.id.empty()) p.id = std::to_string(position);
    p.text = read_template(r, "text", true);
    size_t n = 0;
    for (const toml::table* it : r.tables("items")) {
        TomlReader ir(*it, r.file(), r.diagnostics());
        Item item;
        read_when(ir, item);
        item.id = ir.text("id");
        if (item.id.empty()) item.id = std::to_string(++n);
        else ++n;
        item.text = read_template(ir, "text", true);
        p.items.push_back(std::move(item));
    }
    return p;
}

std::vector<Paragraph> read_paragraphs(TomlReader& r) {
    std::vector<Paragraph> out;
    for (const toml::table* t : r.tables("paragraphs")) out.push_back(read_paragraph(*t, r, out.size() + 1));
    return out;
}

FormLine read_line(const toml::table& t, TomlReader& parent) {
    TomlReader r(t, parent.file(), parent.diagnostics());
    FormLine line;
    const std::string align = r.text("align");
    if (align == "center") line.align = FormLine::Align::Center;
    else if (align == "right") line.align = FormLine::Align::Right;
    else if (!align.empty() && align != "left") r.error_at("align", "align は left, center, right のいずれかです。");
    line.text = read_template(r, "text", true);
    return line;
}

DocOption read_option(const toml::table& t, TomlReader& parent) {
    TomlReader r(t, parent.file(), parent.diagnostics());
    DocOption o;
    o.line = r.line();
    o.id = r.text("id", true);
    o.label = r.text("label", true);
    const std::string type = r.text("type");
    o.yesno = type.empty() || type == "yesno";
    if (!o.yesno && type != "text") r.error_at("type", "type は yesno か text です。");
    auto value_of = [&](TomlReader& reader, std::string_view key) -> std::string {
        if (o.yesno) {
            if (auto b = reader.flag(key)) return *b ? "true" : "false";
            return "false";
        }
        return read_template(reader, key);
    };
    o.default_value = value_of(r, "default");
    for (const toml::table* c : r.tables("cases")) {
        TomlReader cr(*c, r.file(), r.diagnostics());
        OptionCase oc;
        read_when(cr, oc);
        if (oc.when_text.empty()) cr.error(cr.line(), 0, "cases には when が必要です。");
        oc.value = value_of(cr, "value");
        o.cases.push_back(std::move(oc));
    }
    return o;
}

// A table of profile text names → templates ([profile_defaults], [blank_forms]).
void read_profile_values(TomlReader& r, std::string_view key, std::map<std::string, std::string>& out) {
    const toml::table* table = r.table(key);
    if (!table) return;
    const std::vector<std::string>& names = profile_text_names();
    for (const auto& [k, node] : *table) {
        const std::string name(k.str());
        const int line = int(k.source().begin.line), column = int(k.source().begin.column);
        if (std::find(names.begin(), names.end(), name) == names.end())
            r.error(line, column, std::string(key) + " の「" + name + "」は部署の情報（profile）の項目ではありません。");
        else if (const auto value = node.value<std::string>())
            out[name] = *value;
        else
            r.error(line, column, std::string(key) + " の「" + name + "」は文字列で書いてください。");
    }
}

void read_document(TomlReader& r, DocumentDef& d) {
    d.id = r.text("id", true);
    const std::string kind = r.text("kind", true);
    if (kind == "regulation") d.kind = DocumentDef::Kind::Regulation;
    else if (kind != "form" && !kind.empty()) r.error_at("kind", "kind は regulation か form です。");
    d.title = read_template(r, "title", true);
    read_when(r, d);
    if (d.kind == DocumentDef::Kind::Regulation) {
        d.draft_mark = read_template(r, "draft_mark");
        d.enactment = read_template(r, "enactment");
        d.questionnaire = r.text("questionnaire");
        for (const toml::table* t : r.tables("laws")) {
            TomlReader lr(*t, r.file(), r.diagnostics());
            LawDef law;
            law.line = lr.line();
            law.id = lr.text("id", true);
            law.title = read_template(lr, "title", true);
            law.short_name = lr.text("short");
            d.laws.push_back(std::move(law));
        }
        read_profile_values(r, "profile_defaults", d.profile_defaults);
        read_profile_values(r, "blank_forms", d.blank_forms);
        for (const toml::table* t : r.tables("requirements")) {
            TomlReader qr(*t, r.file(), r.diagnostics());
            Requirement q;
            read_when(qr, q);
            if (q.when_text.empty()) qr.error(qr.line(), 0, "requirements には when が必要です。");
            q.message = qr.text("message", true);
            d.requirements.push_back(std::move(q));
        }
        for (const toml::table* t : r.tables("options")) d.options.push_back(read_option(*t, r));
        for (const toml::table* t : r.tables("articles")) {
            TomlReader ar(*t, r.file(), r.diagnostics());
            Article a;
            read_when(ar, a);
            a.id = ar.text("id", true);
            a.heading = read_template(ar, "heading");
            a.paragraphs = read_paragraphs(ar);
            if (a.paragraphs.empty()) ar.error(a.line, 0, "条「" + a.id + "」に [[articles.paragraphs]] がありません。");
            d.articles.push_back(std::move(a));
        }
        if (const toml::table* s = r.table("supplementary")) {
            TomlReader sr(*s, r.file(), r.diagnostics());
            d.supplementary = read_paragraphs(sr);
        }
    } else {
        for (const toml::table* t : r.tables("lines")) d.lines.push_back(read_line(*t, r));
        for (const toml::table* t : r.tables("rows")) {
            TomlReader rr(*t, r.file(), r.diagnostics());
            FormRow row;
            read_when(rr, row);
            row.label = read_template(rr, "label", true);
            row.value = read_template(rr, "value");
            row.lines = int(rr.number("lines").value_or(1));
            if (row.lines < 1 || row.lines > 30) rr.error_at("lines", "lines は 1 から 30 の数です。");
            d.rows.push_back(std::move(row));
        }
        for (const toml::table* t : r.tables("notes")) d.notes.push_back(read_line(*t, r));
    }
}

template <typename T>
void check_unique_ids(const std::vector<T>& items, const std::string& what, const std::string& file, Diagnostics& out) {
    std::set<std::string> seen;
    for (const T& item : items)
        if (!seen.insert(item.id).second) out.push_back({file, item.line, 0, what + "の id「" + item.id + "」が重複しています。"});
}

//-----------------------------------------------------------------------------
// [SECTION] checks across documents (references, forms)
//-----------------------------------------------------------------------------

bool reference_exists(const DocumentDef& regulation, const std::string& target) {
    const size_t dot = target.find('.');
    for (const Article& a : regulation.articles) {
        if (a.id != target.substr(0, dot)) continue;
        if (dot == std::string::npos) return true;
        const std::string rest = target.substr(dot + 1);
        const size_t dot2 = rest.find('.');
        for (const Paragraph& p : a.paragraphs) {
            if (p.id != rest.substr(0, dot2)) continue;
            if (dot2 == std::string::npos) return true;
            for (const Item& i : p.items)
                if (i.id == rest.substr(dot2 + 1)) return true;
        }
    }
    return false;
}

void check_references(const DocumentSet& set, Diagnostics& out) {
    const DocumentDef* regulation = set.regulation();
    for (const DocumentDef& d : set.documents) {
        for_each_text(d, [&](const std::string& text, int line) {
            for (const Reference& ref : find_references(text)) {
                if (ref.kind == Reference::Kind::Form) {
                    const DocumentDef* form = set.find(ref.target);
                    if (!form || form->kind != DocumentDef::Kind::Form)
                        out.push_back({d.file.string(), line, 0, "様式「" + ref.target + "」がありません。"});
                } else if (ref.kind == Reference::Kind::Law) {
                    const bool known = regulation && std::any_of(regulation->laws.begin(), regulation->laws.end(),
                                                                 [&](const LawDef& l) { return l.id == ref.target; });
                    if (!known) out.push_back({d.file.string(), line, 0, "法令「" + ref.target + "」が要綱の [[laws]] にありません。"});
                } else if (!regulation || !reference_exists(*regulation, ref.target)) {
                    out.push_back({d.file.string(), line, 0, "参照先「" + ref.target + "」が要綱の条・項・号にありません。"});
                }
            }
        });
    }
    int regulations = 0;
    for (const DocumentDef& d : set.documents) regulations += d.kind == DocumentDef::Kind::Regulation;
    if (regulations > 1) out.push_back({set.documents.front().file.string(), 1, 0, "要綱（kind = \"regulation\"）は一つだけにしてください。"});
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] public loaders
//-----------------------------------------------------------------------------

std::optional<DocumentDef> parse_document(std::string_view text, const fs::path& file, Diagnostics& diagnostics) {
    DocumentDef d;
    d.file = file;
    try {
        const toml::table root = parse_toml(text, file.string());
        TomlReader r(root, file.string(), diagnostics);
        read_document(r, d);
    } catch (const toml::parse_error& e) {
        diagnostics.push_back({file.string(), int(e.source().begin.line), int(e.source().begin.column),
                               "TOML の書式が正しくありません: " + std::string(e.description())});
        return std::nullopt;
    }
    const std::string name = file.string();
    check_unique_ids(d.articles, "条", name, diagnostics);
    check_unique_ids(d.options, "オプション", name, diagnostics);
    check_unique_ids(d.laws, "法令", name, diagnostics);
    for (const Article& a : d.articles) {
        check_unique_ids(a.paragraphs, "条「" + a.id + "」の項", name, diagnostics);
        for (const Paragraph& p : a.paragraphs) check_unique_ids(p.items, "項「" + a.id + "." + p.id + "」の号", name, diagnostics);
    }
    if (d.id.empty()) return std::nullopt;
    return d;
}

DocumentSet load_documents(const fs::path& dir, Diagnostics& diagnostics) {
    DocumentSet set;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return set;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.path().extension() == ".toml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
        std::string error;
        auto text = read_file(file, &error);
        if (!text) {
            diagnostics.push_back({file.string(), 0, 0, error});
            continue;
        }
        auto d = parse_document(*text, file, diagnostics);
        if (!d) continue;
        if (set.find(d->id)) {
            diagnostics.push_back({file.string(), 1, 0, "文書の id「" + d->id + "」が別のファイルと重複しています。"});
            continue;
        }
        set.documents.push_back(std::move(*d));
    }
    std::stable_partition(set.documents.begin(), set.documents.end(),
                          [](const DocumentDef& d) { return d.kind == DocumentDef::Kind::Regulation; });
    check_references(set, diagnostics);
    return set;
}

}  // namespace tebiki::documents
