"""The window-less commands on the fixture and on the bundled guide."""
import json
import os
import tempfile

from harness import BIN, FIXTURE_ASSETS, FIXTURE_CONTENT, SOURCE, fail, run

data = tempfile.mkdtemp()
QUESTIONNAIRES = os.path.join(SOURCE, "tests", "data", "questionnaires")
common = ["--content", FIXTURE_CONTENT, "--assessment", QUESTIONNAIRES, "--assets", FIXTURE_ASSETS, "--data", data]

toc = run([BIN, "toc", "--json", *common])
parts = json.loads(toc.stdout)["parts"]
if [p["id"] for p in parts] != ["1-first", "2-second"]:
    fail("toc --json parts: " + toc.stdout)
if not any(s["anchor"] == "要綱に定める事項" for s in parts[1]["chapters"][0]["sections"]):
    fail("toc lists sections with anchors")

hits = json.loads(run([BIN, "search", "ＬＧＷＡＮ", "--json", *common]).stdout)
if not hits or not hits[0]["id"].startswith("1-first/01-typography"):
    fail("search ＬＧＷＡＮ: " + str(hits))
short = json.loads(run([BIN, "search", "要綱", "--json", "--limit", "1", *common]).stdout)
if len(short) != 1 or short[0]["title"] != "要綱に定める事項":
    fail("two-character search ranks the title hit first: " + str(short))

forbidden_start = set("、。，．）」』】〕・ーぁぃぅぇぉっゃゅょァィゥェォッャュョ…")
for width in ("220", "400", "640"):
    lines = run([BIN, "layout", "1-first/01-typography", "--width", width, *common]).stdout.splitlines()
    if len(lines) < 20:
        fail(f"layout at {width}px printed too few lines")
    for line in lines:
        if line and line[0] in forbidden_start:
            fail(f"line starts with a forbidden character at {width}px: {line}")

good = run([BIN, "check", *common])
if good.returncode != 0:
    fail("fixture content must pass check: " + good.stdout)

def one_chapter(part_toml, chapter_md):
    """A content folder with one part (1-x) of one chapter (01-a.md)."""
    folder = tempfile.mkdtemp()
    os.makedirs(os.path.join(folder, "1-x"))
    with open(os.path.join(folder, "1-x", "part.toml"), "w") as f:
        f.write(part_toml)
    with open(os.path.join(folder, "1-x", "01-a.md"), "w") as f:
        f.write(chapter_md)
    return folder


bad_dir = one_chapter('title = "x"\n', "# 題\n\n[なし](02-b.md)\n")
bad = run([BIN, "check", "--content", bad_dir])
if bad.returncode != 1 or "01-a.md:3:" not in bad.stdout:
    fail("check reports file:line and exits 1: " + bad.stdout)

# Notation (content/notation.toml): each use of an avoided form is a file:line warning that does
# not fail the check; a broken list does.
notation_dir = one_chapter('title = "x"\nshort = "x"\nsummary = "x"\n', "# 題\n\n申請の手続きを確かめます。\n")
no_questionnaires = tempfile.mkdtemp()
with open(os.path.join(notation_dir, "notation.toml"), "w") as f:
    f.write('[[term]]\nprefer = "手続"\navoid = ["手続き"]\n')
warned = run([BIN, "check", "--content", notation_dir, "--assessment", no_questionnaires, "--assets", FIXTURE_ASSETS])
if warned.returncode != 0 or "01-a.md:3: 表記: 「手続き」は「手続」に統一します" not in warned.stdout \
        or "表記の注意 1 件" not in warned.stderr:
    fail(f"notation warnings are printed with file:line and do not fail check: {warned.returncode} {warned.stdout} {warned.stderr}")
with open(os.path.join(notation_dir, "notation.toml"), "w") as f:
    f.write('[[term]]\nprefer = "手続"\nnote = "avoid がない"\n')
broken = run([BIN, "check", "--content", notation_dir, "--assessment", no_questionnaires, "--assets", FIXTURE_ASSETS])
if broken.returncode != 1 or "notation.toml:1: 避ける表記（avoid）がありません" not in broken.stdout:
    fail(f"a broken notation list fails check: {broken.returncode} {broken.stdout}")

