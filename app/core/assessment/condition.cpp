#include "assessment/condition.h"

#include <algorithm>
#include <cstdlib>
#include <string>

namespace tebiki::assessment {

namespace {

struct Token {
    enum class Kind { End, Ident, String, Number, Op, LParen, RParen, LBracket, RBracket, Comma };
    Kind kind = Kind::End;
    std::string text;
    double number = 0;
    int column = 0;
};

bool is_ident_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_ident_char(char c) { return is_ident_start(c) || (c >= '0' && c <= '9'); }

bool tokenize(std::string_view s, std::vector<Token>& out, ParseError& error) {
    size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        const int column = int(i) + 1;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            ++i;
        } else if (is_ident_start(c)) {
            const size_t start = i;
            while (i < s.size() && is_ident_char(s[i])) ++i;
            out.push_back({Token::Kind::Ident, std::string(s.substr(start, i - start)), 0, column});
        } else if ((c >= '0' && c <= '9') || (c == '-' && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9')) {
            const size_t start = i++;
            while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.')) ++i;
            const std::string number(s.substr(start, i - start));
            out.push_back({Token::Kind::Number, number, std::strtod(number.c_str(), nullptr), column});
        } else if (c == '\'' || c == '"') {
            const size_t end = s.find(c, i + 1);
            if (end == std::string_view::npos) {
                error = {"文字列の終わりの引用符がありません。", column};
                return false;
            }
            out.push_back({Token::Kind::String, std::string(s.substr(i + 1, end - i - 1)), 0, column});
            i = end + 1;
        } else if (s.substr(i, 2) == "==" || s.substr(i, 2) == "!=" || s.substr(i, 2) == "<=" || s.substr(i, 2) == ">=") {
            out.push_back({Token::Kind::Op, std::string(s.substr(i, 2)), 0, column});
            i += 2;
        } else if (c == '<' || c == '>') {
            out.push_back({Token::Kind::Op, std::string(1, c), 0, column});
            ++i;
        } else if (c == '(' || c == ')' || c == '[' || c == ']' || c == ',') {
            const Token::Kind kind = c == '(' ? Token::Kind::LParen
                                     : c == ')' ? Token::Kind::RParen
                                     : c == '[' ? Token::Kind::LBracket
                                     : c == ']' ? Token::Kind::RBracket
                                                : Token::Kind::Comma;
            out.push_back({kind, std::string(1, c), 0, column});
            ++i;
        } else {
            error = {"条件式に使えない文字「" + std::string(1, c) + "」があります（文字列は '…' で囲みます）。", column};
            return false;
        }
    }
    out.push_back({Token::Kind::End, "", 0, int(s.size()) + 1});
    return true;
}

class Parser {
public:
    Parser(std::vector<Token> tokens, ParseError& error) : tokens_(std::move(tokens)), error_(error) {}

    bool parse(Condition& out) {
        if (!parse_or(out)) return false;
        if (peek().kind != Token::Kind::End) return fail("条件式の終わりに余分な「" + peek().text + "」があります。");
        return true;
    }

private:
    const Token& peek() const { return tokens_[pos_]; }
    const Token& take() { return tokens_[pos_ < tokens_.size() - 1 ? pos_++ : pos_]; }
    bool keyword(const char* word) const { return peek().kind == Token::Kind::Ident && peek().text == word; }
    bool fail(std::string message) {
        error_ = {std::move(message), peek().column};
        return false;
    }

    bool parse_or(Condition& out) { return parse_chain(out, "or", Condition::Kind::Or, &Parser::parse_and); }
    bool parse_and(Condition& out) { return parse_chain(out, "and", Condition::Kind::And, &Parser::parse_not); }

    bool parse_chain(Condition& out, const char* word, Condition::Kind kind, bool (Parser::*next)(Condition&)) {
        Condition first;
        if (!(this->*next)(first)) return false;
        if (!keyword(word)) {
            out = std::move(first);
            return true;
        }
        out = Condition::of(kind);
        out.children.push_back(std::move(first));
        while (keyword(word)) {
            take();
            Condition more;
            if (!(this->*next)(more)) return false;
            out.children.push_back(std::move(more));
        }
        return true;
    }

    // Parentheses and `not` nest at most kMaxNesting deep: the parser (and everything that walks
    // the condition) recurses once per level.
    static constexpr int kMaxNesting = 32;
    bool enter() {
        if (++nesting_ <= kMaxNesting) return true;
        return fail("括弧や not の入れ子が深すぎます（" + std::to_string(kMaxNesting) + "段まで）。");
    }
    struct Leave {
        int& nesting;
        ~Leave() { --nesting; }
    };

    bool parse_not(Condition& out) {
        if (!keyword("not")) return parse_primary(out);
        const Leave leave{nesting_};
        if (!enter()) return false;
        take();
        out = Condition::of(Condition::Kind::Not);
        out.children.emplace_back();
        return parse_not(out.children.back());
    }

    bool parse_value(Value& value) {
        const Token& t = peek();
        value.column = t.column;
        if (t.kind == Token::Kind::String) {
            value.kind = Value::Kind::String;
            value.text = t.text;
        } else if (t.kind == Token::Kind::Number) {
            value.kind = Value::Kind::Number;
            value.number = t.number;
        } else if (keyword("true") || keyword("false")) {
            value.kind = Value::Kind::Bool;
            value.flag = t.text == "true";
        } else {
            return fail("比べる値（'選択肢のid'、数、true または false）が必要です。");
        }
        take();
        return true;
    }

