#include "documents/check.h"

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
        if (q && q->question(o.id)) out.push_back({file, o.line, 0, "オプション「" + o.id + "」が質問の id と重なっています。別の id にしてください。"});
    }
    for (const DocOption& o : regulation->options)
        for (const OptionCase& c : o.cases) check_condition(c.when, o.line, file, q, {}, out);  // cases read answers only
    for (const DocumentDef& d : set.documents) {
        const std::string name = d.file.string();
        check_condition(d.when, d.line, name, q, options, out);
        for (const Article& a : d.articles) {
            check_condition(a.when, a.line, name, q, options, out);
            for (const Paragraph& p : a.paragraphs) {
                check_condition(p.when, p.line, name, q, options, out);
                for (const Item& i : p.items) check_condition(i.when, i.line, name, q, options, out);
            }
        }
        for (const Paragraph& p : d.supplementary) check_condition(p.when, p.line, name, q, options, out);
    }
}

}  // namespace tebiki::documents
