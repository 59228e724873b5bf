#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>

#include "documents/assemble.h"
#include "documents/writers.h"
#include "util/file_io.h"

using namespace tebiki;
using namespace tebiki::documents;
namespace fs = std::filesystem;

namespace {

const char* kRegulation = R"(id = "yoko"
kind = "regulation"
title = "{{municipality}}在宅勤務実施要綱"
enactment = "令和○年○月○日決定"

[[options]]
id = "order"
label = "命令"
default = false
  [[options.cases]]
  when = "order_answer == true"
  value = true

[[options]]
id = "amount"
label = "手当"
type = "text"
default = "月額○○円"

[[articles]]
id = "purpose"
heading = "目的"
  [[articles.paragraphs]]
  text = "この要綱は、{{department}}の在宅勤務に関し必要な事項を定めるものとする。"

[[articles]]
id = "order"
heading = "所属長が命ずる在宅勤務"
when = "order == true"
  [[articles.paragraphs]]
  text = "所属長は、{{form order_form}}により在宅勤務を命ずることができる。"

[[articles]]
id = "apply"
heading = "申請"
  [[articles.paragraphs]]
  text = "職員は、{{form apply_form}}により申請する。"
  [[articles.paragraphs]]
  id = "approve"
  text = "所属長は、次に掲げる事項を確認して承認する。"
    [[articles.paragraphs.items]]
    text = "業務の内容"
    [[articles.paragraphs.items]]
    id = "place"
    text = "実施場所"

[[articles]]
id = "cost"
heading = "費用"
  [[articles.paragraphs]]
  text = "{{ref apply.approve.place}}の場所で生じる費用は職員の負担とする。{{#opt.order}}{{ref order}}の場合も同様とする。{{/opt.order}}手当は{{opt.amount}}とする。"

[supplementary]
  [[supplementary.paragraphs]]
  text = "この要綱は、令和○年○月○日から施行する。"
)";

const char* kApplyForm = R"(id = "apply_form"
kind = "form"
title = "在宅勤務実施申請書"
[[lines]]
align = "right"
text = "令和　　年　　月　　日"
[[rows]]
label = "所属"
value = "{{department}}"
[[rows]]
label = "実施場所"
lines = 2
)";

const char* kOrderForm = R"(id = "order_form"
kind = "form"
title = "在宅勤務命令書"
when = "order == true"
[[rows]]
label = "期間"
)";