    bool parse_primary(Condition& out) {
        if (peek().kind == Token::Kind::LParen) {
            const Leave leave{nesting_};
            if (!enter()) return false;
            take();
            if (!parse_or(out)) return false;
            if (peek().kind != Token::Kind::RParen) return fail("「)」が必要です。");
            take();
            return true;
        }
        if (peek().kind != Token::Kind::Ident) return fail("質問の id が必要です。");
        const Token name = take();
        if ((name.text == "answered" || name.text == "unknown") && peek().kind == Token::Kind::LParen) {
            take();
            out = Condition::of(name.text == "answered" ? Condition::Kind::Answered : Condition::Kind::Unknown);
            if (peek().kind != Token::Kind::Ident) return fail("質問の id が必要です。");
            out.question = peek().text;
            out.question_column = take().column;
            if (peek().kind != Token::Kind::RParen) return fail("「)」が必要です。");
            take();
            return true;
        }
        out.question = name.text;
        out.question_column = name.column;
        if (peek().kind == Token::Kind::Op) {
            static const std::pair<const char*, Condition::Op> ops[] = {
                {"==", Condition::Op::Eq}, {"!=", Condition::Op::Ne}, {"<", Condition::Op::Lt},
                {"<=", Condition::Op::Le}, {">", Condition::Op::Gt},  {">=", Condition::Op::Ge}};
            out.kind = Condition::Kind::Compare;
            for (auto& [text, op] : ops)
                if (peek().text == text) out.op = op;
            take();
            out.values.emplace_back();
            return parse_value(out.values.back());
        }
        if (keyword("has")) {
            take();
            out.kind = Condition::Kind::Has;
            out.values.emplace_back();
            return parse_value(out.values.back());
        }
        if (keyword("in")) {
            take();
            out.kind = Condition::Kind::In;
            if (peek().kind != Token::Kind::LBracket) return fail("「[」が必要です（例: q in ['a', 'b']）。");
            take();
            do {
                out.values.emplace_back();
                if (!parse_value(out.values.back())) return false;
            } while (peek().kind == Token::Kind::Comma && take().kind == Token::Kind::Comma);
            if (peek().kind != Token::Kind::RBracket) return fail("「]」が必要です。");
            take();
            return true;
        }
        return fail("「" + name.text + "」の後に ==, !=, <, >, in, has のいずれかが必要です。");
    }

    std::vector<Token> tokens_;
    size_t pos_ = 0;
    int nesting_ = 0;
    ParseError& error_;
};

bool compare(double a, Condition::Op op, double b) {
    switch (op) {
    case Condition::Op::Eq: return a == b;
    case Condition::Op::Ne: return a != b;
    case Condition::Op::Lt: return a < b;
    case Condition::Op::Le: return a <= b;
    case Condition::Op::Gt: return a > b;
    case Condition::Op::Ge: return a >= b;
    }
    return false;
}

// Whether one given answer equals one value of the condition.
bool equals(const Answer& answer, const Value& value) {
    switch (answer.kind) {
    case Answer::Kind::Choice: return value.kind == Value::Kind::String && answer.choice == value.text;
    case Answer::Kind::Text: return value.kind == Value::Kind::String && answer.text == value.text;
    case Answer::Kind::Number: return value.kind == Value::Kind::Number && answer.number == value.number;
    case Answer::Kind::Flag: return value.kind == Value::Kind::Bool && answer.flag == value.flag;
    default: return false;
    }
}

}  // namespace

bool parse_condition(std::string_view text, Condition& out, ParseError& error) {
    out = Condition{};
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return true;
    std::vector<Token> tokens;
    if (!tokenize(text, tokens, error)) return false;
    return Parser(std::move(tokens), error).parse(out);
}

bool Condition::evaluate(const AnswerMap& answers) const {
    const auto it = question.empty() ? answers.end() : answers.find(question);
    const Answer none;
    const Answer& answer = it == answers.end() ? none : it->second;
    switch (kind) {
    case Kind::Always: return true;
    case Kind::And:
        return std::all_of(children.begin(), children.end(), [&](const Condition& c) { return c.evaluate(answers); });
    case Kind::Or:
        return std::any_of(children.begin(), children.end(), [&](const Condition& c) { return c.evaluate(answers); });
    case Kind::Not: return !children.front().evaluate(answers);
    case Kind::Answered: return answer.given();
    case Kind::Unknown: return answer.kind == Answer::Kind::Unknown;
    case Kind::In:
        return std::any_of(values.begin(), values.end(), [&](const Value& v) { return equals(answer, v); });
    case Kind::Has:
        return answer.kind == Answer::Kind::Choices &&
               std::find(answer.choices.begin(), answer.choices.end(), values.front().text) != answer.choices.end();
    case Kind::Compare:
        if (!answer.given()) return false;
        if (answer.kind == Answer::Kind::Number && values.front().kind == Value::Kind::Number)
            return compare(answer.number, op, values.front().number);
        if (op == Op::Eq) return equals(answer, values.front());
        if (op == Op::Ne) return !equals(answer, values.front());
        return false;
    }
    return false;
}

void Condition::collect_questions(std::vector<std::pair<std::string, int>>& out) const {
    if (!question.empty()) out.emplace_back(question, question_column);
    for (const Condition& c : children) c.collect_questions(out);
}

void Condition::collect_compares(std::vector<const Condition*>& out) const {
    if (kind == Kind::Compare || kind == Kind::In || kind == Kind::Has) out.push_back(this);
    for (const Condition& c : children) c.collect_compares(out);
}

}  // namespace tebiki::assessment
