// Index of this file
// [SECTION] numbers and names
// [SECTION] options and the values templates see
// [SECTION] numbering after the conditions
// [SECTION] building the draft
#include "documents/assemble.h"

#include <kainjow/mustache.hpp>

#include "assessment/report.h"
#include "documents/placeholders.h"
#include "util/file_name.h"

namespace tebiki::documents {

using assessment::Answer;
using assessment::AnswerMap;
namespace mustache = kainjow::mustache;

//-----------------------------------------------------------------------------
// [SECTION] numbers and names
//-----------------------------------------------------------------------------

std::string full_width_number(int n) {
    std::string out;
    for (char c : std::to_string(n)) out += std::string("０１２３４５６７８９").substr(size_t(c - '0') * 3, 3);
    return out;
}

std::string article_reference(int article, int paragraph, int paragraphs, int item) {
    std::string out = "第" + std::to_string(article) + "条";
    if (paragraph > 0 && paragraphs > 1) out += "第" + std::to_string(paragraph) + "項";
    if (item > 0) out += "第" + std::to_string(item) + "号";
    return out;
}

std::string safe_file_stem(const std::string& text) { return safe_file_name(text, 120); }

namespace {

//-----------------------------------------------------------------------------
// [SECTION] options and the values templates see
//-----------------------------------------------------------------------------

// Typed text may hold control characters (pasted tabs, stray escapes): no document wants them.
std::string printable(const std::string& text) {
    std::string out;
    for (char c : text)
        if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) out += c;
    return out;
}

mustache::data base_data(const DraftInputs& in) {
    mustache::data data;
    data.set("municipality", printable(in.profile.municipality));
    data.set("department", printable(in.profile.department));
    data.set("head_title", printable(in.profile.head_title));
    data.set("head_name", printable(in.profile.head_name));
    data.set("staff_count", printable(in.profile.staff_count));
    data.set("contact", printable(in.profile.contact));
    data.set("date", wareki(in.date));
    data.set("year", wareki_year(in.date));
    mustache::data answers = mustache::data::type::object;
    if (in.questionnaire) {
        // An unanswered question reads as ○○: a visible blank for the drafter, never an empty sentence.
        for (const assessment::Question& q : in.questionnaire->questions) {
            const auto it = in.answers.find(q.id);
            const bool given = it != in.answers.end() && it->second.given();
            answers.set(q.id, given ? printable(assessment::answer_label(q, it->second)) : std::string("○○"));
        }
    }
    data.set("answer", answers);
    return data;
}

std::string render(const std::string& text, const mustache::data& data) {
    mustache::mustache tmpl(text);
    tmpl.set_custom_escape([](const std::string& s) { return s; });  // plain text, not HTML
    return tmpl.is_valid() ? tmpl.render(data) : text;
}

// The answers plus every option (yes/no as a flag, text as text): what `when` conditions read.
AnswerMap condition_inputs(const DraftInputs& in, const std::vector<OptionValue>& options) {
    AnswerMap map = in.answers;
    for (const OptionValue& o : options)
        map[o.option->id] = o.option->yesno ? Answer::of_flag(o.value == "true") : Answer::of_text(o.value);
    return map;
}

mustache::data full_data(const DraftInputs& in, const std::vector<OptionValue>& options) {
    mustache::data data = base_data(in);
    mustache::data opt = mustache::data::type::object;
    for (const OptionValue& o : options) {
        if (o.option->yesno) opt.set(o.option->id, o.value == "true" ? mustache::data::type::bool_true : mustache::data::type::bool_false);
        else opt.set(o.option->id, o.value);
    }
    data.set("opt", opt);
    return data;
}

//-----------------------------------------------------------------------------
// [SECTION] numbering after the conditions
//-----------------------------------------------------------------------------

struct Numbering {
    std::map<std::string, std::string> refs;          // "apply.2.1" → 第5条第2項第1号
    std::map<std::string, std::string> form_names;    // form id → 様式第2号
    std::map<std::string, std::string> form_articles; // form id → 第5条 (where first named)
    std::vector<std::string> form_order;
};

Numbering number(const DocumentDef& regulation, const AnswerMap& inputs) {
    Numbering n;
    int article_no = 0;
    auto note_forms = [&](const std::string& text, const std::string& article) {
        for (const Reference& r : find_references(text)) {
            if (r.kind != Reference::Kind::Form || n.form_names.count(r.target)) continue;
            n.form_order.push_back(r.target);
            n.form_names[r.target] = "様式第" + std::to_string(n.form_order.size()) + "号";
            n.form_articles[r.target] = article;
        }
    };
    for (const Article& a : regulation.articles) {
        if (!a.when.evaluate(inputs)) continue;
        ++article_no;
        const std::string article = "第" + std::to_string(article_no) + "条";
        std::vector<const Paragraph*> paragraphs;
        for (const Paragraph& p : a.paragraphs)
            if (p.when.evaluate(inputs)) paragraphs.push_back(&p);
        n.refs[a.id] = article;
        for (size_t k = 0; k < paragraphs.size(); ++k) {
            const Paragraph& p = *paragraphs[k];
            n.refs[a.id + "." + p.id] = article_reference(article_no, int(k) + 1, int(paragraphs.size()), 0);
            note_forms(p.text, article);
            int item_no = 0;
            for (const Item& i : p.items) {
                if (!i.when.evaluate(inputs)) continue;
                n.refs[a.id + "." + p.id + "." + i.id] = article_reference(article_no, int(k) + 1, int(paragraphs.size()), ++item_no);
                note_forms(i.text, article);
            }
        }
    }
    return n;
}

//-----------------------------------------------------------------------------
// [SECTION] building the draft
//-----------------------------------------------------------------------------

class Builder {
public:
    Builder(const Numbering& numbering, mustache::data data, Draft& draft)
        : numbering_(numbering), data_(std::move(data)), draft_(draft) {}

