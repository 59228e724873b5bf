// Index of this file
// [SECTION] lookups
// [SECTION] reading the TOML into the model
// [SECTION] public loaders
// The checks of ids, references, conditions and thresholds are in questionnaire_checks.cpp.
#include "assessment/questionnaire.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "assessment/messages.h"
#include "assessment/questionnaire_checks.h"
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

const Question* Questionnaire::question_or_alias(std::string_view id, const Alias** alias) const {
    if (alias) *alias = nullptr;
    if (const Question* q = question(id)) return q;
    for (const Question& q : questions)
        for (const Alias& a : q.aliases)
            if (a.id == id) {
                if (alias) *alias = &a;
                return &q;
            }
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

int Questionnaire::level_index(const Level* level) const {
    for (size_t i = 0; i < levels.size(); ++i)
        if (&levels[i] == level) return int(i);
    return -1;
}

namespace {

//-----------------------------------------------------------------------------
// [SECTION] reading the TOML into the model
//-----------------------------------------------------------------------------

std::optional<double> read_fraction(TomlReader& r, std::string_view key) {
    std::optional<double> v = r.number(key);
    if (v && (*v < 0 || *v > 1)) {
        r.error_at(key, Message{says::fraction_range, {std::string(key)}});
        return std::clamp(*v, 0.0, 1.0);
    }
    return v;
}

// A whole number in [low, high]; `fallback` (with a message) for anything else.
int read_whole(TomlReader& r, std::string_view key, int fallback, int low, int high) {
    const std::optional<double> v = r.number(key);
    if (!v) return fallback;
    if (*v != std::floor(*v) || *v < low || *v > high) {
        r.error_at(key, Message{says::whole_range, {std::string(key), std::to_string(low), std::to_string(high)}});
        return fallback;
    }
    return int(*v);
}

Option read_option(const toml::table& t, TomlReader& parent) {
    TomlReader r(t, parent.file(), parent.diagnostics());
    Option o;
    o.id = r.text("id", true);
    o.label = r.text("label", true);
    o.score = read_fraction(r, "score");
    o.exclusive = r.flag("exclusive").value_or(false);
    return o;
}

Alias read_alias(const toml::table& t, TomlReader& parent) {
    TomlReader r(t, parent.file(), parent.diagnostics());
    Alias a;
    a.line = r.line();
    a.id = r.text("id", true);
    if (const toml::table* options = r.table("options")) {
        for (auto&& [key, value] : *options) {
            if (auto s = value.value<std::string>(); s && value.is_string()) a.options[std::string(key.str())] = *s;
            else r.error(int(value.source().begin.line), int(value.source().begin.column), Message{says::alias_option_value, {}});
        }
    }
    return a;
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
    if (!type.empty()) r.error_at("type", Message{says::type_unknown, {type}});
    return QuestionType::Single;
}

WhenHidden read_when_hidden(TomlReader& r) {
    const std::string value = r.text("when_hidden");
    if (value == "not_met") return WhenHidden::NotMet;
    if (!value.empty() && value != "skip")
        r.error_at("when_hidden", Message{says::when_hidden_unknown, {value}});
    return WhenHidden::Skip;
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
    q.when_hidden = read_when_hidden(r);
    q.weight = r.number("weight").value_or(1);
    if (q.weight <= 0) r.error_at("weight", Message{says::weight_positive, {}});
    q.unit = r.text("unit");
    q.min = r.number("min");
    q.max = r.number("max");
    for (const toml::table* o : r.tables("options")) q.options.push_back(read_option(*o, r));
    for (const toml::table* a : r.tables("aliases")) q.aliases.push_back(read_alias(*a, r));
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
        if (!q.options.empty()) r.error_at("options", Message{says::yesno_options, {}});
        q.options = {{"yes", "はい", yes}, {"no", "いいえ", no}};
    }
    const bool choice = q.type == QuestionType::Single || q.type == QuestionType::Multiple;
    if (choice && q.options.size() < 2) r.error(q.line, 0, Message{says::too_few_options, {q.id}});
    if (!choice && q.type != QuestionType::YesNo && !q.options.empty())
        r.error_at("options", Message{says::options_not_choice, {}});
    if (q.type != QuestionType::Number && !q.bands.empty()) r.error_at("bands", Message{says::bands_not_number, {}});
    return q;
}

Level read_level(const toml::table& t, TomlReader& parent) {
    TomlReader r(t, parent.file(), parent.diagnostics());
    Level l;
    l.id = r.text("id", true);
    l.label = r.text("label", true);
    l.short_label = r.text("short");
    l.min = r.number("min").value_or(0);
    l.description = r.text("description");
    if (l.min < 0 || l.min > 100) r.error_at("min", Message{says::level_min_range, {}});
    return l;
}

void read_scoring(Questionnaire& q, TomlReader& r) {
    const toml::table* t = r.table("scoring");
    if (!t) return;
    TomlReader sr(*t, r.file(), r.diagnostics());
    if (const auto share = sr.number("min_answered")) {
        if (*share <= 0 || *share > 1) sr.error_at("min_answered", Message{says::min_answered_range, {}});
        else q.scoring.min_answered = *share;
    }
    q.scoring.cap_above_weakest = read_whole(sr, "cap_above_weakest", q.scoring.cap_above_weakest, 0, 100);
    q.scoring.blocked_level = sr.text("blocked_level");
}

void read_areas(Questionnaire& q, TomlReader& r) {
    for (const toml::table* t : r.tables("areas")) {
        TomlReader ar(*t, r.file(), r.diagnostics());
        Area a;
        a.line = ar.line();
        a.id = ar.text("id", true);
        a.name = ar.text("name", true);
        a.short_name = ar.text("short");
        a.weight = ar.number("weight").value_or(1);
        if (a.weight <= 0) ar.error_at("weight", Message{says::weight_positive, {}});
        a.critical = ar.flag("critical").value_or(false);
        a.guide = ar.texts("guide");
        q.areas.push_back(std::move(a));
    }
}

void read_blockers_advice_checks(Questionnaire& q, TomlReader& r) {
    for (const toml::table* t : r.tables("blockers")) {
        TomlReader br(*t, r.file(), r.diagnostics());
        Blocker b;
        b.line = br.line();
        b.id = br.text("id", true);
        read_condition(br, "when", b.when, b.when_text);
        if (b.when_text.empty()) br.error(b.line, 0, Message{says::blocker_no_when, {b.id}});
        b.message = br.text("message", true);
        b.short_text = br.text("short");
        b.needs = br.texts("needs");
        b.confirm = br.text("confirm");
        if (!b.needs.empty() && b.confirm.empty()) br.error(b.line, 0, Message{says::blocker_needs_confirm, {b.id}});
        b.guide = br.texts("guide");
        q.blockers.push_back(std::move(b));
    }
    for (const toml::table* t : r.tables("advice")) {
        TomlReader ar(*t, r.file(), r.diagnostics());
        Advice a;
        a.line = ar.line();
        a.id = ar.text("id");
        a.area = ar.text("area", true);
        read_condition(ar, "when", a.when, a.when_text);
        a.levels = ar.texts("levels");
        a.text = ar.text("text", true);
        a.guide = ar.texts("guide");
        q.advice.push_back(std::move(a));
    }
    for (const toml::table* t : r.tables("checks")) {
        TomlReader cr(*t, r.file(), r.diagnostics());
        ConsistencyCheck c;
        c.line = cr.line();
        c.id = cr.text("id", true);
        read_condition(cr, "when", c.when, c.when_text);
        if (c.when_text.empty()) cr.error(c.line, 0, Message{says::check_no_when, {c.id}});
        c.message = cr.text("message", true);
        c.guide = cr.texts("guide");
        q.checks.push_back(std::move(c));
    }
}

void read_document(Questionnaire& q, TomlReader& r) {
    q.id = r.text("id", true);
    q.title = r.text("title", true);
    q.version = read_whole(r, "version", 1, 1, 9999);
    q.order = read_whole(r, "order", 100, -1000000, 1000000);
    q.description = r.text("description");
    const std::string kind = r.text("kind");
    if (kind == "tasks") q.kind = Questionnaire::Kind::Tasks;
    else if (!kind.empty() && kind != "department")
        r.error_at("kind", Message{says::kind_unknown, {kind}});
    q.task_label = r.text("task_label");
    q.summary = r.texts("summary");
    read_scoring(q, r);
    read_areas(q, r);
    for (const toml::table* t : r.tables("questions")) q.questions.push_back(read_question(*t, r));
    for (const toml::table* t : r.tables("levels")) q.levels.push_back(read_level(*t, r));
    read_blockers_advice_checks(q, r);
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
        diagnostics.push_back(diagnostic(file.string(), int(e.source().begin.line), int(e.source().begin.column),
                                         {{says::toml_syntax, {std::string(e.description())}}}));
        return std::nullopt;
    }
    const size_t before = diagnostics.size();
    validate_questionnaire(q, diagnostics);
    // What the checks reported stays reported; what would point nowhere is dropped so that no
    // screen or report ever looks up a question that is not there.
    std::erase_if(q.summary, [&](const std::string& id) { return !q.question(id); });
    for (Blocker& b : q.blockers) std::erase_if(b.needs, [&](const std::string& id) { return !q.question(id); });
    if (!q.scoring.blocked_level.empty() &&
        std::none_of(q.levels.begin(), q.levels.end(), [&](const Level& l) { return l.id == q.scoring.blocked_level; }))
        q.scoring.blocked_level.clear();
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
        diagnostics.push_back(diagnostic(dir.string(), 0, 0, {{says::folder_unreadable, {ec.message()}}}));
        return out;
    }
    std::sort(files.begin(), files.end());
    std::set<std::string> ids;
    for (const fs::path& file : files) {
        auto q = load_questionnaire(file, diagnostics);
        if (!q) continue;
        if (!ids.insert(q->id).second) {
            diagnostics.push_back(diagnostic(file.string(), 1, 0, {{says::id_in_two_files, {q->id}}}));
            continue;
        }
        out.push_back(std::move(*q));
    }
    std::stable_sort(out.begin(), out.end(), [](const Questionnaire& a, const Questionnaire& b) { return a.order < b.order; });
    return out;
}

}  // namespace tebiki::assessment
