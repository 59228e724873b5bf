// Index of this file
// [SECTION] numbers and names
// [SECTION] options and the values templates see
// [SECTION] numbering after the conditions
// [SECTION] building the draft (references, cited laws, blanks)
// [SECTION] the regulation with its 別記様式, and forms
// [SECTION] public entry points
#include "documents/assemble.h"

#include <kainjow/mustache.hpp>

#include <set>

#include "assessment/report.h"
#include "documents/placeholders.h"
#include "documents/profile.h"
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

std::string article_reference(const Place& target, const Place& from) {
    const bool same_article = from.article == target.article && target.paragraph > 0;
    std::string out;
    if (!same_article) {
        out = "第" + std::to_string(target.article) + "条";
        if (target.paragraph > 0 && target.paragraphs > 1) out += "第" + std::to_string(target.paragraph) + "項";
    } else if (target.item > 0 && target.paragraph == from.paragraph) {
        // An item of the paragraph being written: 「第2号」, the one just before 「前号」.
        return from.item > 0 && target.item == from.item - 1 ? "前号" : "第" + std::to_string(target.item) + "号";
    } else if (target.paragraph == from.paragraph - 1) {  // also from an item of the next 項
        out = "前項";
    } else {
        out = "第" + std::to_string(target.paragraph) + "項";
    }
    if (target.item > 0) out += "第" + std::to_string(target.item) + "号";
    return out;
}