    // References first (our numbering), then mustache (values). A reference to something the
    // conditions removed becomes a marker; it is an error only if it survives mustache (inside a
    // {{#opt.x}} section that is off, it is simply not printed). `where` names the place.
    std::string text(const std::string& source, const std::string& where) {
        static const std::string kOpen = "\x1E", kClose = "\x1F";
        const std::string resolved = substitute_references(source, [&](const Reference& r) {
            const auto& table = r.kind == Reference::Kind::Form ? numbering_.form_names : numbering_.refs;
            const auto it = table.find(r.target);
            return it != table.end() ? it->second : kOpen + r.target + kClose;
        });
        std::string out = render(resolved, data_);
        for (size_t open = out.find(kOpen); open != std::string::npos; open = out.find(kOpen)) {
            const size_t close = out.find(kClose, open);
            draft_.errors.push_back(where + "：参照先「" + out.substr(open + 1, close - open - 1) + "」は、選んだ条件では要綱に含まれません。");
            out.replace(open, close - open + 1, "○○");
        }
        // A blank the source itself leaves (a form's empty box) is by design; one made by a
        // placeholder that had nothing to give is not.
        auto blank = [](const std::string& t) {
            for (size_t i = 0; i < t.size();) {
                if (t[i] == ' ' || t[i] == '\t' || t[i] == '\n') ++i;
                else if (t.compare(i, 3, "　") == 0) i += 3;
                else return false;
            }
            return true;
        };
        if (!blank(source) && blank(out)) draft_.errors.push_back(where + "：差し込む値がなく、文が空になりました。");
        return out;
    }

