#include "documents/wareki.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace tebiki::documents {

namespace {

struct Era {
    const char* name;
    Date first_day;
};

// Newest first. Each era begins on its first day (平成31年4月30日 is the last day of 平成).
constexpr Era kEras[] = {
    {"令和", {2019, 5, 1}},
    {"平成", {1989, 1, 8}},
    {"昭和", {1926, 12, 25}},
    {"大正", {1912, 7, 30}},
    {"明治", {1868, 1, 25}},
};

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in(int y, int m) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

const Era* era_of(const Date& d) {
    for (const Era& e : kEras)
        if (!(d < e.first_day)) return &e;
    return nullptr;
}

}  // namespace

std::optional<Date> parse_date(std::string_view iso) {
    Date d;
    char tail = 0;
    const std::string text(iso);
    if (std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &d.year, &d.month, &d.day, &tail) != 3) return std::nullopt;
    if (d.year < 1 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in(d.year, d.month)) return std::nullopt;
    return d;
}

Date today() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    localtime_r(&now, &tm);
    return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

std::string wareki_year(const Date& date) {
    const Era* era = era_of(date);
    if (!era) return {};
    const int year = date.year - era->first_day.year + 1;
    return std::string(era->name) + (year == 1 ? std::string("元") : std::to_string(year)) + "年";
}

std::string wareki(const Date& date) {
    const std::string year = wareki_year(date);
    if (year.empty()) return {};
    return year + std::to_string(date.month) + "月" + std::to_string(date.day) + "日";
}

}  // namespace tebiki::documents
