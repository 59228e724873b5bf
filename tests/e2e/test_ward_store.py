"""One ward server, several installations (issue 13), from the command line against a real
PostgreSQL 15 started for this test:
- two installations (two --data folders) save assessments; a third reads both (`tebiki ward --json`);
- the server stops: a save still lands locally (in the outbox) and arrives at the next command;
- the process dies right after the local commit: delivered at the next start, exactly once; it dies
  after the server applied an operation but before the outbox forgot it: re-sent, still once;
- two processes saving at the same time into one data folder lose nothing;
- the same department edited at two installations: the later write wins, both are in its history;
- the password in the URI never appears in tebiki.sqlite or in any output;
- the roles README suggests (DML-only writers, SELECT-only readers) work; TEBIKI_STORE, --csv,
  and sslmode passed through to libpq;
- a server schema newer than this tebiki is refused with a Japanese message."""
import json
import os
import sqlite3
import subprocess
import tempfile
import threading

from harness import BIN, fail
from pg_server import PASSWORD, PgServer
from ward_data import DEPARTMENTS, save

outputs = []  # every stdout and stderr, searched for the password at the end


def tebiki(*args, data, store, env=None, check=True):
    result = subprocess.run([BIN, *args, "--data", data, "--store", store], capture_output=True, text=True, env=env, timeout=120)
    outputs.append(result.stdout + result.stderr)
    if check and result.returncode != 0:
        fail(f"tebiki {' '.join(args)}: exit {result.returncode}: {result.stderr[-1500:]}")
    return result


def saved(data, store, department, answers_name, folder, env=None, check=True, head_name=""):
    result = save(data, store, department, answers_name, folder, env=env, check=check, head_name=head_name)
    outputs.append(result.stdout + result.stderr)
    return result


def ward(data, store):
    return json.loads(tebiki("ward", "--json", data=data, store=store).stdout)


def outbox(data):
    with sqlite3.connect(os.path.join(data, "tebiki.sqlite")) as db:
        return db.execute("SELECT count(*) FROM outbox").fetchone()[0]