    void add(Block::Kind kind, std::string label, std::string text, FormLine::Align align = FormLine::Align::Left) {
        Block b;
        b.kind = kind;
        b.label = std::move(label);
        b.text = std::move(text);
        b.align = align;
        draft_.blocks.push_back(std::move(b));
    }

private:
    const Numbering& numbering_;
    mustache::data data_;
    Draft& draft_;
};

void build_regulation(const DocumentDef& d, const AnswerMap& inputs, Builder& b) {
    b.add(Block::Kind::Title, "", b.text(d.title, "題名"), FormLine::Align::Center);
    if (!d.enactment.empty()) b.add(Block::Kind::Line, "", b.text(d.enactment, "制定"), FormLine::Align::Right);
    int article_no = 0;
    for (const Article& a : d.articles) {
        if (!a.when.evaluate(inputs)) continue;
        const std::string article = "第" + std::to_string(++article_no) + "条";
        if (!a.heading.empty()) b.add(Block::Kind::Heading, "", "（" + b.text(a.heading, article + "の見出し") + "）");
        int paragraph_no = 0;
        for (const Paragraph& p : a.paragraphs) {
            if (!p.when.evaluate(inputs)) continue;
            ++paragraph_no;
            const std::string where = paragraph_no == 1 ? article : article + "第" + std::to_string(paragraph_no) + "項";
            b.add(paragraph_no == 1 ? Block::Kind::Article : Block::Kind::Paragraph,
                  paragraph_no == 1 ? article : full_width_number(paragraph_no), b.text(p.text, where));
            int item_no = 0;
            for (const Item& i : p.items) {
                if (!i.when.evaluate(inputs)) continue;
                ++item_no;
                b.add(Block::Kind::Item, "(" + std::to_string(item_no) + ")", b.text(i.text, where + "第" + std::to_string(item_no) + "号"));
            }
        }
    }
    std::vector<const Paragraph*> supplementary;
    for (const Paragraph& p : d.supplementary)
        if (p.when.evaluate(inputs)) supplementary.push_back(&p);
    if (supplementary.empty()) return;
    b.add(Block::Kind::Supplementary, "", "附　則");
    for (size_t k = 0; k < supplementary.size(); ++k) {
        // A single 附則 paragraph has no number; several are numbered 1, 2 … (full width).
        b.add(Block::Kind::Paragraph, supplementary.size() > 1 ? full_width_number(int(k) + 1) : "",
              b.text(supplementary[k]->text, "附則"));
        int item_no = 0;
        for (const Item& i : supplementary[k]->items)
            if (i.when.evaluate(inputs)) b.add(Block::Kind::Item, "(" + std::to_string(++item_no) + ")", b.text(i.text, "附則"));
    }
}

void build_form(const DocumentDef& d, const AnswerMap& inputs, const Numbering& numbering, Builder& b, Draft& draft) {
    const auto name = numbering.form_names.find(d.id);
    if (name != numbering.form_names.end())
        b.add(Block::Kind::Line, "", name->second + "（" + numbering.form_articles.at(d.id) + "関係）");
    b.add(Block::Kind::Title, "", b.text(d.title, "題名"), FormLine::Align::Center);
    for (const FormLine& l : d.lines) b.add(Block::Kind::Line, "", b.text(l.text, "様式の行"), l.align);
    Block table;
    table.kind = Block::Kind::Table;
    for (const FormRow& r : d.rows)
        if (r.when.evaluate(inputs)) {
            FormRow row;
            row.label = b.text(r.label, "様式の欄");
            row.value = b.text(r.value, "様式の欄「" + r.label + "」");
            row.lines = r.lines;
            table.rows.push_back(std::move(row));
        }
    draft.blocks.push_back(std::move(table));
    for (const FormLine& l : d.notes) b.add(Block::Kind::Note, "", b.text(l.text, "様式の注記"), l.align);
}

}  // namespace

std::vector<OptionValue> resolve_options(const DraftInputs& in) {
    std::vector<OptionValue> out;
    const DocumentDef* regulation = in.documents ? in.documents->regulation() : nullptr;
    if (!regulation) return out;
    const mustache::data data = base_data(in);
    for (const DocOption& o : regulation->options) {
        OptionValue v{&o, o.default_value, false, false};
        for (const OptionCase& c : o.cases)
            if (c.when.evaluate(in.answers)) {
                v.value = c.value;
                v.settled = true;
                break;
            }
        if (const auto it = in.overrides.find(o.id); it != in.overrides.end()) {
            v.value = it->second;
            v.overridden = true;
        }
        if (!o.yesno) v.value = render(v.value, data);
        out.push_back(v);
    }
    return out;
}

std::vector<const DocumentDef*> applicable_documents(const DraftInputs& in) {
    std::vector<const DocumentDef*> out;
    if (!in.documents) return out;
    const AnswerMap inputs = condition_inputs(in, resolve_options(in));
    for (const DocumentDef& d : in.documents->documents)
        if (d.when.evaluate(inputs)) out.push_back(&d);
    return out;
}

Draft assemble(const DraftInputs& in, std::string_view document_id) {
    Draft draft;
    draft.id = std::string(document_id);
    const DocumentDef* d = in.documents ? in.documents->find(document_id) : nullptr;
    if (!d) {
        draft.errors.push_back("文書「" + draft.id + "」がありません。");
        return draft;
    }
    draft.form = d->kind == DocumentDef::Kind::Form;
    const std::vector<OptionValue> options = resolve_options(in);
    const AnswerMap inputs = condition_inputs(in, options);
    if (!d->when.evaluate(inputs)) {
        draft.errors.push_back("「" + d->id + "」は、この回答と選択では作成しない文書です（条件：" + d->when_text + "）。");
        return draft;
    }
    const DocumentDef* regulation = in.documents->regulation();
    const Numbering numbering = regulation ? number(*regulation, inputs) : Numbering{};
    Builder b(numbering, full_data(in, options), draft);
    if (draft.form) build_form(*d, inputs, numbering, b, draft);
    else build_regulation(*d, inputs, b);
    draft.title = d->id;
    for (const Block& block : draft.blocks)
        if (block.kind == Block::Kind::Title) {
            draft.title = block.text;
            break;
        }
    return draft;
}

}  // namespace tebiki::documents