struct Fixture {
    fs::path dir;
    DocumentSet set;
    Diagnostics problems;
    Fixture() {
        // One folder per process: CTest runs the test cases of this file in parallel.
        dir = fs::temp_directory_path() / ("tebiki-documents-test-" + std::to_string(getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
        write_file_atomic(dir / "yoko.toml", kRegulation);
        write_file_atomic(dir / "apply_form.toml", kApplyForm);
        write_file_atomic(dir / "order_form.toml", kOrderForm);
        set = load_documents(dir, problems);
    }
    DraftInputs inputs(bool order) const {
        DraftInputs in;
        in.documents = &set;
        in.profile.municipality = "○○区";
        in.profile.department = "総務課";
        in.date = {2026, 11, 25};
        if (order) in.answers["order_answer"] = assessment::Answer::of_flag(true);
        return in;
    }
};

std::string markdown(const Fixture& f, bool order, const char* id = "yoko") {
    const Draft d = assemble(f.inputs(order), id);
    for (const std::string& e : d.errors) FAIL_CHECK(e);
    return to_markdown(d);
}

}  // namespace

TEST_CASE("[Wareki] era boundaries and 元年") {
    CHECK(wareki({2019, 4, 30}) == "平成31年4月30日");
    CHECK(wareki({2019, 5, 1}) == "令和元年5月1日");
    CHECK(wareki({2019, 12, 31}) == "令和元年12月31日");
    CHECK(wareki({2020, 1, 1}) == "令和2年1月1日");
    CHECK(wareki({2026, 11, 24}) == "令和8年11月24日");
    CHECK(wareki({1989, 1, 7}) == "昭和64年1月7日");
    CHECK(wareki({1989, 1, 8}) == "平成元年1月8日");
    CHECK(wareki({1800, 1, 1}).empty());
    CHECK(parse_date("2026-02-29") == std::nullopt);
    CHECK(parse_date("2024-02-29").has_value());
    CHECK(parse_date("2026-11-25x") == std::nullopt);
}

TEST_CASE("[Documents] articles are renumbered after conditions and every reference follows") {
    Fixture f;
    for (const Diagnostic& d : f.problems) FAIL_CHECK(d.to_string());
    SUBCASE("without the supervisor's order") {
        const std::string md = markdown(f, false);
        CHECK(md.find("第2条　職員は、様式第1号により申請する。") != std::string::npos);
        CHECK(md.find("2　所属長は、次に掲げる事項を確認して承認する。") != std::string::npos);
        CHECK(md.find("(2)　実施場所") != std::string::npos);
        CHECK(md.find("第3条　第2条第2項第2号の場所で生じる費用は職員の負担とする。手当は月額○○円とする。") != std::string::npos);
        CHECK(md.find("命ずる") == std::string::npos);
    }
    SUBCASE("with it: one more article, forms and references shift") {
        const std::string md = markdown(f, true);
        CHECK(md.find("（所属長が命ずる在宅勤務）\n第2条　所属長は、様式第1号により在宅勤務を命ずることができる。") != std::string::npos);
        CHECK(md.find("第3条　職員は、様式第2号により申請する。") != std::string::npos);
        CHECK(md.find("第4条　第3条第2項第2号の場所で生じる費用は職員の負担とする。第2条の場合も同様とする。") != std::string::npos);
        CHECK(markdown(f, true, "apply_form").find("様式第2号（第3条関係）") != std::string::npos);
        CHECK(markdown(f, true, "order_form").find("様式第1号（第2条関係）") != std::string::npos);
    }
    SUBCASE("a one-paragraph article is referred to without 第1項, and 附則 has no number") {
        const std::string md = markdown(f, true);
        CHECK(md.find("の場合も同様とする") != std::string::npos);
        CHECK(md.find("## 附　則\n\nこの要綱は、令和○年○月○日から施行する。") != std::string::npos);
    }
}

TEST_CASE("[Documents] forms that do not apply are left out, options can be overridden") {
    Fixture f;
    CHECK(applicable_documents(f.inputs(false)).size() == 2);
    CHECK(applicable_documents(f.inputs(true)).size() == 3);
    DraftInputs in = f.inputs(false);
    in.overrides["order"] = "true";
    in.overrides["amount"] = "月額3,000円";
    const std::vector<OptionValue> options = resolve_options(in);
    CHECK(options[0].value == "true");
    CHECK(options[0].overridden);
    CHECK(to_markdown(assemble(in, "yoko")).find("手当は月額3,000円とする。") != std::string::npos);
}

TEST_CASE("[Documents] a reference to something a condition removed is an error, never a stale number") {
    Fixture f;
    DocumentSet set = f.set;
    set.documents[0].articles[3].paragraphs[0].text = "{{ref order}}の規定";
    DraftInputs in = f.inputs(false);
    in.documents = &set;
    const Draft d = assemble(in, "yoko");
    REQUIRE(d.errors.size() == 1);
    CHECK(d.errors[0].find("参照先「order」") != std::string::npos);
    std::string error;
    CHECK_FALSE(write_draft(d, f.dir / "out.md", &error));
}

TEST_CASE("[Documents] check reports unknown references, forms, keys and broken templates with lines") {
    const fs::path dir = fs::temp_directory_path() / "tebiki-documents-bad";
    fs::remove_all(dir);
    fs::create_directories(dir);
    write_file_atomic(dir / "yoko.toml", "id = \"yoko\"\nkind = \"regulation\"\ntitle = \"t\"\ncolour = 1\n"
                                         "[[articles]]\nid = \"a\"\n  [[articles.paragraphs]]\n  text = \"{{ref nowhere}}と{{form ghost}}{{#x}}\"\n"
                                         "[[articles]]\nid = \"a\"\n  [[articles.paragraphs]]\n  text = \"x\"\n  when = \"= 1\"\n");
    Diagnostics d;
    load_documents(dir, d);
    std::string all;
    for (const Diagnostic& x : d) all += x.to_string() + "\n";
    CHECK(all.find("yoko.toml:4:1: 未知のキー「colour」") != std::string::npos);
    CHECK(all.find("差し込み（{{…}}）の書き方が正しくありません") != std::string::npos);
    CHECK(all.find("参照先「nowhere」") != std::string::npos);
    CHECK(all.find("様式「ghost」がありません") != std::string::npos);
    CHECK(all.find("条の id「a」が重複") != std::string::npos);
    CHECK(all.find("yoko.toml:13:") != std::string::npos);  // the bad condition
}

TEST_CASE("[Documents] file names are made safe") {
    CHECK(safe_file_stem("../総務課/要綱") == "__総務課_要綱");
    CHECK(safe_file_stem("a\x01" "b:c") == "a_b_c");
    CHECK(safe_file_stem("") == "document");
    CHECK(safe_file_stem(std::string(200, 'x')).size() == 120);
    const std::string kanji = "要綱要綱要綱要綱要綱要綱要綱要綱要綱要綱要綱要綱要綱要綱要綱要綱要綱要綱要綱要綱要綱要綱要綱要綱要綱要綱要綱要綱要綱要綱要綱要綱要綱要綱要綱要綱要綱要綱要綱要綱要綱要綱";
    CHECK(safe_file_stem(kanji).size() % 3 == 0);  // never cut inside a character
}

TEST_CASE("[Documents] hostile department names produce valid files in every format") {
    Fixture f;
    DraftInputs in = f.inputs(true);
    in.profile.department = "<&\"'>\x01 総務課 😀 " + std::string(300, 'y');
    const fs::path out = f.dir / "hostile";
    for (const char* id : {"yoko", "apply_form"}) {
        const Draft d = assemble(in, id);
        REQUIRE(d.errors.empty());
        for (const char* ext : {".md", ".docx", ".pdf"}) {
            std::string error;
            CHECK_MESSAGE(write_draft(d, out.string() + id + ext, &error), error);
            CHECK(fs::file_size(out.string() + id + ext) > 100);
        }
    }
    const PageImage page = render_page(assemble(in, "yoko"), 0, 1.0);
    CHECK(page.pages >= 1);
    CHECK(page.width == 595);
    CHECK(page.rgba.size() == size_t(page.width) * size_t(page.height) * 4);
}

TEST_CASE("[Documents] user text stays text in Markdown") {
    Draft d;
    Block b;
    b.kind = Block::Kind::Line;
    b.text = "- 8:30~12:00\n1. 窓口 <b>*強調*</b>";
    d.blocks.push_back(b);
    const std::string md = to_markdown(d);
    CHECK(md.find("\\- 8:30\\~12:00") != std::string::npos);
    CHECK(md.find("1\\. 窓口 \\<b\\>\\*強調\\*\\</b\\>") != std::string::npos);
}
