#include "documents/profile.h"

#include <algorithm>

#include "assessment/toml_reader.h"
#include "util/file_io.h"
#include "util/toml_guard.h"

namespace tebiki::documents {

namespace {

// Exclusion names (as the profile and the issue write them) → the flag conditions read.
const std::vector<std::pair<std::string, std::string>>& exclusion_flags() {
    static const std::vector<std::pair<std::string, std::string>> kFlags = {
        {"臨時的任用職員", "exclude_temporary"},
        {"会計年度任用職員", "exclude_fiscal_year"},
        {"条件付採用期間中の職員", "exclude_probation"},
        {"派遣中の職員", "exclude_dispatched"}};
    return kFlags;
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

bool blank(const std::string& s) {
    for (size_t i = 0; i < s.size();) {
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') ++i;
        else if (s.compare(i, 3, "　") == 0) i += 3;
        else return false;
    }
    return true;
}

bool ends_with(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// TOML basic string: quotes, backslashes and control characters escaped.
std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += std::string("\\") + c;
        else if (c == '\n') out += "\\n";
        else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) continue;
        else out += c;
    }
    return out + "\"";
}

}  // namespace

const std::vector<std::string>& enactment_kinds() {
    static const std::vector<std::string> kKinds = {"訓令", "告示", "要綱決定"};
    return kKinds;
}

const std::vector<std::string>& staff_exclusions() {
    static const std::vector<std::string> kNames = [] {
        std::vector<std::string> names;
        for (const auto& [name, flag] : exclusion_flags()) names.push_back(name);
        return names;
    }();
    return kNames;
}

const std::vector<std::string>& profile_text_names() {
    static const std::vector<std::string> kNames = {"municipality", "department", "head_title", "head_name", "staff_count",
                                                    "contact", "working_hours_ordinance", "salary_ordinance",
                                                    "enactment_number", "admin_head", "mayor"};
    return kNames;
}

const std::vector<std::string>& profile_flag_names() {
    static const std::vector<std::string> kNames = [] {
        std::vector<std::string> names = {"all_appointers", "exclude_any", "enactment_kunrei", "enactment_kokuji", "enactment_kettei"};
        for (const auto& [name, flag] : exclusion_flags()) names.push_back(flag);
        return names;
    }();
    return kNames;
}

std::map<std::string, std::string> profile_texts(const Profile& p) {
    std::string mayor = p.mayor;
    if (blank(mayor)) {
        // The head of the municipality from its name: 区長, 市長, 町長, 村長 (else the default).
        mayor.clear();
        for (const char* suffix : {"区", "市", "町", "村"})
            if (ends_with(p.municipality, suffix)) mayor = std::string(suffix) + "長";
    }
    return {{"municipality", p.municipality},
            {"department", p.department},
            {"head_title", p.head_title},
            {"head_name", p.head_name},
            {"staff_count", p.staff_count},
            {"contact", p.contact},
            {"working_hours_ordinance", blank(p.working_hours_ordinance) ? "" : p.working_hours_ordinance},
            {"salary_ordinance", blank(p.salary_ordinance) ? "" : p.salary_ordinance},
            {"enactment_number", blank(p.enactment_number) ? "" : p.enactment_number},
            {"admin_head", blank(p.admin_head) ? "" : p.admin_head},
            {"mayor", mayor}};
}

std::map<std::string, bool> profile_flags(const Profile& p) {
    std::map<std::string, bool> flags = {{"all_appointers", p.all_appointers},
                                         {"exclude_any", !p.exclude.empty()},
                                         {"enactment_kunrei", p.enactment == "訓令"},
                                         {"enactment_kokuji", p.enactment == "告示"},
                                         {"enactment_kettei", p.enactment == "要綱決定"}};
    for (const auto& [name, flag] : exclusion_flags()) flags[flag] = contains(p.exclude, name);
    return flags;
}

