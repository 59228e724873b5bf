#include "documents/check.h"

#include <regex>

#include "guide/check.h"
#include "util/file_io.h"
#include "documents/profile.h"

#include <algorithm>
#include <set>

namespace tebiki::documents {

namespace {

void check_condition(const Condition& c, int line, const std::string& file, const assessment::Questionnaire* q,
                     const std::set<std::string>& options, Diagnostics& out) {
    std::vector<std::pair<std::string, int>> refs;
    c.collect_questions(refs);
    for (const auto& [id, column] : refs) {
        if (options.count(id)) continue;
        const assessment::Question* question = q ? q->question(id) : nullptr;
        if (!question) {
            out.push_back({file, line, 0, "条件が、ない質問またはオプション「" + id + "」を読んでいます。"});
            continue;
        }
    }
    std::vector<const Condition*> compares;
    c.collect_compares(compares);
    for (const Condition* cmp : compares) {
        const assessment::Question* question = q ? q->question(cmp->question) : nullptr;
        if (!question || (question->type != assessment::QuestionType::Single && question->type != assessment::QuestionType::Multiple)) continue;
        for (const assessment::Value& v : cmp->values)
            if (v.kind == assessment::Value::Kind::String && !question->option(v.text))
                out.push_back({file, line, 0, "条件: 質問「" + question->id + "」に選択肢「" + v.text + "」はありません。"});
    }
}

// Mustache names a template may use; anything else would print as nothing in mid-sentence.
void check_placeholders(const DocumentSet& set, const assessment::Questionnaire* q, const std::set<std::string>& options,
                        Diagnostics& out) {
    std::set<std::string> kProfile = {"date", "year", "regulation_title"};
    for (const std::string& name : profile_text_names()) kProfile.insert(name);
    for (const std::string& name : profile_flag_names()) kProfile.insert(name);
    static const std::regex kTag(R"(\{\{\s*[#^/]?\s*([A-Za-z0-9_.]+)\s*\}\})");
    for (const DocumentDef& d : set.documents) {
        for_each_text(d, [&](const std::string& text, int line) {
            for (auto it = std::sregex_iterator(text.begin(), text.end(), kTag); it != std::sregex_iterator(); ++it) {
                const std::string name = (*it)[1];
                const bool known = kProfile.count(name) || (name.rfind("opt.", 0) == 0 && options.count(name.substr(4))) ||
                                   (name.rfind("answer.", 0) == 0 && q && q->question(name.substr(7)));
                if (!known) out.push_back({d.file.string(), line, 0, "差し込み「{{" + name + "}}」に当たる値がありません（綴りを確かめてください）。"});
            }
        });
    }
}

}  // namespace

void check_document_conditions(const DocumentSet& set, const std::vector<assessment::Questionnaire>& questionnaires, Diagnostics& out) {
    const DocumentDef* regulation = set.regulation();
    if (!regulation) return;
    const assessment::Questionnaire* q = nullptr;
    for (const assessment::Questionnaire& candidate : questionnaires)
        if (candidate.id == regulation->questionnaire) q = &candidate;
    const std::string file = regulation->file.string();
    if (!regulation->questionnaire.empty() && !q)
        out.push_back({file, 1, 0, "questionnaire「" + regulation->questionnaire + "」の質問票がありません。"});
    std::set<std::string> options;
    for (const DocOption& o : regulation->options) {
        options.insert(o.id);
        if (std::find(profile_flag_names().begin(), profile_flag_names().end(), o.id) != profile_flag_names().end())
            out.push_back({file, o.line, 0, "オプション「" + o.id + "」が部署の情報（profile）の項目と重なっています。別の id にしてください。"});
        if (q && q->question(o.id)) out.push_back({file, o.line, 0, "オプション「" + o.id + "」が質問の id と重なっています。別の id にしてください。"});
    }
    for (const DocOption& o : regulation->options)
        for (const OptionCase& c : o.cases) check_condition(c.when, o.line, file, q, {}, out);  // cases read answers only
    std::set<std::string> readable = options;  // what the other conditions read: options and the profile's yes/no facts
    readable.insert(profile_flag_names().begin(), profile_flag_names().end());
    for (const DocumentDef& d : set.documents) {
        const std::string name = d.file.string();
        check_condition(d.when, d.line, name, q, readable, out);
        for (const Article& a : d.articles) {
            check_condition(a.when, a.line, name, q, readable, out);
            for (const Paragraph& p : a.paragraphs) {
                check_condition(p.when, p.line, name, q, readable, out);
                for (const Item& i : p.items) check_condition(i.when, i.line, name, q, readable, out);
            }
        }
        for (const Paragraph& p : d.supplementary) check_condition(p.when, p.line, name, q, readable, out);
        for (const Requirement& r : d.requirements) check_condition(r.when, r.line, name, q, readable, out);
        for (const FormRow& r : d.rows) check_condition(r.when, r.line, name, q, readable, out);
    }
    check_placeholders(set, q, options, out);
}

void check_document_glyphs(const DocumentSet& set, const FontSet& fonts, Diagnostics& out) {
    for (const DocumentDef& d : set.documents)
        if (auto text = read_file(d.file)) check_glyphs(d.file.string(), *text, fonts, out);
}

}  // namespace tebiki::documents
