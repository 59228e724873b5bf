"""Draft documents: `tebiki generate` writes .docx that python-docx reads and LibreOffice converts
to as many pages as tebiki's own PDF (exact line pitch, declared fallback font), .pdf whose text
holds the articles with the font embedded, a page number on every page and no 見出し alone at a
page foot, and .md; hostile profiles still give valid files; bad input gets Japanese errors naming
the option; `tebiki compare` writes the 新旧対照表. Then the document screen in the real window."""
import datetime
import os
import re
import signal
import subprocess
import tempfile
import time
import zipfile

from harness import BIN, SOURCE, App, Display, fail, ink_ratio, run

DATA = os.path.join(SOURCE, "tests", "data", "documents")
out = tempfile.mkdtemp(prefix="tebiki-docs-")


def generate(doc, ext, answers="order-both", profile="profile", extra=()):
    path = os.path.join(out, f"{doc}-{answers}-{profile}{ext}")
    result = run([BIN, "generate", doc, "--answers", os.path.join(DATA, answers + ".answers.toml"),
                  "--profile", os.path.join(DATA, profile + ".toml"), "--out", path, "--date", "2026-11-25", *extra])
    if result.returncode != 0:
        fail(f"generate {doc}{ext}: {result.stderr}")
    return path


# Every document in every format, for both profiles.
documents = [line.split("\t")[0] for line in run([BIN, "list", "documents"]).stdout.splitlines() if not line.startswith(" ")]
if documents[:1] != ["yoko"] or len(documents) < 6:
    fail("list documents: " + str(documents))
every_form = ("--set", "lend=true", "--set", "head_order=true", "--set", "registration=true", "--set", "daily_report=true")
for profile in ("profile", "profile-hostile"):
    for doc in documents:
        for ext in (".md", ".docx", ".pdf"):
            generate(doc, ext, profile=profile, extra=every_form)

# Word: python-docx reads the paragraphs and the form's table; the XML is well formed.
import docx  # python3-docx

yoko = docx.Document(os.path.join(out, "yoko-order-both-profile.docx"))
texts = [p.text for p in yoko.paragraphs]
if not any(t.startswith("第1条　この要綱は、職員が") for t in texts):
    fail("docx lacks 第1条: " + str(texts[:5]))
if "（目的）" not in texts or not any(t.startswith("2　") for t in texts) or not any(t.startswith("(1)　") for t in texts):
    fail("docx lacks the 見出し, 項 or 号 layout")
section = yoko.sections[0]
if abs(section.page_width.mm - 210) > 1 or abs(section.page_height.mm - 297) > 1:
    fail(f"docx page is not A4: {section.page_width.mm} x {section.page_height.mm} mm")
with zipfile.ZipFile(os.path.join(out, "yoko-order-both-profile.docx")) as z:
    if "明朝" not in z.read("word/styles.xml").decode():
        fail("docx declares no Mincho font")
form = docx.Document(os.path.join(out, "apply-order-both-profile.docx"))
if not form.tables or len(form.tables[0].rows) < 4:
    fail("the application form has no boxed table")
hostile = docx.Document(os.path.join(out, "apply-order-both-profile-hostile.docx"))
cells = [c.text for t in hostile.tables for r in t.rows for c in r.cells] + [p.text for p in hostile.paragraphs]
if not any("総務部<&\"'>人事課" in c for c in cells):
    fail("hostile characters were lost instead of escaped: " + str(cells[:6]))

# Word: style names a Word user reads, indents in character units, keep-with-next on 見出し, the
# page number field in the footer, the fallback font, the drafting date as creation date.
names = {p.style.name for p in yoko.paragraphs}
for name in ("題名", "見出し", "条", "項", "号", "附則", "本文"):
    if name not in names:
        fail(f"docx has no paragraph in style {name}: {sorted(names)}")