std::vector<std::string> profile_problems(const Profile& p) {
    std::vector<std::string> out;
    if (blank(p.municipality)) out.push_back("自治体名（municipality）が空です。要綱の題名と本文に入るので、必ず入れてください。");
    if (!contains(enactment_kinds(), p.enactment))
        out.push_back("制定の形式（enactment）「" + p.enactment + "」は、訓令、告示、要綱決定のいずれかです。");
    if (!p.enactment_number.empty() && !std::all_of(p.enactment_number.begin(), p.enactment_number.end(), [](char c) { return c >= '0' && c <= '9'; }))
        out.push_back("訓令・告示の番号（enactment_number）「" + p.enactment_number + "」は、数字で書いてください。");
    for (const std::string& e : p.exclude)
        if (!contains(staff_exclusions(), e))
            out.push_back("対象から除く職員（exclude）「" + e + "」は、臨時的任用職員、会計年度任用職員、条件付採用期間中の職員、派遣中の職員のいずれかです。");
    return out;
}

bool parse_profile(std::string_view text, const std::string& file, Profile& out, Diagnostics& diagnostics, bool facts_only) {
    const size_t before = diagnostics.size();
    try {
        const toml::table root = parse_toml(text, file);
        assessment::TomlReader r(root, file, diagnostics);
        if (!facts_only) {
            out.municipality = r.text("municipality", true);
            out.department = r.text("department", true);
            out.head_title = r.text("head_title");
            out.head_name = r.text("head_name");
            if (const auto n = r.number("staff_count")) out.staff_count = std::to_string(long(*n));
            out.contact = r.text("contact");
            if (root.contains("municipality") && blank(out.municipality))
                r.error_at("municipality", "自治体名（municipality）が空です。要綱の題名と本文に入るので、必ず入れてください。");
        }
        out.working_hours_ordinance = r.text("working_hours_ordinance");
        out.salary_ordinance = r.text("salary_ordinance");
        if (root.contains("enactment")) {
            out.enactment = r.text("enactment");
            if (!contains(enactment_kinds(), out.enactment)) r.error_at("enactment", "enactment は \"訓令\"、\"告示\"、\"要綱決定\" のいずれかです。");
        }
        if (const auto n = r.number("enactment_number")) {
            if (*n < 1 || *n != double(long(*n))) r.error_at("enactment_number", "enactment_number は 1 以上の整数です。");
            else out.enactment_number = std::to_string(long(*n));
        }
        out.admin_head = r.text("admin_head");
        out.mayor = r.text("mayor");
        if (const auto b = r.flag("all_appointers")) out.all_appointers = *b;
        if (root.contains("exclude")) {
            out.exclude = r.texts("exclude");
            for (const std::string& e : out.exclude)
                if (!contains(staff_exclusions(), e))
                    r.error_at("exclude", "exclude の「" + e + "」は、\"臨時的任用職員\"、\"会計年度任用職員\"、\"条件付採用期間中の職員\"、\"派遣中の職員\" のいずれかです。");
        }
    } catch (const toml::parse_error& e) {
        diagnostics.push_back({file, int(e.source().begin.line), int(e.source().begin.column),
                               "TOML の書式が正しくありません: " + std::string(e.description())});
        return false;
    }
    return diagnostics.size() == before;
}

bool load_profile(const std::filesystem::path& file, Profile& out, Diagnostics& diagnostics) {
    std::string error;
    const auto text = read_file(file, &error);
    if (!text) {
        diagnostics.push_back({file.string(), 0, 0, error});
        return false;
    }
    return parse_profile(*text, file.string(), out, diagnostics);
}

std::string facts_to_toml(const Profile& p) {
    std::string out;
    auto text = [&](const char* key, const std::string& value) {
        if (!value.empty()) out += std::string(key) + " = " + quoted(value) + "\n";
    };
    text("working_hours_ordinance", p.working_hours_ordinance);
    text("salary_ordinance", p.salary_ordinance);
    text("enactment", p.enactment);
    if (!p.enactment_number.empty() && std::all_of(p.enactment_number.begin(), p.enactment_number.end(), [](char c) { return c >= '0' && c <= '9'; }))
        out += "enactment_number = " + p.enactment_number + "\n";
    text("admin_head", p.admin_head);
    text("mayor", p.mayor);
    out += std::string("all_appointers = ") + (p.all_appointers ? "true" : "false") + "\n";
    out += "exclude = [";
    for (size_t i = 0; i < p.exclude.size(); ++i) out += (i ? ", " : "") + quoted(p.exclude[i]);
    return out + "]\n";
}

}  // namespace tebiki::documents
