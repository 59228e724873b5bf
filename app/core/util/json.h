// Just enough JSON output for the CLI's --json modes (strings escaped per RFC 8259), shared by the CLI and the exports.
#pragma once
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace tebiki {

inline std::string json_string(std::string_view s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += char(c);
                }
        }
    }
    return out + "\"";
}

// {"a":"text","n":3,"x":null,"list":[…]} built field by field (values already JSON with raw()).
class JsonObject {
public:
    JsonObject& add(std::string_view key, std::string_view text) { return raw(key, json_string(text)); }
    JsonObject& add(std::string_view key, const char* text) { return raw(key, json_string(text)); }
    JsonObject& add(std::string_view key, int64_t n) { return raw(key, std::to_string(n)); }
    JsonObject& add(std::string_view key, int n) { return raw(key, std::to_string(n)); }
    JsonObject& add(std::string_view key, const std::optional<int64_t>& n) { return raw(key, n ? std::to_string(*n) : "null"); }
    JsonObject& raw(std::string_view key, std::string_view json) {
        out_ += (out_.size() > 1 ? "," : "") + json_string(key) + ":";
        out_ += json;
        return *this;
    }
    std::string str() const { return out_ + "}"; }

private:
    std::string out_ = "{";
};

}  // namespace tebiki
