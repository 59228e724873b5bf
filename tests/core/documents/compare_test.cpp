// The 新旧対照表: reading tebiki's 例規 Markdown back (with file:line errors), the word diff, the
// pairing of articles, the writers, and a golden table of two bundled drafts.
#include "test_paths.h"
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "assessment/answers_file.h"
#include "documents/compare.h"
#include "documents/profile.h"
#include "util/file_io.h"

using namespace tebiki;
using namespace tebiki::documents;
namespace fs = std::filesystem;

namespace {

const char* kOld = R"(（案）令和8年11月25日

# ○○町職員の在宅勤務実施要綱

令和○年○月○日

（目的）
第1条　この要綱は、在宅勤務に関し必要な事項を定める。

（対象者）
第2条　対象者は、所属長が認める職員とする。

2　前項の規定にかかわらず、次に掲げる職員は除く。

(1)　会計年度任用職員

(2)　臨時的に任用された職員

（費用）
第3条　通信費、電気料金その他の光熱水費は、職員の負担とする。

（補則）
第4条　この要綱に定めるもののほか、必要な事項は、総務課長が別に定める。

## 附　則

この要綱は、令和○年○月○日から施行する。
)";

// A new article 第3条 is inserted; 第3条 and 第4条 become 第4条 and 第5条; an item is added.
const char* kNew = R"(# ○○町職員の在宅勤務実施要綱

令和○年○月○日

（目的）
第1条　この要綱は、在宅勤務に関し必要な事項を定める。

（対象者）
第2条　対象者は、所属長が認める職員とする。

2　前項の規定にかかわらず、次に掲げる職員は除く。

(1)　会計年度任用職員

(2)　臨時的に任用された職員

(3)　派遣中の職員

（時間外勤務）
第3条　所属長は、原則として時間外勤務を命じない。

（費用）
第4条　通信費及び電気料金その他の光熱水費は、職員の負担とする。

（補則）
第5条　この要綱に定めるもののほか、必要な事項は、総務課長が別に定める。

## 附　則

この要綱は、令和○年○月○日から施行する。
)";

UiStrings words() {
    UiStrings w;
    Diagnostics d;
    REQUIRE(w.load(fs::path(TEBIKI_ASSESSMENT_DIR).parent_path() / "assets" / "strings" / "ja.toml", d));
    return w;
}

ParsedRegulation parse(const char* text, const char* name = "x.md") {
    Diagnostics d;
    auto r = parse_reiki_markdown(text, name, d);
    for (const Diagnostic& x : d) FAIL_CHECK(x.to_string());
    REQUIRE(r);
    return *r;
}

std::string cell_text(const std::vector<CompareLine>& lines) {
    std::string out;
    for (const CompareLine& l : lines) {
        for (const Segment& s : l.label) out += s.changed ? "[" + s.text + "]" : s.text;
        if (!l.label.empty()) out += "　";
        for (const Segment& s : l.text) out += s.changed ? "[" + s.text + "]" : s.text;
        out += "\n";
    }
    return out;
}

}  // namespace

TEST_CASE("[Compare] the 例規 Markdown reads back as 条・項・号 with 附則") {
    const ParsedRegulation r = parse(kOld);
    CHECK(r.title == "○○町職員の在宅勤務実施要綱");
    REQUIRE(r.articles.size() == 4);
    CHECK(r.articles[1].heading == "（対象者）");
    CHECK(r.articles[1].label == "第2条");
    REQUIRE(r.articles[1].paragraphs.size() == 2);
    CHECK(r.articles[1].paragraphs[1].label == "2");
    REQUIRE(r.articles[1].paragraphs[1].items.size() == 2);
    CHECK(r.articles[1].paragraphs[1].items[1].text == "臨時的に任用された職員");
    REQUIRE(r.supplementary.size() == 1);
    CHECK(r.supplementary[0].text == "この要綱は、令和○年○月○日から施行する。");
    CHECK(r.preamble.size() == 2);  // （案） and the date line
    // Full-width numbers, 枝番, a soft line break and escapes, as a ward might type them.
    const ParsedRegulation typed = parse("# 要綱\n\n第1条　本文\\*の\n続き\n\n２　第２項\n\n（１）　号\n\n第1条の2　枝番の条\n");
    REQUIRE(typed.articles.size() == 2);
    CHECK(typed.articles[0].paragraphs[0].text == "本文*の続き");
    CHECK(typed.articles[0].paragraphs[1].items[0].label == "(1)");
    CHECK(typed.articles[1].label == "第1条の2");
}

