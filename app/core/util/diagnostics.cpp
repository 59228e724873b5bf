#include "util/diagnostics.h"

namespace tebiki {

std::string Message::fallback() const {
    std::string out = id;
    for (size_t i = 0; i < args.size(); ++i) out += (i == 0 ? "(" : ", ") + args[i] + (i + 1 == args.size() ? ")" : "");
    return out;
}

Diagnostic diagnostic(std::string file, int line, int column, std::vector<Message> said) {
    return {std::move(file), line, column, {}, std::move(said)};
}

std::string Diagnostic::to_string() const {
    std::string out = file;
    if (line > 0) {
        out += ":" + std::to_string(line);
        if (column > 0) out += ":" + std::to_string(column);
    }
    out += ": ";
    if (!message.empty() || said.empty()) return out + message;
    for (const Message& m : said) out += m.fallback();  // not worded yet: ids stay visible
    return out;
}

}  // namespace tebiki
