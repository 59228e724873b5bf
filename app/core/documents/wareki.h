// 和暦 dates as ward documents write them in horizontal text: 「令和8年11月25日」, with 元年 for
// the first year of an era (令和元年5月1日). Eras from 明治 are known; earlier dates are refused.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace tebiki::documents {

struct Date {
    int year = 0, month = 0, day = 0;
    bool operator<(const Date& o) const {
        return year != o.year ? year < o.year : month != o.month ? month < o.month : day < o.day;
    }
};

// "2026-11-25" → Date; nullopt when not a real calendar date.
std::optional<Date> parse_date(std::string_view iso);
Date today();

// "令和8年11月25日"; empty for dates before 明治 (1868-01-25).
std::string wareki(const Date& date);
// Only the era year: "令和8年".
std::string wareki_year(const Date& date);

}  // namespace tebiki::documents