TEST_CASE("[Compare] problems in the Markdown are reported with file:line") {
    Diagnostics d;
    CHECK_FALSE(parse_reiki_markdown("# 要綱\n\n第1条　a\n\n3　c\n", "old.md", d));
    REQUIRE(d.size() == 1);
    CHECK(d[0].to_string().find("old.md:5: 項の番号が続いていません") == 0);
    d.clear();
    CHECK_FALSE(parse_reiki_markdown("# 要綱\n\n第2条　a\n\n第1条　b\n\nただの行\n\n（見出し）\n\n## 附　則\n", "new.md", d));
    REQUIRE(d.size() == 3);
    CHECK(d[0].to_string().find("new.md:5: 第1条は、前の第2条より後の番号ではありません") == 0);
    CHECK(d[1].to_string().find("new.md:7: 条・項・号のいずれとしても読めない行です") == 0);
    CHECK(d[2].to_string().find("new.md:9: 見出し「（見出し）」の次の行が条ではありません") == 0);
    d.clear();
    CHECK_FALSE(parse_reiki_markdown("本文だけ\n", "empty.md", d));
    CHECK(d.size() == 2);  // no title, no article
}

TEST_CASE("[Compare] a changed word is marked, a changed number with its 第 and 条") {
    const TextDiff d = diff_words("第16条又は第20条の規定に照らして", "第17条又は第20条の規定に照らして");
    REQUIRE_FALSE(d.same);
    std::string after;
    for (const Segment& s : d.after) after += s.changed ? "[" + s.text + "]" : s.text;
    CHECK(after == "[第17条]又は第20条の規定に照らして");
    const TextDiff e = diff_words("通信費、電気料金その他", "通信費及び電気料金その他");
    std::string before;
    for (const Segment& s : e.before) before += s.changed ? "[" + s.text + "]" : s.text;
    CHECK(before == "通信費[、]電気料金その他");
    CHECK(similarity("abc", "abc") == 1.0);
    CHECK(similarity("在宅勤務", "費用負担") < 0.2);
}

TEST_CASE("[Compare] an inserted article shifts the rest: pairs by content, （略） with the numbers marked, （新設）") {
    const Comparison c = compare_regulations(parse(kOld), parse(kNew), words());
    CHECK_FALSE(c.same);
    CHECK(c.after_label == "改正後");
    REQUIRE(c.rows.size() == 5);
    CHECK(cell_text(c.rows[0].after) == "第1条　（略）\n");
    CHECK(cell_text(c.rows[1].after).find("[(3)]　[派遣中の職員]") != std::string::npos);  // item added
    CHECK(cell_text(c.rows[1].before).find("（新設）") != std::string::npos);
    CHECK(cell_text(c.rows[2].after).find("[第3条]　[所属長は") != std::string::npos);  // a new article
    CHECK(cell_text(c.rows[2].before) == "（新設）\n");
    CHECK(cell_text(c.rows[3].after).find("通信費[及び]電気料金") != std::string::npos);
    CHECK(cell_text(c.rows[3].before).find("[第3条]") != std::string::npos);
    CHECK(cell_text(c.rows[4].after) == "[第5条]　（略）\n");  // renumbered, unchanged
    CHECK(cell_text(c.rows[4].before) == "[第4条]　（略）\n");
    // The same 要綱 on both sides: one （略） row.
    const Comparison same = compare_regulations(parse(kOld), parse(kOld), words());
    CHECK(same.same);
    REQUIRE(same.rows.size() == 1);
    CHECK(cell_text(same.rows[0].after) == "第1条～第4条　（略）\n");
}