if not yoko.styles["見出し"].paragraph_format.keep_with_next or not yoko.styles["附則"].paragraph_format.keep_with_next:
    fail("見出し/附則 styles do not keep with the next paragraph")
if yoko.core_properties.created is None or yoko.core_properties.created.date() != datetime.date(2026, 11, 25):
    fail(f"docx creation date is not the drafting date: {yoko.core_properties.created}")
with zipfile.ZipFile(os.path.join(out, "yoko-order-both-profile.docx")) as z:
    styles = z.read("word/styles.xml").decode()
    if 'w:leftChars="100" w:hanging="210" w:hangingChars="100"' not in styles or 'w:lineRule="exact"' not in styles:
        fail("docx indents are not in character units or the line pitch is not exact")
    fonts_xml = z.read("word/fontTable.xml").decode()
    if '<w:altName w:val="MS Mincho"/>' not in fonts_xml or 'w:family w:val="roman"' not in fonts_xml:
        fail("docx declares no fallback for ＭＳ 明朝: " + fonts_xml)
    if "PAGE" not in z.read("word/footer1.xml").decode() or "footerReference" not in z.read("word/document.xml").decode():
        fail("docx has no page number in its footer")
    body = z.read("word/document.xml").decode()
    if "<w:pageBreakBefore/>" not in body or "所属長　様" not in body:
        fail("the 別記様式 do not follow the 附則 on pages of their own, addressed to 所属長")
with zipfile.ZipFile(os.path.join(out, "apply-order-both-profile.docx")) as z:
    if 'w:hangingChars="250"' not in z.read("word/document.xml").decode():
        fail("注1 notes do not hang (w:hangingChars for 「注1　」)")

# LibreOffice converts the .docx without complaint, to as many pages as tebiki's own PDF (there is
# no ＭＳ 明朝 here: the declared fallback and the exact pitch keep the page count), numbered.
converted = tempfile.mkdtemp(prefix="tebiki-lo-")
ward = generate("yoko", ".docx", profile="profile-ward", extra=every_form)
ward_pdf = generate("yoko", ".pdf", profile="profile-ward", extra=every_form)
lo = subprocess.run(["libreoffice", "--headless", "--norestore", f"-env:UserInstallation=file://{converted}/profile",
                     "--convert-to", "pdf", "--outdir", converted, os.path.join(out, "yoko-order-both-profile.docx"), ward],
                    capture_output=True, text=True, timeout=240)
if lo.returncode != 0 or not os.path.exists(os.path.join(converted, "yoko-order-both-profile.pdf")):
    fail("libreoffice could not convert the docx: " + lo.stdout + lo.stderr)


def pages(pdf_path):
    return int(re.search(r"Pages:\s+(\d+)", run(["pdfinfo", pdf_path]).stdout).group(1))


for ours, theirs in ((os.path.join(out, "yoko-order-both-profile.pdf"), os.path.join(converted, "yoko-order-both-profile.pdf")),
                     (ward_pdf, os.path.join(converted, os.path.basename(ward)[:-5] + ".pdf"))):
    if pages(ours) != pages(theirs):
        fail(f"LibreOffice gives {pages(theirs)} pages for the docx, tebiki's PDF {pages(ours)}: {os.path.basename(ours)}")
    for n in range(1, pages(theirs) + 1):
        if not re.search(rf"-\s*{n}\s*-", run(["pdftotext", "-f", str(n), "-l", str(n), "-layout", theirs, "-"]).stdout):
            fail(f"page {n} of the LibreOffice conversion has no page number")

# PDF: the text holds the articles in order; the Japanese font is embedded.
pdf = os.path.join(out, "yoko-order-both-profile.pdf")
text = run(["pdftotext", "-layout", pdf, "-"]).stdout
for needle in ("千代田区職員の在宅勤務（テレワーク）実施要綱", "第1条", "第7条", "様式第3号", "附"):
    if needle not in text:
        fail(f"pdf text lacks {needle}")
