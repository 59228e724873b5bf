#include "storage/store_uri.h"

#include <libpq-fe.h>

#include <memory>
#include <vector>

namespace tebiki::storage {

namespace {

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

std::string percent_decoded(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        auto hex = [](char c) { return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1; };
        if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
            out += char(hex(text[i + 1]) * 16 + hex(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

using Options = std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)>;

// libpq's own reading of the URI; null with its message when it refuses it.
Options parsed(std::string_view uri, std::string* message) {
    char* error = nullptr;
    Options options(PQconninfoParse(std::string(uri).c_str(), &error), &PQconninfoFree);
    if (!options && message) *message = error ? error : "";
    PQfreemem(error);
    while (message && !message->empty() && (message->back() == '\n' || message->back() == ' ')) message->pop_back();
    return options;
}

std::string option_value(const Options& options, const char* keyword) {
    for (const PQconninfoOption* o = options.get(); o && o->keyword; ++o)
        if (std::string_view(o->keyword) == keyword && o->val) return o->val;
    return {};
}

// The passwords a URI carries (user:PASSWORD@ and ?password=), as written and decoded.
std::vector<std::string> passwords_in(std::string_view uri) {
    std::vector<std::string> out;
    const size_t scheme = uri.find("://");
    if (scheme == std::string_view::npos) return out;
    const std::string_view rest = uri.substr(scheme + 3);
    const size_t stop = rest.find_first_of("@/");
    if (stop != std::string_view::npos && rest[stop] == '@') {
        const std::string_view user_info = rest.substr(0, stop);
        if (const size_t colon = user_info.find(':'); colon != std::string_view::npos) out.emplace_back(user_info.substr(colon + 1));
    }
    for (size_t at = rest.find("password="); at != std::string_view::npos; at = rest.find("password=", at + 1)) {
        const std::string_view value = rest.substr(at + 9, rest.find('&', at) == std::string_view::npos ? std::string_view::npos : rest.find('&', at) - at - 9);
        out.emplace_back(value);
    }
    const size_t n = out.size();
    for (size_t i = 0; i < n; ++i) out.push_back(percent_decoded(out[i]));
    return out;
}

// libpq's message about a URI it refused may quote part of it: never a password.
std::string scrubbed(std::string message, std::string_view uri) {
    for (const std::string& password : passwords_in(uri)) {
        if (password.empty()) continue;
        for (size_t at = message.find(password); at != std::string::npos; at = message.find(password, at + 4)) message.replace(at, password.size(), "****");
    }
    return message;
}

}  // namespace

std::string without_password(std::string_view uri) {
    const size_t scheme = uri.find("://");
    if (scheme == std::string_view::npos) return std::string(uri);
    std::string out(uri.substr(0, scheme + 3));
    std::string_view rest = uri.substr(scheme + 3);
    // libpq's reading: user info ends at the first '@' before any '/'.
    const size_t stop = rest.find_first_of("@/");
    if (stop != std::string_view::npos && rest[stop] == '@') {
        const std::string_view user_info = rest.substr(0, stop);
        out += user_info.substr(0, user_info.find(':'));
        out += '@';
        rest = rest.substr(stop + 1);
    }
    const size_t query = rest.find('?');
    out += rest.substr(0, query);
    if (query == std::string_view::npos) return out;
    std::string kept;
    std::string_view params = rest.substr(query + 1);
    while (!params.empty()) {
        const size_t amp = params.find('&');
        const std::string_view item = params.substr(0, amp);
        if (percent_decoded(item.substr(0, item.find('='))) != "password") kept += (kept.empty() ? "" : "&") + std::string(item);
        params = amp == std::string_view::npos ? std::string_view() : params.substr(amp + 1);
    }
    return kept.empty() ? out : out + "?" + kept;
}

bool has_password(std::string_view uri) {
    const Options options = parsed(uri, nullptr);
    return options && !option_value(options, "password").empty();
}

std::optional<StoreChoice> parse_store(std::string_view text, const std::string& origin, std::string* error) {
    const std::string where = origin == "setting" ? "管理画面の「記録の保存先」" : origin;
    StoreChoice choice;
    choice.origin = origin;
    if (text == "sqlite") {
        choice.shown = "sqlite";
        return choice;
    }
    if (starts_with(text, "sqlite:")) {
        choice.sqlite_path = std::string(text.substr(7));
        choice.shown = std::string(text);
        if (choice.sqlite_path.empty()) {
            if (error) *error = where + " の sqlite: の後にファイルのパスがありません（例：sqlite:/var/lib/tebiki/tebiki.sqlite）。";
            return std::nullopt;
        }
        return choice;
    }
    choice.shown = without_password(text);
    if (!starts_with(text, "postgresql://") && !starts_with(text, "postgres://")) {
        if (error)
            *error = where + " の「" + choice.shown +
                     "」は使えません。sqlite、sqlite:ファイルのパス、または postgresql://利用者@ホスト:ポート/データベース の形で指定してください。";
        return std::nullopt;
    }
    std::string message;
    const Options options = parsed(text, &message);
    if (!options) {
        if (error) *error = where + " の「" + choice.shown + "」を読めません（" + scrubbed(message, text) + "）。";
        return std::nullopt;
    }
    choice.kind = StoreChoice::Kind::Postgres;
    choice.uri = std::string(text);
    const std::string host = option_value(options, "host").empty() ? option_value(options, "hostaddr") : option_value(options, "host");
    choice.server_key = option_value(options, "user") + "@" + (host.empty() ? "localhost" : host) + ":" +
                        (option_value(options, "port").empty() ? "5432" : option_value(options, "port")) + "/" + option_value(options, "dbname");
    return choice;
}

std::optional<StoreChoice> choose_store(const std::optional<std::string>& option, const std::optional<std::string>& environment,
                                        const std::optional<std::string>& setting, std::string* error) {
    if (option && !option->empty()) return parse_store(*option, "--store", error);
    if (environment && !environment->empty()) return parse_store(*environment, "TEBIKI_STORE", error);
    if (setting && !setting->empty()) return parse_store(*setting, "setting", error);
    return parse_store("sqlite", "default", error);
}

std::optional<StoreChoice> choose_store(const std::optional<std::string>& option, const std::optional<std::string>& environment,
                                        const std::optional<std::string>& system, const std::string& system_file,
                                        const std::optional<std::string>& setting, std::string* error, std::string* skipped) {
    if ((option && !option->empty()) || (environment && !environment->empty()) || !system || system->empty())
        return choose_store(option, environment, setting, error);
    std::string refused;
    if (auto choice = parse_store(*system, system_file, &refused)) return choice;
    if (skipped) *skipped = refused;
    return choose_store(std::nullopt, std::nullopt, setting, error);
}

}  // namespace tebiki::storage