std::string article_reference(int article, int paragraph, int paragraphs, int item) {
    return article_reference(Place{article, paragraph, paragraphs, item});
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

bool blank(const std::string& t) {
    for (size_t i = 0; i < t.size();) {
        if (t[i] == ' ' || t[i] == '\t' || t[i] == '\n') ++i;
        else if (t.compare(i, 3, "　") == 0) i += 3;
        else return false;
    }
    return true;
}

std::string render(const std::string& text, const mustache::data& data) {
    mustache::mustache tmpl(text);
    tmpl.set_custom_escape([](const std::string& s) { return s; });  // plain text, not HTML
    return tmpl.is_valid() ? tmpl.render(data) : text;
}

// Profile values, dates and answers. `blank_forms` are the regulation's values for the 別記様式
// (所属長 instead of the department's head, empty boxes instead of its name) or null.
mustache::data base_data(const DraftInputs& in, const std::map<std::string, std::string>* blank_forms = nullptr) {
    mustache::data data;
    std::map<std::string, std::string> texts = profile_texts(in.profile);
    for (auto& [name, value] : texts) value = printable(value);
    data.set("date", wareki(in.date));
    data.set("year", wareki_year(in.date));
    for (const auto& [name, value] : texts) data.set(name, value);
    for (const auto& [name, on] : profile_flags(in.profile)) data.set(name, on ? mustache::data::type::bool_true : mustache::data::type::bool_false);
    // A fact the profile leaves out takes the regulation's default (a 「○○」 placeholder).
    if (const DocumentDef* regulation = in.documents ? in.documents->regulation() : nullptr) {
        for (const auto& [name, value] : regulation->profile_defaults)
            if (blank(texts[name])) data.set(name, render(value, data));
        if (blank_forms)
            for (const auto& [name, value] : *blank_forms) data.set(name, render(value, data));
    }
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

// The answers, every option (yes/no as a flag, text as text) and the profile's yes/no facts:
// what `when` conditions read.
AnswerMap condition_inputs(const DraftInputs& in, const std::vector<OptionValue>& options) {
    AnswerMap map = in.answers;
    for (const OptionValue& o : options)
        map[o.option->id] = o.option->yesno ? Answer::of_flag(o.value == "true") : Answer::of_text(o.value);
    for (const auto& [name, on] : profile_flags(in.profile)) map[name] = Answer::of_flag(on);
    return map;
}

// The options as {{opt.X}}, then {{regulation_title}} (the 要綱's title, which may read options):
// how the forms name the regulation they belong to.
void add_options(mustache::data& data, const std::vector<OptionValue>& options, const DocumentDef* regulation) {
    mustache::data opt = mustache::data::type::object;
    for (const OptionValue& o : options) {
        if (o.option->yesno) opt.set(o.option->id, o.value == "true" ? mustache::data::type::bool_true : mustache::data::type::bool_false);
        else opt.set(o.option->id, o.value);
    }
    data.set("opt", opt);
    data.set("regulation_title", regulation ? render(regulation->title, data) : std::string());
}

//-----------------------------------------------------------------------------
// [SECTION] numbering after the conditions
//-----------------------------------------------------------------------------

struct Numbering {
    std::map<std::string, Place> refs;                // "apply.2.1" → article 5, paragraph 2 of 3, item 1
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
        const int count = int(paragraphs.size());
        n.refs[a.id] = {article_no, 0, count, 0};
        for (int k = 0; k < count; ++k) {
            const Paragraph& p = *paragraphs[size_t(k)];
            n.refs[a.id + "." + p.id] = {article_no, k + 1, count, 0};
            note_forms(p.text, article);
            int item_no = 0;
            for (const Item& i : p.items) {
                if (!i.when.evaluate(inputs)) continue;
                n.refs[a.id + "." + p.id + "." + i.id] = {article_no, k + 1, count, ++item_no};
                note_forms(i.text, article);
            }
        }
    }
    return n;
}

//-----------------------------------------------------------------------------
// [SECTION] building the draft (references, cited laws, blanks)
//-----------------------------------------------------------------------------

// 「地方公務員法（昭和25年法律第261号）」 → name 「地方公務員法」 and number 「昭和25年法律第261号」:
// the last bracket of the title, matched across nested brackets. No bracket: all name.
std::pair<std::string, std::string> split_law_title(const std::string& title) {
    static const std::string kOpen = "（", kClose = "）";
    if (title.size() < kClose.size() || title.compare(title.size() - kClose.size(), kClose.size(), kClose) != 0) return {title, ""};
    int depth = 0;
    for (size_t i = title.size(); i >= 3;) {
        i -= 3;
        if (title.compare(i, 3, kClose) == 0) ++depth;
        else if (title.compare(i, 3, kOpen) == 0 && --depth == 0)
            return {title.substr(0, i), title.substr(i + 3, title.size() - kClose.size() - i - 3)};
        while (i > 0 && (static_cast<unsigned char>(title[i]) & 0xC0) == 0x80) --i;  // stay on character starts
    }
    return {title, ""};
}

// 「第3条第2項及び第3条第3項第1号」 → 「第3条第2項及び第3項第1号」: references to the same article
// joined by 及び／又は／若しくは／並びに／、 name the article once (法制執務).
size_t number_end(const std::string& t, size_t pos) {
    while (pos < t.size() && t[pos] >= '0' && t[pos] <= '9') ++pos;
    return pos;
}

// At `pos`: 「第N<unit>」 → the position after it, else npos.
size_t unit_at(const std::string& t, size_t pos, std::string_view unit) {
    if (t.compare(pos, 3, "第") != 0) return std::string::npos;
    const size_t digits = number_end(t, pos + 3);
    if (digits == pos + 3 || t.compare(digits, unit.size(), unit) != 0) return std::string::npos;
    return digits + unit.size();
}

std::string join_same_article(std::string text) {
    for (size_t pos = text.find("第"); pos != std::string::npos; pos = text.find("第", pos + 3)) {
        const size_t article_end = unit_at(text, pos, "条");
        if (article_end == std::string::npos) continue;
        const std::string article = text.substr(pos, article_end - pos);
        size_t q = article_end;
        for (bool joined = true; joined;) {  // a chain: 第3条第1項、第2項及び第3項
            joined = false;
            if (const size_t p = unit_at(text, q, "項"); p != std::string::npos) q = p;
            if (const size_t i = unit_at(text, q, "号"); i != std::string::npos) q = i;
            for (std::string_view joint : {"及び", "又は", "若しくは", "並びに", "、"}) {
                if (text.compare(q, joint.size(), joint) != 0) continue;
                const size_t r = q + joint.size();
                if (text.compare(r, article.size(), article) == 0 && unit_at(text, r + article.size(), "項") != std::string::npos) {
                    text.erase(r, article.size());
                    q = r;
                    joined = true;
                } else if (unit_at(text, r, "項") != std::string::npos) {
                    q = r;  // already joined: keep following the chain
                    joined = true;
                }
                break;
            }
        }
    }
    return text;
}

class Builder {
public:
    Builder(const DocumentDef* regulation, const Numbering& numbering, mustache::data data, Draft& draft)
        : numbering_(numbering), data_(std::move(data)), draft_(draft) {
        if (regulation)
            for (const LawDef& law : regulation->laws) {
                std::string title = printable(render(law.title, data_));
                if (blank(title)) draft_.errors.push_back("法令「" + law.id + "」の題名が空です（部署の情報か [profile_defaults] を確かめてください）。");
                laws_[law.id] = {title, law.short_name};
            }
    }

    void set_data(mustache::data data) { data_ = std::move(data); }
    void set_place(const Place& place) { place_ = place; }
    void allow_blank(bool on) { allow_blank_ = on; }

    // References first (our numbering), then mustache (values), then cited laws. A reference to
    // something the conditions removed becomes a marker; it is an error only if it survives
    // mustache (inside a {{#opt.x}} section that is off, it is simply not printed). A law is
    // cited in full where it first survives, by its short name after. `where` names the place.
    std::string text(const std::string& source, const std::string& where) {
        static const std::string kOpen = "\x1E", kClose = "\x1F", kLaw = "\x1D";
        const std::string resolved = substitute_references(source, [&](const Reference& r) -> std::string {
            if (r.kind == Reference::Kind::Law) return kLaw + r.target + kLaw;
            if (r.kind == Reference::Kind::Form) {
                const auto it = numbering_.form_names.find(r.target);
                return it != numbering_.form_names.end() ? it->second : kOpen + r.target + kClose;
            }
            const auto it = numbering_.refs.find(r.target);
            return it != numbering_.refs.end() ? article_reference(it->second, place_) : kOpen + r.target + kClose;
        });
        std::string out = render(resolved, data_);
        for (size_t open = out.find(kOpen); open != std::string::npos; open = out.find(kOpen)) {
            const size_t close = out.find(kClose, open);
            draft_.errors.push_back(where + "：参照先「" + out.substr(open + 1, close - open - 1) + "」は、選んだ条件では要綱に含まれません。");
            out.replace(open, close - open + 1, "○○");
        }
        out = join_same_article(out);
        for (size_t open = out.find(kLaw); open != std::string::npos; open = out.find(kLaw)) {
            const size_t close = out.find(kLaw, open + 1);
            out.replace(open, close - open + 1, cite(out.substr(open + 1, close - open - 1)));
        }
        // A blank the source itself leaves (a form's empty box) is by design; one made by a
        // placeholder that had nothing to give is not (except in the blank 別記様式).
        if (!allow_blank_ && !blank(source) && blank(out)) draft_.errors.push_back(where + "：差し込む値がなく、文が空になりました。");
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
    // 「職員の勤務時間、休暇等に関する条例（平成7年都農町条例第1号。以下「勤務時間条例」という。）」
    // the first time, 「勤務時間条例」 after (法制執務: the number only at the first citation).
    std::string cite(const std::string& id) {
        const auto it = laws_.find(id);
        if (it == laws_.end()) return "○○";
        const auto& [title, short_name] = it->second;
        const auto [name, number] = split_law_title(title);
        if (!cited_.insert(id).second) return short_name.empty() ? name : short_name;
        if (short_name.empty()) return title;
        return name + "（" + (number.empty() ? "" : number + "。") + "以下「" + short_name + "」という。）";
    }

    const Numbering& numbering_;
    mustache::data data_;
    Draft& draft_;
    Place place_;
    bool allow_blank_ = false;
    std::map<std::string, std::pair<std::string, std::string>> laws_;  // id → rendered title, short name
    std::set<std::string> cited_;
};

//-----------------------------------------------------------------------------
// [SECTION] the regulation with its 別記様式, and forms
//-----------------------------------------------------------------------------

void add_lines(Builder& b, Block::Kind kind, const std::string& text, FormLine::Align align) {
    for (size_t start = 0; start <= text.size();) {
        const size_t end = std::min(text.find('\n', start), text.size());
        if (end > start) b.add(kind, "", text.substr(start, end - start), align);
        start = end + 1;
    }
}

// 「注1　該当する…」: the note's label (注1, ※) is printed apart so that its lines hang under the text.
void add_note(Builder& b, const std::string& text, FormLine::Align align) {
    const size_t space = text.find("　");
    const bool labelled = space != std::string::npos && space > 0 && space <= 9 &&
                          (text.rfind("注", 0) == 0 || text.rfind("※", 0) == 0);
    if (labelled) b.add(Block::Kind::Note, text.substr(0, space), text.substr(space + 3), align);
    else b.add(Block::Kind::Note, "", text, align);
}

void build_form(const DocumentDef& d, const AnswerMap& inputs, const Numbering& numbering, Builder& b, Draft& draft) {
    b.set_place({});
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
    for (const FormLine& l : d.notes) add_note(b, b.text(l.text, "様式の注記"), l.align);
}

void build_regulation(const DocumentDef& d, const AnswerMap& inputs, Builder& b) {
    if (!d.draft_mark.empty()) b.add(Block::Kind::Line, "", b.text(d.draft_mark, "案の表示"), FormLine::Align::Right);
    b.add(Block::Kind::Title, "", b.text(d.title, "題名"), FormLine::Align::Center);
    if (!d.enactment.empty()) add_lines(b, Block::Kind::Line, b.text(d.enactment, "制定"), FormLine::Align::Right);
    int article_no = 0;
    for (const Article& a : d.articles) {
        if (!a.when.evaluate(inputs)) continue;
        const std::string article = "第" + std::to_string(++article_no) + "条";
        std::vector<const Paragraph*> paragraphs;
        for (const Paragraph& p : a.paragraphs)
            if (p.when.evaluate(inputs)) paragraphs.push_back(&p);
        const int count = int(paragraphs.size());
        b.set_place({article_no, 0, count, 0});
        if (!a.heading.empty()) b.add(Block::Kind::Heading, "", "（" + b.text(a.heading, article + "の見出し") + "）");
        for (int k = 1; k <= count; ++k) {
            const Paragraph& p = *paragraphs[size_t(k - 1)];
            const std::string where = k == 1 ? article : article + "第" + std::to_string(k) + "項";
            b.set_place({article_no, k, count, 0});
            // 項 numbers in the same Arabic figures as 条 numbers (「2」, not 「２」); the first has none.
            b.add(k == 1 ? Block::Kind::Article : Block::Kind::Paragraph, k == 1 ? article : std::to_string(k), b.text(p.text, where));
            int item_no = 0;
            for (const Item& i : p.items) {
                if (!i.when.evaluate(inputs)) continue;
                ++item_no;
                b.set_place({article_no, k, count, item_no});
                b.add(Block::Kind::Item, "(" + std::to_string(item_no) + ")", b.text(i.text, where + "第" + std::to_string(item_no) + "号"));
            }
        }
    }
    b.set_place({});
    std::vector<const Paragraph*> supplementary;
    for (const Paragraph& p : d.supplementary)
        if (p.when.evaluate(inputs)) supplementary.push_back(&p);
    if (supplementary.empty()) return;
    b.add(Block::Kind::Supplementary, "", "附　則");
    for (size_t k = 0; k < supplementary.size(); ++k) {
        // A single 附則 paragraph has no number; several are numbered 1, 2 …
        b.add(Block::Kind::Paragraph, supplementary.size() > 1 ? std::to_string(k + 1) : "", b.text(supplementary[k]->text, "附則"));
        int item_no = 0;
        for (const Item& i : supplementary[k]->items)
            if (i.when.evaluate(inputs)) b.add(Block::Kind::Item, "(" + std::to_string(++item_no) + ")", b.text(i.text, "附則"));
    }
}

// The 別記様式: every form the regulation names, in the order of their numbers, each on a page of
// its own, blank where the person using it writes (所属長　様, 氏名, 所属).
void build_appendix(const DraftInputs& in, const DocumentDef& regulation, const AnswerMap& inputs, const Numbering& numbering,
                    const std::vector<OptionValue>& options, Builder& b, Draft& draft) {
    mustache::data blank_data = base_data(in, &regulation.blank_forms);
    add_options(blank_data, options, &regulation);
    b.set_data(std::move(blank_data));
    b.allow_blank(true);
    for (const std::string& id : numbering.form_order) {
        const DocumentDef* form = in.documents->find(id);
        if (!form) continue;
        if (!form->when.evaluate(inputs)) {
            draft.errors.push_back("別記様式：要綱が" + numbering.form_names.at(id) + "として名指しする「" + id +
                                   "」は、この選択では作成されません（条件：" + form->when_text + "）。");
            continue;
        }
        b.add(Block::Kind::PageBreak, "", "");
        build_form(*form, inputs, numbering, b, draft);
    }
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] public entry points
//-----------------------------------------------------------------------------

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
            v.value = printable(it->second);  // what the user typed is text, never a template
            v.overridden = true;
        } else if (!o.yesno) {
            v.value = render(v.value, data);
        }
        out.push_back(v);
    }
    return out;
}