if text.index("第1条") > text.index("第7条"):
    fail("articles out of order in the pdf")
fonts = run(["pdffonts", pdf]).stdout
if "IPAexMincho" not in fonts or not all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:] if "IPAex" in line):
    fail("IPAex Mincho is not embedded: " + fonts)
if "（案）令和8年11月25日" not in text or "CreationDate:    Wed Nov 25" not in run(["pdfinfo", pdf]).stdout:
    fail("the PDF lacks the （案） date line or the drafting date as its creation date")
# Every page has its number; no page ends with a 見出し or 附則 (keep-with-next).
for path in (pdf, ward_pdf):
    for n in range(1, pages(path) + 1):
        lines = [l.strip() for l in run(["pdftotext", "-f", str(n), "-l", str(n), "-layout", path, "-"]).stdout.splitlines() if l.strip()]
        if not lines or not re.fullmatch(rf"-\s*{n}\s*-", lines[-1]):
            fail(f"page {n} of {os.path.basename(path)} has no page number at its foot: {lines[-1:]}")
        if len(lines) >= 2 and (re.fullmatch(r"（[^）]{1,30}）", lines[-2]) or lines[-2].replace(" ", "") == "附則"):
            fail(f"page {n} of {os.path.basename(path)} ends with a heading: {lines[-2]}")

# Options from the command line, and the errors.
no_order = generate("yoko", ".md", extra=("--set", "head_order=false"))
if "所属長が命ずる在宅勤務" in open(no_order, encoding="utf-8").read():
    fail("--set head_order=false left the article in")
bad = run([BIN, "generate", "yoko", "--profile", os.path.join(DATA, "profile.toml"), "--out", os.path.join(out, "x.md"),
           "--set", "nonsense=1"])
if bad.returncode == 0 or "オプション「nonsense」はありません" not in bad.stderr:
    fail("unknown option: " + bad.stderr)
bad = run([BIN, "generate", "yoko", "--profile", os.path.join(DATA, "profile.toml"), "--out", os.path.join(out, "x.txt")])
if bad.returncode == 0 or ".docx, .pdf, .md" not in bad.stderr:
    fail("unknown format: " + bad.stderr)
bad = run([BIN, "generate", "yoko", "--profile", os.path.join(DATA, "profile.toml"), "--out", os.path.join(out, "x.md"),
           "--date", "2026-02-30"])
if bad.returncode == 0 or "--date" not in bad.stderr:
    fail("impossible date: " + bad.stderr)
bad = run([BIN, "generate", "order", "--answers", os.path.join(DATA, "apply-only.answers.toml"), "--profile",
           os.path.join(DATA, "profile.toml"), "--out", os.path.join(out, "x.md")])
if bad.returncode == 0 or "作成しない文書" not in bad.stderr:
    fail("a form that does not apply: " + bad.stderr)


def generate_fails(extra, needles, profile=os.path.join(DATA, "profile.toml")):
    bad = run([BIN, "generate", "yoko", "--profile", profile, "--out", os.path.join(out, "bad.md"), *extra])
    if bad.returncode == 0 or not all(n in bad.stderr for n in needles):
        fail(f"generate {extra} should fail naming {needles}: rc={bad.returncode} {bad.stderr}")
    if os.path.exists(os.path.join(out, "bad.md")):
        fail("a refused draft left a file behind")


generate_fails(("--set", "max_days="), ("オプション「max_days」", "空です"))
generate_fails(("--set", "lend=maybe"), ("オプション「lend」", "true、false、はい、いいえ"))
generate_fails(("--set", "apply=false", "--set", "head_order=false"), ("apply", "head_order"))
hostile_profile = os.path.join(out, "empty-municipality.toml")
with open(hostile_profile, "w", encoding="utf-8") as f:
    f.write('municipality = ""\ndepartment = "総務課"\nadmin_head = "総務課長"\nmayer = "町長"\n')