TEST_CASE("[Compare] the table is written as Markdown, Word and PDF") {
    const Comparison c = compare_regulations(parse(kOld), parse(kNew), words());
    const std::string md = comparison_markdown(c);
    CHECK(md.find("| 改正後 | 改正前 |") != std::string::npos);
    CHECK(md.find("通信費<u>及び</u>電気料金") != std::string::npos);
    const fs::path dir = fs::temp_directory_path() / ("tebiki-compare-" + std::to_string(getpid()));
    fs::create_directories(dir);
    for (const char* ext : {".md", ".docx", ".pdf"}) {
        std::string error;
        CHECK_MESSAGE(write_comparison(c, dir / (std::string("t") + ext), &error), error);
        CHECK(fs::file_size(dir / (std::string("t") + ext)) > 200);
    }
    std::string error;
    CHECK_FALSE(write_comparison(c, dir / "t.txt", &error));
    const auto pages = comparison_page_lines(c);
    REQUIRE(pages.size() == 1);
    CHECK(pages[0][0].find("新旧対照表") != std::string::npos);
    const PageImage image = render_comparison_page(c, 0, 1.0);
    CHECK(image.width > image.height);  // landscape
    fs::remove_all(dir);
}

TEST_CASE("[Golden] the 新旧対照表 of two bundled drafts is as recorded") {
    Diagnostics problems;
    const DocumentSet set = load_documents(fs::path(TEBIKI_ASSESSMENT_DIR) / "documents", problems);
    const auto questionnaires = assessment::load_questionnaires(TEBIKI_ASSESSMENT_DIR, problems);
    const assessment::Questionnaire* readiness = nullptr;
    for (const auto& q : questionnaires)
        if (q.id == "readiness") readiness = &q;
    REQUIRE(readiness);
    const fs::path dir = fs::path(TEBIKI_TEST_DATA) / "documents";
    // Before: the town drafts for application only. After: the same town adds the supervisor's
    // order, registration, satellite offices and the 在宅勤務等手当.
    DraftInputs in;
    in.documents = &set;
    in.questionnaire = readiness;
    in.date = {2026, 11, 25};
    REQUIRE(load_profile(dir / "profile-town.toml", in.profile, problems));
    assessment::AnswersFile answers;
    REQUIRE(assessment::load_answers(dir / "apply-only.answers.toml", *readiness, answers, problems));
    in.answers = answers.answers;
    const Draft before = assemble(in, "yoko");
    in.overrides = {{"head_order", "true"}, {"registration", "true"}, {"satellite", "true"}, {"pay_allowance", "true"}};
    const Draft after = assemble(in, "yoko");
    REQUIRE(before.errors.empty());
    REQUIRE(after.errors.empty());
    const Comparison c = compare_regulations(parse(to_markdown(before).c_str(), "before.md"), parse(to_markdown(after).c_str(), "after.md"), words());
    const std::string actual = comparison_markdown(c);
    const fs::path expected_file = dir / "compare-town.expected.md";
    if (std::getenv("TEBIKI_UPDATE_GOLDEN")) write_file_atomic(expected_file, actual);
    const auto expected = read_file(expected_file);
    REQUIRE_MESSAGE(expected, "missing " << expected_file.string() << " (run with TEBIKI_UPDATE_GOLDEN=1)");
    CHECK(actual == *expected);
    // A draft reads back with every article it has.
    int articles = 0;
    for (const Block& b : after.blocks) articles += b.kind == Block::Kind::Article;
    CHECK(int(parse(to_markdown(after).c_str()).articles.size()) == articles);
}