std::vector<std::string> check_overrides(const DocumentSet& documents, std::map<std::string, std::string>& overrides) {
    std::vector<std::string> errors;
    const DocumentDef* regulation = documents.regulation();
    for (auto& [id, value] : overrides) {
        const DocOption* option = nullptr;
        if (regulation)
            for (const DocOption& o : regulation->options)
                if (o.id == id) option = &o;
        if (!option) {
            errors.push_back("オプション「" + id + "」はありません（tebiki list documents で一覧を表示します）。");
        } else if (option->yesno) {
            if (value == "はい") value = "true";
            else if (value == "いいえ") value = "false";
            if (value != "true" && value != "false")
                errors.push_back("オプション「" + id + "」（" + option->label + "）は、true、false、はい、いいえのいずれかで指定してください（「" + value + "」）。");
        } else if (blank(value)) {
            errors.push_back("オプション「" + id + "」（" + option->label + "）が空です。文の一部になるので、値を入れてください。");
        }
    }
    return errors;
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
    draft.date = in.date;
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
    for (const std::string& problem : profile_problems(in.profile)) draft.errors.push_back(problem);
    const DocumentDef* regulation = in.documents->regulation();
    if (regulation)
        for (const Requirement& r : regulation->requirements)
            if (!r.when.evaluate(inputs)) draft.errors.push_back(r.message);
    const Numbering numbering = regulation ? number(*regulation, inputs) : Numbering{};
    mustache::data data = base_data(in);
    add_options(data, options, regulation);
    Builder b(regulation, numbering, std::move(data), draft);
    if (draft.form) {
        build_form(*d, inputs, numbering, b, draft);
    } else {
        build_regulation(*d, inputs, b);
        build_appendix(in, *d, inputs, numbering, options, b, draft);
    }
    draft.title = d->id;
    for (const Block& block : draft.blocks)
        if (block.kind == Block::Kind::Title) {
            draft.title = block.text;
            break;
        }
    return draft;
}

}  // namespace tebiki::documents