# Questionnaires: list, assess (text and JSON), and the errors of check and of answers files.
listed = run([BIN, "list", "questionnaires", *common])
if listed.returncode != 0 or not listed.stdout.startswith("mini\t第2版\tミニ診断\t2問"):
    fail("list questionnaires: " + listed.stdout + listed.stderr)
answers = os.path.join(data, "answers.toml")
with open(answers, "w") as f:
    f.write('questionnaire = "mini"\n[answers]\nyoko = true\nreport = "none"\n')
text = run([BIN, "assess", "mini", "--answers", answers, *common])
if text.returncode != 0 or "総合: 50.0 点　レベル: 準備段階" not in text.stdout or "! 始業・終業を報告する方法がありません。" not in text.stdout:
    fail("assess prints score, level and blockers: " + text.stdout + text.stderr)
result = json.loads(run([BIN, "assess", "mini", "--answers", answers, "--json", *common]).stdout)
if result["overall"] != 50.0 or result["blockers"][0]["id"] != "no_report" or result["areas"][0]["answered"] != 2:
    fail("assess --json: " + str(result))
with open(answers, "w") as f:
    f.write('[answers]\nyoko = "maybe"\nghost = 1\n')
wrong = run([BIN, "assess", "mini", "--answers", answers, *common])
if wrong.returncode != 1 or "answers.toml:2:1: 回答「yoko」" not in wrong.stderr or "answers.toml:3:1: 回答「ghost」" not in wrong.stderr:
    fail("bad answers name the answer id and line: " + wrong.stderr)
bad_q = tempfile.mkdtemp()
with open(os.path.join(bad_q, "x.toml"), "w") as f:
    f.write('id = "x"\ntitle = "x"\ncolour = 1\n[[areas]]\nid = "a"\nname = "A"\n[[questions]]\nid = "q"\narea = "a"\n'
            'text = "q"\ntype = "yesno"\nshow_if = "q == "\n[[levels]]\nid = "l"\nlabel = "L"\nmin = 0\n')
checked = run([BIN, "check", "--content", FIXTURE_CONTENT, "--assessment", bad_q, "--assets", FIXTURE_ASSETS])
if checked.returncode != 1 or "x.toml:3:1: 未知のキー「colour」" not in checked.stdout or "x.toml:12:" not in checked.stdout:
    fail("check reports questionnaire problems as file:line:col: " + checked.stdout)

# Issue 10: answers files with a contradiction, a duplicate or an unreadable shape exit 1 with
# file:line:col; [] is unanswered (exit 0) and leaves the blocker to be confirmed.
ERRORS = os.path.join(SOURCE, "tests", "data", "assessment", "errors")
bundled = ["--content", os.path.join(SOURCE, "content"), "--data", data]
for name, where in (("duplicate.toml", "duplicate.toml:6:18: 回答「members」"),
                    ("exclusive.toml", "exclusive.toml:5:26: 回答「contact_tools」"),
                    ("shapes.toml", "shapes.toml:7:18: 回答「members」")):
    bad_answers = run([BIN, "assess", "readiness", "--answers", os.path.join(ERRORS, name), *bundled])
    if bad_answers.returncode != 1 or where not in bad_answers.stderr:
        fail(f"assess {name} exits 1 with {where}: {bad_answers.returncode} {bad_answers.stderr}")
empty = run([BIN, "assess", "readiness", "--answers", os.path.join(ERRORS, "empty.toml"), "--json", *bundled])
if empty.returncode != 0:
    fail("assess with [] answers: " + empty.stderr)
empty_result = json.loads(empty.stdout)
if empty_result["level"] is not None or not any(b["id"] == "no_contact" and b["kind"] == "confirm" for b in empty_result["blockers"]):
    fail("[] is unanswered: no level, and no_contact needs confirming: " + empty.stdout)
listed_bundled = run([BIN, "list", "questionnaires", *bundled])
if "readiness\t第2版\t導入準備度診断\t56問（最大61問）" not in listed_bundled.stdout:
    fail("list questionnaires counts the questions asked before any answer: " + listed_bundled.stdout)

missing = run([BIN, "toc", "--content", "/nonexistent"])
if missing.returncode == 0 or "見つかりません" not in missing.stderr:
    fail("a missing content folder gives a Japanese message")
print("ok")
