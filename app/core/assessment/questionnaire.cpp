// Index of this file
// [SECTION] lookups
// [SECTION] reading the TOML into the model
// [SECTION] validation of ids, references, conditions and thresholds
// [SECTION] public loaders
#include "assessment/questionnaire.h"

#include <algorithm>
#include <set>

#include "assessment/toml_reader.h"
#include "util/file_io.h"
#include "util/toml_guard.h"

namespace tebiki::assessment {

namespace fs = std::filesystem;

//-----------------------------------------------------------------------------
// [SECTION] lookups
//-----------------------------------------------------------------------------

const Option* Question::option(std::string_view option_id) const {
    for (const Option& o : options)
        if (o.id == option_id) return &o;
    return nullptr;
}

bool Question::scored() const {
    if (type == QuestionType::Number) return !bands.empty();
    if (type == QuestionType::Text) return false;
    return std::any_of(options.begin(), options.end(), [](const Option& o) { return o.score.has_value(); });
}

const Question* Questionnaire::question(std::string_view question_id) const {
    for (const Question& q : questions)
        if (q.id == question_id) return &q;
    return nullptr;
}

const Area* Questionnaire::area(std::string_view area_id) const {
    for (const Area& a : areas)
        if (a.id == area_id) return &a;
    return nullptr;
}

const Level* Questionnaire::level_for(double score) const {
    const Level* found = nullptr;
    for (const Level& l : levels)
        if (score >= l.min) found = &l;
    return found;
}

namespace {

//-----------------------------------------------------------------------------
// [SECTION] reading the TOML into the model
//-----------------------------------------------------------------------------

std::optional<double> read_fraction(TomlReader& r, std::string_view key) {
    std::optional<double> v = r.number(key);
    if (v && (*v < 0 || *v > 1)) {
        r.error_at(key, "「" + std::string(key) + "」は 0 から 1 の数で書いてください（満点に対する割合）。");
        return std::clamp(*v, 0.0, 1.0);
    }
    return v;
}

Option read_option(const toml::table& t, TomlReader& parent) {
    TomlReader r(t, parent.file(), parent.diagnostics());
    Option o;
    o.id = r.text("id", true);
    o.label = r.text("label", true);
    o.score = read_fraction(r, "score");
    return o;
}

QuestionType read_type(TomlReader& r) {
    static const std::pair<const char*, QuestionType> names[] = {{"single", QuestionType::Single},
                                                                 {"multiple", QuestionType::Multiple},
                                                                 {"yesno", QuestionType::YesNo},
                                                                 {"number", QuestionType::Number},
                                                                 {"text", QuestionType::Text}};
    const std::string type = r.text("type", true);
    for (auto& [name, value] : names)
        if (type == name) return value;
    if (!type.empty()) r.error_at("type", "type「" + type + "」は使えません（single, multiple, yesno, number, text）。");
    return QuestionType::Single;
}

Question read_question(const toml::table& t, TomlReader& parent) {
    TomlReader r(t, parent.file(), parent.diagnostics());
    Question q;
    q.line = r.line();
    q.id = r.text("id", true);
    q.area = r.text("area");
    q.text = r.text("text", true);
    q.short_text = r.text("short");
    q.help = r.text("help");
    q.guide = r.text("guide");
    q.type = read_type(r);
    q.allow_unknown = r.flag("unknown").value_or(true);
    read_condition(r, "show_if", q.show_if, q.show_if_text);
    q.weight = r.number("weight").value_or(1);
    if (q.weight <= 0) r.error_at("weight", "weight は 0 より大きい数で書いてください。");
    q.unit = r.text("unit");
    q.min = r.number("min");
    q.max = r.number("max");
    for (const toml::table* o : r.tables("options")) q.options.push_back(read_option(*o, r));
    for (const toml::table* b : r.tables("bands")) {
        TomlReader br(*b, r.file(), r.diagnostics());
        NumberBand band;
        band.min = br.number("min").value_or(-1e300);
        band.max = br.number("max").value_or(1e300);
        band.score = read_fraction(br, "score").value_or(0);
        q.bands.push_back(band);
    }
    if (q.type == QuestionType::YesNo) {
        // Labels are fixed; scores may be given as yes_score / no_score.
        std::optional<double> yes = read_fraction(r, "yes_score"), no = read_fraction(r, "no_score");
        if (!q.options.empty()) r.error_at("options", "yesno の質問に options は書けません（yes_score, no_score を使います）。");
        q.options = {{"yes", "はい", yes}, {"no", "いいえ", no}};
    }
    const bool choice = q.type == QuestionType::Single || q.type == QuestionType::Multiple;
    if (choice && q.options.size() < 2) r.error(q.line, 0, "質問「" + q.id + "」には選択肢（[[questions.options]]）が2つ以上必要です。");
    if (!choice && q.type != QuestionType::YesNo && !q.options.empty())
        r.error_at("options", "この種類の質問に選択肢は書けません。");
    if (q.type != QuestionType::Number && !q.bands.empty()) r.error_at("bands", "bands は number の質問にだけ書けます。");
    return q;
}

Level read_level(const toml::table& t, TomlReader& parent) {
    TomlReader r(t, parent.file(), parent.diagnostics());
    Level l;
    l.id = r.text("id", true);
    l.label = r.text("label", true);
    l.min = r.number("min").value_or(0);
    l.description = r.text("description");
    if (l.min < 0 || l.min > 100) r.error_at("min", "min は 0 から 100 の数で書いてください。");
    return l;
}

void read_document(Questionnaire& q, TomlReader& r) {
    q.id = r.text("id", true);
    q.title = r.text("title", true);
    q.version = int(r.number("version").value_or(1));
    q.order = int(r.number("order").value_or(100));
    q.description = r.text("description");
    const std::string kind = r.text("kind");
    if (kind == "tasks") q.kind = Questionnaire::Kind::Tasks;
    else if (!kind.empty() && kind != "department")
        r.error_at("kind", "kind「" + kind + "」は使えません（department または tasks）。");
    q.task_label = r.text("task_label");
    q.summary = r.texts("summary");

    for (const toml::table* t : r.tables("areas")) {
        TomlReader ar(*t, r.file(), r.diagnostics());
        Area a;
        a.line = ar.line();
        a.id = ar.text("id", true);
        a.name = ar.text("name", true);
        a.short_name = ar.text("short");
        a.weight = ar.number("weight").value_or(1);
        if (a.weight <= 0) ar.error_at("weight", "weight は 0 より大きい数で書いてください。");
        a.guide = ar.texts("guide");
        q.areas.push_back(std::move(a));
    }
    for (const toml::table* t : r.tables("questions")) q.questions.push_back(read_question(*t, r));
    for (const toml::table* t : r.tables("levels")) q.levels.push_back(read_level(*t, r));
    for (const toml::table* t : r.tables("blockers")) {
        TomlReader br(*t, r.file(), r.diagnostics());
        Blocker b;
        b.line = br.line();
        b.id = br.text("id", true);
        read_condition(br, "when", b.when, b.when_text);
        if (b.when_text.empty()) br.error(b.line, 0, "blocker「" + b.id + "」に when がありません。");
        b.message = br.text("message", true);
        b.guide = br.texts("guide");
        q.blockers.push_back(std::move(b));
    }
    for (const toml::table* t : r.tables("advice")) {
        TomlReader ar(*t, r.file(), r.diagnostics());
        Advice a;
        a.line = ar.line();
        a.area = ar.text("area", true);
        a.levels = ar.texts("levels");
        a.text = ar.text("text", true);
        a.guide = ar.texts("guide");
        q.advice.push_back(std::move(a));
    }
    for (const toml::table* t : r.tables("classes")) {
        TomlReader cr(*t, r.file(), r.diagnostics());
        q.classes.push_back({cr.text("id", true), cr.text("label", true)});
    }
    for (const toml::table* t : r.tables("rules")) {
        TomlReader rr(*t, r.file(), r.diagnostics());
        TaskRule rule;
        rule.line = rr.line();
        read_condition(rr, "when", rule.when, rule.when_text);
        rule.assign = rr.text("class");
        rule.reason = rr.text("reason");
        rule.change = rr.text("change");
        rule.guide = rr.texts("guide");
        q.rules.push_back(std::move(rule));
    }
}

//-----------------------------------------------------------------------------
// [SECTION] validation of ids, references, conditions and thresholds
//-----------------------------------------------------------------------------

template <typename T, typename Id>
void check_unique(const std::vector<T>& items, Id id_of, const char* what, const std::string& file, Diagnostics& out,
                  int (*line_of)(const T&)) {
    std::set<std::string> seen;
    for (const T& item : items) {
        const std::string id = id_of(item);
        if (id.empty()) continue;
        if (!seen.insert(id).second) out.push_back({file, line_of(item), 0, std::string(what) + "の id「" + id + "」が重複しています。"});
    }
}

// The questions a condition reads must exist (and, for show_if, come earlier); compared values
// must be option ids of choice questions, true/false for yes/no and numbers for numbers.
void check_condition(const Questionnaire& q, const Condition& c, size_t visible_before, int line, const std::string& where,
                     Diagnostics& out) {
    std::vector<std::pair<std::string, int>> refs;
    c.collect_questions(refs);
    for (auto& [id, column] : refs) {
        const Question* target = q.question(id);
        if (!target) {
            out.push_back({q.file.string(), line, 0, where + "の条件が、ない質問「" + id + "」を参照しています。"});
            continue;
        }
        if (size_t(target - q.questions.data()) >= visible_before)
            out.push_back({q.file.string(), line, 0, where + "の条件は、後にある質問「" + id + "」を参照できません。"});
    }
    std::vector<const Condition*> compares;
    c.collect_compares(compares);
    for (const Condition* cmp : compares) {
        const Question* target = q.question(cmp->question);
        if (!target) continue;
        for (const Value& v : cmp->values) {
            std::string problem;
            switch (target->type) {
            case QuestionType::Single:
            case QuestionType::Multiple:
                if (v.kind != Value::Kind::String) problem = "選択肢の id を '…' で書いてください";
                else if (!target->option(v.text)) problem = "質問「" + target->id + "」に選択肢「" + v.text + "」はありません";
                break;
            case QuestionType::YesNo:
                if (v.kind != Value::Kind::Bool) problem = "はい／いいえの質問とは true か false で比べてください";
                break;
            case QuestionType::Number:
                if (v.kind != Value::Kind::Number) problem = "数の質問とは数で比べてください";
                break;
            case QuestionType::Text:
                if (v.kind != Value::Kind::String) problem = "文字の質問とは '…' で比べてください";
                break;
            }
            if (cmp->kind == Condition::Kind::Has && target->type != QuestionType::Multiple)
                problem = "has は複数選択の質問にだけ使えます";
            if (!problem.empty()) out.push_back({q.file.string(), line, 0, where + "の条件: " + problem + "。"});
        }
    }
}

void validate(const Questionnaire& q, Diagnostics& out) {
    const std::string file = q.file.string();
    if (!q.id.empty() && q.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_-") != std::string::npos)
        out.push_back({file, 1, 0, "id は半角英小文字・数字・_・- で書いてください。"});
    check_unique<Area>(q.areas, [](const Area& a) { return a.id; }, "領域", file, out, [](const Area& a) { return a.line; });
    check_unique<Question>(q.questions, [](const Question& x) { return x.id; }, "質問", file, out,
                           [](const Question& x) { return x.line; });
    check_unique<Blocker>(q.blockers, [](const Blocker& b) { return b.id; }, "blocker", file, out,
                          [](const Blocker& b) { return b.line; });
    check_unique<Level>(q.levels, [](const Level& l) { return l.id; }, "レベル", file, out, [](const Level&) { return 0; });
    check_unique<TaskClass>(q.classes, [](const TaskClass& c) { return c.id; }, "区分", file, out,
                            [](const TaskClass&) { return 0; });

    for (size_t i = 0; i < q.questions.size(); ++i) {
        const Question& question = q.questions[i];
        const std::string where = "質問「" + question.id + "」";
        if (question.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos)
            out.push_back({file, question.line, 0, where + "の id は半角英小文字・数字・_ で書いてください。"});
        if (q.kind == Questionnaire::Kind::Department && !q.area(question.area))
            out.push_back({file, question.line, 0, where + "の領域「" + question.area + "」がありません。"});
        std::set<std::string> option_ids;
        for (const Option& o : question.options)
            if (!option_ids.insert(o.id).second) out.push_back({file, question.line, 0, where + "の選択肢「" + o.id + "」が重複しています。"});
        if (question.min && question.max && *question.min > *question.max)
            out.push_back({file, question.line, 0, where + "の min が max より大きくなっています。"});
        check_condition(q, question.show_if, i, question.line, where + "の show_if", out);
    }
    for (const Blocker& b : q.blockers) check_condition(q, b.when, q.questions.size(), b.line, "blocker「" + b.id + "」", out);
    for (const TaskRule& r : q.rules) {
        check_condition(q, r.when, q.questions.size(), r.line, "rule", out);
        if (!r.assign.empty() && std::none_of(q.classes.begin(), q.classes.end(), [&](const TaskClass& c) { return c.id == r.assign; }))
            out.push_back({file, r.line, 0, "rule の区分「" + r.assign + "」が [[classes]] にありません。"});
    }
    for (const Advice& a : q.advice) {
        if (!q.area(a.area)) out.push_back({file, a.line, 0, "advice の領域「" + a.area + "」がありません。"});
        for (const std::string& level : a.levels)
            if (std::none_of(q.levels.begin(), q.levels.end(), [&](const Level& l) { return l.id == level; }))
                out.push_back({file, a.line, 0, "advice のレベル「" + level + "」が [[levels]] にありません。"});
    }
    for (const std::string& id : q.summary)
        if (!q.question(id)) out.push_back({file, 1, 0, "summary の質問「" + id + "」がありません。"});

    if (q.kind == Questionnaire::Kind::Department) {
        if (q.areas.empty()) out.push_back({file, 1, 0, "[[areas]] がありません。"});
        if (q.levels.empty()) out.push_back({file, 1, 0, "[[levels]] がありません。"});
    }
    for (size_t i = 0; i < q.levels.size(); ++i) {
        if (i == 0 && q.levels[i].min != 0) out.push_back({file, 0, 0, "最初のレベルの min は 0 にしてください。"});
        if (i > 0 && q.levels[i].min <= q.levels[i - 1].min)
            out.push_back({file, 0, 0, "レベル「" + q.levels[i].id + "」の min が前のレベル以下です（小さい順に並べてください）。"});
    }
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] public loaders
//-----------------------------------------------------------------------------

std::optional<Questionnaire> load_questionnaire(const fs::path& file, Diagnostics& diagnostics) {
    std::string error;
    auto text = read_file(file, &error);
    if (!text) {
        diagnostics.push_back({file.string(), 0, 0, error});
        return std::nullopt;
    }
    return parse_questionnaire(*text, file, diagnostics);
}

std::optional<Questionnaire> parse_questionnaire(std::string_view text, const fs::path& file, Diagnostics& diagnostics) {
    Questionnaire q;
    q.file = file;
    try {
        const toml::table root = parse_toml(text, file.string());
        {
            TomlReader r(root, file.string(), diagnostics);
            read_document(q, r);
        }
    } catch (const toml::parse_error& e) {
        diagnostics.push_back({file.string(), int(e.source().begin.line), int(e.source().begin.column),
                               "TOML の書式が正しくありません: " + std::string(e.description())});
        return std::nullopt;
    }
    const size_t before = diagnostics.size();
    validate(q, diagnostics);
    // What the checks reported stays reported; what would point nowhere is dropped so that no
    // screen or report ever looks up a question that is not there.
    std::erase_if(q.summary, [&](const std::string& id) { return !q.question(id); });
    // Line 0 means "somewhere in the file": point at the top rather than print no line at all.
    for (size_t i = before; i < diagnostics.size(); ++i)
        if (diagnostics[i].line == 0) diagnostics[i].line = 1;
    if (q.id.empty()) return std::nullopt;
    return q;
}

std::vector<Questionnaire> load_questionnaires(const fs::path& dir, Diagnostics& diagnostics) {
    std::vector<Questionnaire> out;
    std::error_code ec;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.path().extension() == ".toml") files.push_back(entry.path());
    if (ec) {
        diagnostics.push_back({dir.string(), 0, 0, "質問票のフォルダを読み込めません: " + ec.message()});
        return out;
    }
    std::sort(files.begin(), files.end());
    std::set<std::string> ids;
    for (const fs::path& file : files) {
        auto q = load_questionnaire(file, diagnostics);
        if (!q) continue;
        if (!ids.insert(q->id).second) {
            diagnostics.push_back({file.string(), 1, 0, "質問票の id「" + q->id + "」が別のファイルと重複しています。"});
            continue;
        }
        out.push_back(std::move(*q));
    }
    std::stable_sort(out.begin(), out.end(), [](const Questionnaire& a, const Questionnaire& b) { return a.order < b.order; });
    return out;
}

}  // namespace tebiki::assessment