generate_fails((), ("empty-municipality.toml:1:", "自治体名", "empty-municipality.toml:4:1: 未知のキー「mayer」"), profile=hostile_profile)
literal = generate("yoko", ".md", extra=("--set", "max_days={{municipality}}", "--set", "byod=はい"))
if "{{municipality}}を上限とする" not in open(literal, encoding="utf-8").read():
    fail("a --set value was expanded as a template")

# The 新旧対照表 of two drafts: Markdown with <u> marks, Word with underlined runs, landscape PDF.
old_md = generate("yoko", ".md", answers="apply-only", profile="profile-ward")
new_md = generate("yoko", ".md", answers="order-both", profile="profile-ward")
for ext in (".md", ".docx", ".pdf"):
    result = run([BIN, "compare", old_md, new_md, "--out", os.path.join(out, "table" + ext), "--date", "2026-11-26"])
    if result.returncode != 0:
        fail(f"compare {ext}: {result.stderr}")
table_md = open(os.path.join(out, "table.md"), encoding="utf-8").read()
if "| 改正後 | 改正前 |" not in table_md or "<u>" not in table_md or "（新設）" not in table_md or "（略）" not in table_md:
    fail("the Markdown 新旧対照表 lacks its columns, marks, （新設） or （略）: " + table_md[:400])
table_docx = docx.Document(os.path.join(out, "table.docx"))
if [c.text for c in table_docx.tables[0].rows[0].cells] != ["改正後", "改正前"]:
    fail("the Word 新旧対照表 has no 改正後/改正前 header")
if not any(r.underline for t in table_docx.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs):
    fail("the Word 新旧対照表 underlines nothing")
info = run(["pdfinfo", os.path.join(out, "table.pdf")]).stdout
if "841.89 x 595.276" not in info or "新旧対照表" not in run(["pdftotext", os.path.join(out, "table.pdf"), "-"]).stdout:
    fail("the PDF 新旧対照表 is not A4 landscape or lacks its title: " + info)
broken = os.path.join(out, "broken.md")
with open(broken, "w", encoding="utf-8") as f:
    f.write("# 要綱\n\n第1条　本文\n\n3　三つ目\n")
bad = run([BIN, "compare", broken, new_md, "--out", os.path.join(out, "x.md")])
if bad.returncode != 1 or "broken.md:5: 項の番号が続いていません" not in bad.stderr:
    fail("compare did not report the broken file with its line: " + bad.stderr)

# The document screen: register a department, open 文書, look at the preview, save a PDF.
# The save buttons stay in a bar above the scrolling options (issue 14).
def settle(app):
    last = app.state()
    for _ in range(20):
        time.sleep(0.25)
        state = app.state()
        if state["targets"] == last["targets"]:
            return state
        last = state
    return last


