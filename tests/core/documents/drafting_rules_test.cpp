// The drafting rules of issue 11 on the bundled 要綱: references in 法制執務 form, laws cited in
// full once, the municipality's facts, option checks, no dead or contradictory text in any
// combination of the yes/no options, the blank 別記様式 after the 附則.
#include "bundled_documents.h"

#include <unistd.h>

#include <filesystem>

#include "assessment/answers_file.h"
#include "documents/check.h"
#include "documents/profile.h"
#include "documents/writers.h"
#include "util/file_io.h"

using namespace tebiki;
using namespace tebiki::documents;
namespace fs = std::filesystem;

namespace {

using Bundled = test::BundledDocuments;

bool has(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

// The 要綱 with its 別記様式 (every form that applies, blank): the whole text a combination gives.
std::string yoko_markdown(const DraftInputs& in, std::vector<std::string>& errors) {
    const Draft draft = assemble(in, "yoko");
    errors = draft.errors;
    return to_markdown(draft);
}

}  // namespace

TEST_CASE("[Documents] references inside the same article leave the article out and use 前項・前号") {
    const Place item2{3, 2, 3, 2};
    CHECK(article_reference(Place{3, 1, 3, 0}, Place{3, 2, 3, 0}) == "前項");
    CHECK(article_reference(Place{3, 1, 3, 0}, Place{3, 3, 3, 0}) == "第1項");
    CHECK(article_reference(Place{3, 1, 3, 0}, Place{3, 2, 3, 1}) == "前項");  // from an item of the next 項
    CHECK(article_reference(Place{3, 2, 3, 1}, item2) == "前号");
    CHECK(article_reference(Place{3, 2, 3, 3}, Place{3, 2, 3, 0}) == "第3号");
    CHECK(article_reference(Place{3, 1, 3, 1}, Place{3, 3, 3, 0}) == "第1項第1号");
    CHECK(article_reference(Place{3, 2, 3, 1}, Place{5, 1, 1, 0}) == "第3条第2項第1号");
    CHECK(article_reference(Place{3, 1, 1, 2}, Place{}) == "第3条第2号");  // one 項: not named
    CHECK(article_reference(Place{3, 0, 2, 0}, Place{3, 2, 2, 0}) == "第3条");  // the article itself
}

TEST_CASE("[Documents] the bundled 要綱 cites each law with its number once, at its first printed use") {
    const Bundled b;
    DraftInputs in = b.inputs("profile-town.toml");
    const std::string md = to_markdown(assemble(in, "yoko"));
    const std::string full = "職員の勤務時間、休暇等に関する条例（平成7年都農町条例第1号。以下「勤務時間条例」という。）";
    CHECK(has(md, full));
    CHECK(md.find("平成7年都農町条例第1号") == md.rfind("平成7年都農町条例第1号"));  // the number once
    CHECK(has(md, "勤務時間条例その他の関係規程により割り振られた"));
    CHECK(md.find("昭和25年法律第261号") == md.rfind("昭和25年法律第261号"));
    CHECK(has(md, "個人情報の保護に関する法律（平成15年法律第57号）"));
    // With no exclusions, 地方公務員法 is first named at 服務 — and gets its number there.
    in.profile.exclude.clear();
    const std::string without = to_markdown(assemble(in, "yoko"));
    CHECK(has(without, "地方公務員法（昭和25年法律第261号）第35条"));
    CHECK_FALSE(has(md, "地方公務員法（昭和25年法律第261号）第35条"));
}

TEST_CASE("[Documents] the municipality's facts fill the 要綱, and placeholders stand where they are missing") {
    const Bundled b;
    const std::string town = to_markdown(assemble(b.inputs("profile-town.toml"), "yoko"));
    CHECK(has(town, "訓令第3号"));
    CHECK(has(town, "職員　町長の事務部局に勤務する一般職に属する職員をいう。"));
    CHECK(has(town, "総務課長が別に定める"));
    CHECK_FALSE(has(town, "部長"));  // a 町 without 部
    CHECK_FALSE(has(town, "休日、休暇等"));  // no 特別区-style ordinance name
    const std::string ward = to_markdown(assemble(b.inputs("profile-ward.toml"), "yoko"));
    CHECK(has(ward, "令和○年○月○日区長決定"));
    CHECK(has(ward, "職員　千代田区の一般職に属する職員をいう。"));
    CHECK(has(ward, "区長以外の任命権者"));
    const std::string bare = to_markdown(assemble(b.inputs("profile.toml"), "yoko"));
    CHECK(has(bare, "職員の勤務時間、休暇等に関する条例（○○年千代田区条例第○号。以下「勤務時間条例」という。）"));
    CHECK(has(bare, "○○課長"));
    CHECK(has(bare, "訓令第○号"));
}

TEST_CASE("[Documents] profile files: unknown keys, an empty municipality and bad values are reported with file:line") {
    Profile p;
    Diagnostics d;
    CHECK_FALSE(parse_profile("municipality = \"都農町\"\ndepartment = \"総務課\"\nadmin_haed = \"総務課長\"\n", "p.toml", p, d));
    REQUIRE(d.size() == 1);
    CHECK(d[0].to_string().find("p.toml:3:1: 未知のキー「admin_haed」") == 0);
    d.clear();
    CHECK_FALSE(parse_profile("municipality = \"　\"\ndepartment = \"総務課\"\n", "p.toml", p, d));
    REQUIRE(d.size() == 1);
    CHECK(d[0].to_string().find("p.toml:1:") == 0);
    CHECK(d[0].message.find("自治体名") != std::string::npos);
    d.clear();
    CHECK_FALSE(parse_profile("municipality = \"町\"\ndepartment = \"課\"\nenactment = \"条例\"\nexclude = [\"非常勤職員\"]\nenactment_number = 1.5\n",
                              "p.toml", p, d));
    CHECK(d.size() == 3);
    // What the window stores reads back the same.
    Profile facts;
    facts.working_hours_ordinance = "職員の勤務時間、休暇等に関する条例（平成7年都農町条例第1号）";
    facts.enactment = "告示";
    facts.enactment_number = "12";
    facts.exclude = {"会計年度任用職員"};
    facts.all_appointers = true;
    Profile back;
    d.clear();
    CHECK(parse_profile(facts_to_toml(facts), "stored", back, d, true));
    CHECK(back.working_hours_ordinance == facts.working_hours_ordinance);
    CHECK(back.enactment == "告示");
    CHECK(back.enactment_number == "12");
    CHECK(back.exclude == facts.exclude);
    CHECK(back.all_appointers);
    CHECK(profile_problems(Profile{}).size() == 1);  // the municipality
}

TEST_CASE("[Documents] option values: unknown, empty and non-yes/no values are errors naming the option, and never templates") {
    const Bundled b;
    std::map<std::string, std::string> o = {{"max_days", ""}, {"lend", "yes"}, {"byod", "はい"}, {"apply", "いいえ"}, {"nonsense", "1"}};
    const std::vector<std::string> errors = check_overrides(b.set, o);
    REQUIRE(errors.size() == 3);
    std::string all;
    for (const std::string& e : errors) all += e + "\n";
    CHECK(has(all, "オプション「max_days」"));
    CHECK(has(all, "が空です"));
    CHECK(has(all, "オプション「lend」"));
    CHECK(has(all, "オプション「nonsense」はありません"));
    CHECK(o["byod"] == "true");
    CHECK(o["apply"] == "false");
    DraftInputs in = b.inputs();
    in.overrides["max_days"] = "{{municipality}}日";
    CHECK(has(to_markdown(assemble(in, "yoko")), "{{municipality}}日を上限とする"));
}

TEST_CASE("[Documents] neither application nor order is an error: there would be no way to start") {
    const Bundled b;
    DraftInputs in = b.inputs();
    in.overrides = {{"apply", "false"}, {"head_order", "false"}};
    const Draft d = assemble(in, "yoko");
    REQUIRE_FALSE(d.errors.empty());
    CHECK(has(d.errors[0], "apply"));
    CHECK(has(d.errors[0], "head_order"));
}

TEST_CASE("[Documents] no yes/no combination gives dead or contradictory text") {
    const Bundled b;
    REQUIRE(b.readiness);
    std::vector<std::string> yesno;
    for (const DocOption& o : b.set.regulation()->options)
        if (o.yesno) yesno.push_back(o.id);
    REQUIRE(yesno.size() >= 10);
    const DraftInputs base = b.inputs("profile-town.toml");
    int drafted = 0;
    for (unsigned mask = 0; mask < (1u << yesno.size()); ++mask) {
        DraftInputs in = base;
        auto on = [&](const std::string& id) {
            for (size_t i = 0; i < yesno.size(); ++i)
                if (yesno[i] == id) return (mask >> i & 1u) != 0;
            return false;
        };
        for (size_t i = 0; i < yesno.size(); ++i) in.overrides[yesno[i]] = (mask >> i & 1u) ? "true" : "false";
        std::vector<std::string> errors;
        const std::string md = yoko_markdown(in, errors);
        CAPTURE(mask);
        if (!on("apply") && !on("head_order")) {
            CHECK(errors.size() >= 1);
            continue;
        }
        for (const std::string& e : errors) FAIL_CHECK(e);
        if (!on("lend")) CHECK_FALSE(has(md, "貸与"));
        if (!on("allow_nakanuke")) CHECK_FALSE(has(md, "中抜け"));
        if (!on("satellite")) CHECK_FALSE(has(md, "サテライト"));
        if (!on("byod")) CHECK_FALSE(has(md, "私物端末"));
        if (!on("pay_allowance")) CHECK_FALSE(has(md, "在宅勤務等手当"));
        if (!on("head_order")) CHECK_FALSE(has(md, "命ずる在宅勤務"));
        if (!on("registration")) CHECK_FALSE(has(md, "利用登録"));
        if (on("registration")) CHECK(has(md, "テレワーク利用登録申請書"));  // never silently dropped
        CHECK(has(md, "上限とする"));  // the day limit is there in every combination
        if (on("satellite")) CHECK(has(md, on("satellite_counts") ? "日数に算入する。" : "日数に算入せず"));
        CHECK_FALSE(has(md, "円を支給"));  // never an amount in a 要綱
        CHECK_FALSE(has(md, "など"));
        CHECK_FALSE(has(md, "通信費、電気料金"));
        CHECK_FALSE(has(md, "前各項の規定による承認"));
        ++drafted;
    }
    CHECK(drafted > 1000);
}

TEST_CASE("[Documents] the 要綱 ends with its 別記様式: blank, addressed to 所属長, each on a page of its own") {
    const Bundled b;
    DraftInputs in = b.inputs("profile-ward.toml");
    in.overrides = {{"head_order", "true"}, {"registration", "true"}, {"lend", "true"}, {"daily_report", "true"}};
    const Draft d = assemble(in, "yoko");
    REQUIRE(d.errors.empty());
    int breaks = 0;
    size_t first_break = d.blocks.size();
    for (size_t i = 0; i < d.blocks.size(); ++i)
        if (d.blocks[i].kind == Block::Kind::PageBreak) {
            ++breaks;
            first_break = std::min(first_break, i);
        }
    CHECK(breaks == 5);  // registration, apply, order, report, loan
    REQUIRE(first_break > 0);
    CHECK(d.blocks[first_break - 1].text.find("施行する") != std::string::npos);  // after the 附則
    std::string forms;
    for (size_t i = first_break; i < d.blocks.size(); ++i) {
        forms += d.blocks[i].text + "\n";
        for (const FormRow& r : d.blocks[i].rows) forms += r.label + "：" + r.value + "\n";
    }
    CHECK(has(forms, "所属長　様"));
    CHECK_FALSE(has(forms, "総務部人事課"));
    CHECK_FALSE(has(forms, "山田"));
    CHECK(has(forms, "様式第1号（第5条関係）"));
    CHECK(has(forms, "第7条第1項第1号（感染症のまん延"));  // 様式第3号's reasons are 第7条第1項各号
    // The department's own form, for daily use, is filled in.
    const std::string apply = to_markdown(assemble(in, "apply"));
    CHECK(has(apply, "人事課長　様"));
    CHECK(has(apply, "| 所属 | 総務部人事課 |"));
    CHECK(d.date.year == 2026);
    CHECK(to_markdown(d).rfind("（案）令和8年11月25日", 0) == 0);
    // Every form fits on its one page, also with satellite offices (the longest rows).
    for (const char* satellite : {"false", "true"}) {
        in.overrides["satellite"] = satellite;
        const auto pages = pdf_page_lines(assemble(in, "yoko"));
        size_t first_form = 0;
        while (first_form < pages.size() && (pages[first_form].empty() || pages[first_form][0].rfind("様式第1号", 0) != 0)) ++first_form;
        CHECK(pages.size() - first_form == 5);
    }
}

TEST_CASE("[Documents] the PDF keeps every 見出し and 附則 with the first line after it") {
    // A heading falls at every position near the foot of a page for some amount of filler.
    for (int filler = 30; filler < 60; ++filler) {
        Draft d;
        auto add = [&](Block::Kind kind, std::string label, std::string text) {
            Block b;
            b.kind = kind;
            b.label = std::move(label);
            b.text = std::move(text);
            d.blocks.push_back(std::move(b));
        };
        for (int i = 0; i < filler; ++i) add(Block::Kind::Paragraph, std::to_string(i + 2), "在宅勤務者は、所属長の指示に従う。");
        add(Block::Kind::Heading, "", "（見出し）");
        add(Block::Kind::Article, "第9条", "本文の一行目である。");
        add(Block::Kind::Supplementary, "", "附　則");
        add(Block::Kind::Paragraph, "", "この要綱は、令和○年○月○日から施行する。");
        const auto pages = pdf_page_lines(d);
        CAPTURE(filler);
        REQUIRE(pages.size() >= 1);
        for (const auto& page : pages) {
            REQUIRE_FALSE(page.empty());
            CHECK(page.back() != "（見出し）");
            CHECK(page.back() != "附　則");
        }
    }
}