work = tempfile.mkdtemp(prefix="tebiki-ward-store-")
folder = lambda name: tempfile.mkdtemp(prefix=name + "-", dir=work)
with PgServer() as pg:
    uri = pg.uri()

    # Two installations write; a third, which wrote nothing, reads both.
    first, second, reader = folder("first"), folder("second"), folder("reader")
    for i, (department, answers_name) in enumerate(DEPARTMENTS[:4]):
        saved(first if i % 2 == 0 else second, uri, department, answers_name, work)
    report = ward(reader, uri)
    names = sorted(d["department"] for d in report["departments"])
    if names != sorted(d for d, _ in DEPARTMENTS[:4]):
        fail(f"the third installation sees both installations' departments: {names}")
    if report["source"] != "server":
        fail(f"the report comes from the server: {json.dumps(report, ensure_ascii=False)[:400]}")
    if pg.value("SELECT count(DISTINCT installation) FROM assessments") != "2":
        fail("each assessment on the server carries the installation that saved it")
    if outbox(first) != 0 or outbox(second) != 0:
        fail("nothing waits in the outboxes once delivered")

    # The server stops: the save lands locally and waits; at the next command it arrives.
    pg.stop()
    offline = saved(first, uri, "区民部区民課", "readiness-devices-no-rules", work)
    if outbox(first) == 0:
        fail("a save while the server is down waits in the outbox")
    if "サーバー" not in offline.stderr:
        fail(f"a save while the server is down says it could not reach it: {offline.stderr}")
    pg.start()
    tebiki("list", "questionnaires", data=first, store=uri)
    if outbox(first) != 0 or pg.value("SELECT count(*) FROM departments WHERE name = '区民部区民課'") != "1":
        fail("the save made while the server was down arrives at the next command")

    # Killed right after the local commit: nothing sent yet; the next start sends it, once.
    crash = dict(os.environ, TEBIKI_TEST_CRASH="after_local_commit")
    result = saved(second, uri, "福祉部介護保険課", "readiness-no-access", work, env=crash, check=False)
    if result.returncode != 3 or outbox(second) == 0:
        fail(f"the test hook stops the process after the local commit: {result.returncode} {result.stderr}")
    if pg.value("SELECT count(*) FROM departments WHERE name = '福祉部介護保険課'") != "0":
        fail("nothing reached the server before the process died")
    tebiki("ward", "--json", data=second, store=uri)
    if outbox(second) != 0 or pg.value("SELECT count(*) FROM assessments a JOIN departments d ON d.id = a.department_id "
                                       "WHERE d.name = '福祉部介護保険課'") != "1":
        fail("the assessment saved before the crash arrives at the next start, once")

    # Killed after the server applied an operation, before the outbox forgot it: re-sent, applied once.
    crash = dict(os.environ, TEBIKI_TEST_CRASH="after_server_commit")
    result = saved(second, uri, "福祉部生活福祉課", "readiness-nothing-done", work, env=crash, check=False)
    if result.returncode != 3 or outbox(second) == 0:
        fail(f"the test hook stops the process after the server's commit: {result.returncode} {result.stderr}")
    tebiki("list", "questionnaires", data=second, store=uri)
    if outbox(second) != 0:
        fail("the outbox is empty after the re-send")
    count = pg.value("SELECT count(*) FROM assessments a JOIN departments d ON d.id = a.department_id WHERE d.name = '福祉部生活福祉課'")
    if count != "1":
        fail(f"an operation sent twice is applied once: {count} assessments")
    applied = pg.value("SELECT count(*) FROM tebiki_applied_ops")
    if applied is None or int(applied) < 10:
        fail(f"tebiki_applied_ops records the applied operations: {applied}")

    # Two processes saving at the same time into one data folder, and a third into another: nothing lost.
    busy, other = folder("busy"), folder("other")
    before = int(pg.value("SELECT count(*) FROM assessments"))
    errors = []

    def worker(data, names):
        for name in names:
            r = save(data, uri, name, "readiness-partial", work, check=False)
            outputs.append(r.stdout + r.stderr)
            if r.returncode != 0:
                errors.append(f"{name}: {r.stderr[-500:]}")

    threads = [threading.Thread(target=worker, args=(busy, [f"並行{k}課{i}" for i in range(5)])) for k in (1, 2)]
    threads.append(threading.Thread(target=worker, args=(other, [f"並行3課{i}" for i in range(5)])))
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        fail("concurrent saves all succeed: " + "; ".join(errors))
    tebiki("list", "questionnaires", data=busy, store=uri)
    after = int(pg.value("SELECT count(*) FROM assessments"))
    if after - before != 15 or outbox(busy) != 0 or outbox(other) != 0:
        fail(f"15 concurrent saves reach the server: {after - before}; outboxes {outbox(busy)}, {outbox(other)}")
    with sqlite3.connect(os.path.join(busy, "tebiki.sqlite")) as db:
        if db.execute("SELECT count(*) FROM assessments").fetchone()[0] != 10:
            fail("both processes' saves are in the shared local file")

    # The same department edited at two installations: the later write wins; both are in the history.
    saved(first, uri, "総務部人事課", "readiness-ready", work, head_name="山田太郎")
    saved(second, uri, "総務部人事課", "readiness-ready", work, head_name="佐藤花子")
    if pg.value("SELECT head_name FROM departments WHERE name = '総務部人事課'") != "佐藤花子":
        fail("the later edit by server time is the current value")
    history = json.loads(tebiki("ward", "--history", "総務部人事課", "--json", data=reader, store=uri).stdout)
    heads = [h["value"] for h in history["history"] if h["field"] == "head_name"]
    if heads[-2:] != ["山田太郎", "佐藤花子"] or not all(h["server_time"] for h in history["history"]):
        fail(f"both sides of the conflict are in the history, in server order: {heads}")
    text = tebiki("ward", "--history", "総務部人事課", data=reader, store=uri).stdout
    if "山田太郎" not in text or "佐藤花子" not in text:
        fail(f"the text history shows both values: {text}")

    # The password: never in tebiki's own files or in anything it printed.
    for data in (first, second, reader, busy, other):
        for name in os.listdir(data):
            path = os.path.join(data, name)
            if os.path.isfile(path) and PASSWORD.encode() in open(path, "rb").read():
                fail(f"the password is written into {path}")
    for out in outputs:
        if PASSWORD in out:
            fail("the password is printed: " + out[-500:])
    # A URI without the password, with PGPASSFILE as libpq reads it, works the same.
    passfile = os.path.join(work, "pgpass")
    with open(passfile, "w") as f:
        f.write(f"127.0.0.1:{pg.port}:tebiki:tebiki:{PASSWORD}\n")
    os.chmod(passfile, 0o600)
    nopw = pg.uri(password="")
    result = subprocess.run([BIN, "ward", "--json", "--data", reader, "--store", nopw], capture_output=True, text=True,
                            env=dict(os.environ, PGPASSFILE=passfile), timeout=60)
    if result.returncode != 0 or len(json.loads(result.stdout)["departments"]) < 5:
        fail(f"PGPASSFILE supplies the password: {result.returncode} {result.stderr}")
    # A bad URI is refused naming the option.
    bad = subprocess.run([BIN, "ward", "--data", reader, "--store", "mysql://x"], capture_output=True, text=True)
    if bad.returncode != 2 or "--store" not in bad.stderr:
        fail(f"a bad --store is refused naming the option: {bad.returncode} {bad.stderr}")

    # The roles README suggests to a DBA: the owner (tebiki, above) created the schema; machines
    # write with DML rights only, the 推進担当 read with SELECT only.
    for statement in (
            "CREATE ROLE tebiki_writer LOGIN PASSWORD '" + PASSWORD + "'",
            "CREATE ROLE tebiki_reader LOGIN PASSWORD '" + PASSWORD + "'"):
        pg.sql(statement)
    for statement in (
            "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO tebiki_writer",
            "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO tebiki_writer",
            "GRANT SELECT ON ALL TABLES IN SCHEMA public TO tebiki_reader"):
        pg.sql(statement, database="tebiki")
    kiosk = folder("kiosk")
    saved(kiosk, pg.uri(user="tebiki_writer"), "教育委員会事務局学務課", "readiness-partial", work)
    if outbox(kiosk) != 0:
        fail("a role with DML rights only delivers everything")
    viewer = json.loads(tebiki("ward", "--json", data=folder("viewer"), store=pg.uri(user="tebiki_reader")).stdout)
    if "教育委員会事務局学務課" not in [d["department"] for d in viewer["departments"]]:
        fail("a role with SELECT only reads the 全庁 view")
    # TLS parameters reach libpq: this test server has no TLS, so sslmode=require is refused by it.
    tls = tebiki("ward", "--json", data=reader, store=uri + "?sslmode=require", check=False)
    if "SSL" not in tls.stderr or json.loads(tls.stdout)["source"] != "local":
        fail(f"sslmode passes through to libpq: {tls.stderr}")
    csv = tebiki("ward", "--csv", data=reader, store=uri).stdout
    if not csv.startswith("\ufeff") or "教育委員会事務局学務課" not in csv:
        fail(f"tebiki ward --csv: BOM and one line per department: {csv[:200]}")
    env = dict(os.environ, TEBIKI_STORE=uri)
    through_env = subprocess.run([BIN, "ward", "--json", "--data", folder("env")], capture_output=True, text=True, env=env, timeout=60)
    outputs.append(through_env.stdout + through_env.stderr)
    if through_env.returncode != 0 or json.loads(through_env.stdout)["source"] != "server":
        fail(f"TEBIKI_STORE chooses the server: {through_env.stderr}")

    # A server schema newer than this tebiki knows: refused, with the reason in Japanese.
    pg.sql("UPDATE tebiki_schema SET version = version + 1", database="tebiki")
    newer = tebiki("ward", "--json", data=reader, store=uri, check=False)
    if newer.returncode == 0 or "新しい" not in newer.stderr:
        fail(f"a newer server schema is refused: {newer.returncode} {newer.stderr}")
    kept = saved(first, uri, "会計室", "readiness-early", work, check=False)
    if kept.returncode != 0 or outbox(first) == 0:
        fail(f"with a newer server schema a save stays local, in the outbox: {kept.returncode} {kept.stderr}")
print("ok")