data_dir = tempfile.mkdtemp(prefix="tebiki-docs-gui-")
with Display() as display:
    shot = os.path.join(tempfile.gettempdir(), f"tebiki-documents-{os.getpid()}.png")
    display.env["TEBIKI_SCREENSHOT_FILE"] = shot
    app = App(display, content=os.path.join(SOURCE, "content"), size="1500x950", data_dir=data_dir)
    try:
        app.wait_for(lambda s: "docs" in s["targets"], "toolbar")
        app.focus()
        app.register_department("Minato", "Jinji")
        app.click_target("docs")
        state = app.wait_for(lambda s: s["screen"] == "documents" and s.get("preview_pages", 0) >= 2, "preview of the 要綱")
        if state["draft_date"] != datetime.date.today().isoformat():
            fail(f"the 作成日 is {state['draft_date']}, not today")
        app.click_target("docs:save_pdf")
        saved = app.exported(".pdf")
        exports = os.path.join(app.data_dir, "exports")
        if not saved or not saved[0].endswith(".pdf") or "Minato_Jinji" not in saved[0]:
            fail(f"the PDF was not saved with a safe name: {saved}")
        if "実施要綱" not in run(["pdftotext", os.path.join(exports, saved[0]), "-"]).stdout:
            fail("the saved PDF lacks the title")
        app.wait_for(lambda s: s.get("docs_message"), "the saved message")
        # The same draft saved again in the same format asks first; やめる leaves one file.
        app.click_target("docs:save_pdf")
        app.wait_for(lambda s: s["resave_asked"], "「もう一度保存しますか」")
        app.click_target("docs:resave_cancel")
        app.wait_for(lambda s: not s["resave_asked"], "the question withdrawn")
        if len([n for n in os.listdir(exports) if n.endswith(".pdf")]) != 1:
            fail("やめる still saved a second PDF")

        # An option that adds the 命令 form: the options do not move, the saved message goes.
        state = app.scroll_to("docs:option:head_order", x=300, y=600)
        state = settle(app)
        before = state["targets"]["docs:option:head_order"]
        if not state["docs_message"]:
            state = app.wait_for(lambda s: s.get("docs_message"), "the saved message")
        docs_before = sum(n.startswith("docs:doc:") for n in state["targets"])
        app.click_target("docs:option:head_order")
        state = app.wait_for(lambda s: not s["docs_message"], "「保存しました」 cleared by the change")
        state = settle(app)
        after = state["targets"]["docs:option:head_order"]
        print(f"head_order option before {before}, after {after}")
        if abs(after[1] - before[1]) > 1:
            fail(f"the option moved under the pointer: {before} → {after}")
        app.click_target("docs:save_md")  # the bar is still there, however far the options scrolled
        names = app.exported(".md")
        markdown = open(os.path.join(exports, next(n for n in names if n.endswith(".md"))), encoding="utf-8").read()
        if "（所属長が命ずる在宅勤務）" not in markdown:
            fail("turning on 所属長が命ずる場合 did not reach the saved 要綱")

        # The 新旧対照表 against the draft saved before: preview it, save it.
        state = app.wait_for(lambda s: s.get("comparison") == "changed", "a 新旧対照表 against the saved PDF")
        app.scroll_to("docs:compare_preview", x=300, y=600)
        app.click_target("docs:compare_preview")
        app.wait_for(lambda s: s.get("compare_preview") and s.get("preview_pages", 0) >= 1, "the 新旧対照表 in the preview")
        table_shot = os.path.join(tempfile.gettempdir(), f"tebiki-documents-compare-{os.getpid()}.png")
        before = app.state()["screenshots"]
        app.proc.send_signal(signal.SIGUSR1)
        app.wait_for(lambda s: s["screenshots"] > before, "screenshot of the 新旧対照表")
        os.replace(shot, table_shot)
        print(f"新旧対照表 screenshot: {table_shot}")
        app.scroll_to("docs:compare_pdf", x=300, y=600)
        app.click_target("docs:compare_pdf")
        deadline = time.time() + 10
        tables = []
        while not tables and time.time() < deadline:  # the draft's own PDF is already there
            tables = [n for n in app.exported(".pdf") if "新旧対照表" in n]
            time.sleep(0.1)
        if not tables:
            fail("no 新旧対照表 PDF was exported")
        deadline = time.time() + 10  # the file may still be being written
        while "改正後" not in run(["pdftotext", os.path.join(exports, tables[0]), "-"]).stdout:
            if time.time() > deadline:
                fail("the saved 新旧対照表 lacks its columns")
            time.sleep(0.3)
        app.click_target("docs:compare_preview")  # back to the draft for the screenshot below
        app.wait_for(lambda s: not s.get("compare_preview"), "the draft in the preview again")

        # The municipality's facts: typed in the panel below the options, they reach the draft.
        app.scroll_to("docs:facts", x=300, y=600)
        app.click_target("docs:facts")
        app.wait_for(lambda s: "docs:fact:admin_head" in s["targets"] or s["frames"] > 0, "the facts panel open")
        app.scroll_to("docs:fact:admin_head", x=300, y=600)
        app.click_target("docs:fact:admin_head")
        app.xdotool("type", "--delay", "50", "Somu-kacho")
        app.click_target("docs:preview")  # leave the field
        earlier = set(app.exported(".md"))
        app.click_target("docs:save_md")  # every save is a new file: earlier ones are never overwritten
        deadline = time.time() + 10
        fresh = []
        while not fresh and time.time() < deadline:
            fresh = [n for n in os.listdir(exports) if n.endswith(".md") and n not in earlier and "新旧対照表" not in n]
            time.sleep(0.2)
        if not fresh or "Somu-kachoが別に定める" not in open(os.path.join(exports, fresh[0]), encoding="utf-8").read():
            fail("the 要綱を所管する職 typed in the facts panel did not reach the saved draft")

        # The preview zooms and pans: 拡大 twice, then a drag on the page moves it.
        width_fit = app.state()["targets"]["docs:preview"][2]
        app.click_target("docs:zoom_in")
        app.wait_for(lambda s: s["preview_zoom"] > 1.2, "zoomed in once")
        app.click_target("docs:zoom_in")
        state = app.wait_for(lambda s: s["preview_zoom"] > 2, "zoomed in twice")
        state = settle(app)
        x, y, w, h = state["targets"]["docs:preview"]
        print(f"preview width at fit {width_fit}px, zoomed {w}px")
        app.xdotool("mousemove", "--window", app.window(), str(int(x + w / 2)), str(int(y + h / 2)))
        time.sleep(0.1)
        app.xdotool("mousedown", "1")
        for step in range(1, 11):
            app.xdotool("mousemove", "--window", app.window(), str(int(x + w / 2 - step * 20)), str(int(y + h / 2 - step * 20)))
            time.sleep(0.03)
        app.xdotool("mouseup", "1")
        state = app.wait_for(lambda s: s["preview_scroll"][0] > 50 and s["preview_scroll"][1] > 50, "the page panned by the drag")
        before = app.state()["screenshots"]
        app.proc.send_signal(signal.SIGUSR1)
        app.wait_for(lambda s: s["screenshots"] > before, "screenshot")
        zoomed_shot = os.path.join(tempfile.gettempdir(), f"tebiki-documents-zoomed-{os.getpid()}.png")
        os.replace(shot, zoomed_shot)
        print(f"zoomed preview screenshot: {zoomed_shot}")
        app.click_target("docs:zoom_fit")
        app.wait_for(lambda s: s["preview_zoom"] == 1, "back to the whole page")
        state = settle(app)
        before = app.state()["screenshots"]
        app.proc.send_signal(signal.SIGUSR1)
        app.wait_for(lambda s: s["screenshots"] > before, "screenshot")
        x, y, w, h = app.state()["targets"]["docs:preview"]
        if ink_ratio(shot, (int(x), int(y), int(x + w), int(y + h * 0.5))) < 0.003:
            fail("the preview page looks blank")
        print(f"documents screenshot: {shot}")
    finally:
        app.close()

    # The options chosen are kept: after a restart the 命令 option is still on.
    app = App(display, content=os.path.join(SOURCE, "content"), size="1500x950", data_dir=data_dir)
    try:
        app.wait_for(lambda s: "docs" in s["targets"], "toolbar after the restart")
        app.focus()
        app.click_target("docs")
        app.click_target("docs:dept:Jinji")
        state = app.wait_for(lambda s: s["screen"] == "documents" and s.get("preview_pages", 0) >= 2, "the 要綱 again")
        if not any(n == "docs:doc:order" for n in state["targets"]):
            fail(f"the 命令 form is gone after a restart: the option was not kept ({sorted(state['targets'])})")
    finally:
        app.close()
print("ok")
