"""The outbox delivered in batches (task 17a: up to 100 operations per server transaction), against
a real PostgreSQL 15 started for this test. One installation saves an assessment; then a long run
of answer.set operations is put into its outbox, as a machine answering offline would leave them:
- the process dies right after the first batch's server commit (TEBIKI_TEST_CRASH=
  after_server_commit): the server holds exactly the first operations (more than one, in one
  transaction), the outbox still all of them; the next command re-sends them and nothing is
  applied twice, and the server's history has every value once, in outbox order across batches;
- a bad operation in the middle of a batch (a value the server cannot cast) and an operation this
  tebiki does not know in the next batch: each is held back alone with the server's message,
  every other operation is applied once, in order."""
import json
import os
import sqlite3
import subprocess
import tempfile

from harness import BIN, fail
from pg_server import PgServer
from ward_data import save

QUESTION = "delivery-order"  # a question of its own: its history rows are this test's alone


def tebiki(*args, data, store, env=None):
    result = subprocess.run([BIN, *args, "--data", data, "--store", store], capture_output=True, text=True, env=env, timeout=120)
    return result


def local(data):
    return sqlite3.connect(os.path.join(data, "tebiki.sqlite"))


def outbox(data):
    """(seq, op, error) of every row waiting, oldest first."""
    with local(data) as db:
        return db.execute("SELECT seq, op, error FROM outbox ORDER BY seq").fetchall()


def append_answers(data, assessment, values, bad=None):
    """answer.set rows for QUESTION (bad: {index: (op, data)} replaces some); returns their seqs."""
    seqs = []
    with local(data) as db:
        for i, value in enumerate(values):
            op, payload = "answer.set", {"assessment": assessment, "task": -1, "question": QUESTION, "value": value,
                                         "at": "2026-12-02T01:00:00.000Z"}
            if bad and i in bad:
                op, payload = bad[i](payload)
            seqs.append(db.execute("INSERT INTO outbox(op, data) VALUES(?, ?)", (op, json.dumps(payload, ensure_ascii=False))).lastrowid)
    return seqs


work = tempfile.mkdtemp(prefix="tebiki-ward-delivery-")
data = tempfile.mkdtemp(prefix="one-", dir=work)
with PgServer() as pg:
    uri = pg.uri()
    save(data, uri, "総務部人事課", "readiness-ready", work)
    if outbox(data):
        fail("the saved assessment is delivered")
    me = pg.value("SELECT installation FROM assessments")
    assessment = pg.value("SELECT global_id FROM assessments")

    def applied(seqs):
        ids = ",".join(f"'{me}:{s}'" for s in seqs)
        return [int(row[0].split(":")[-1]) for row in pg.sql(f"SELECT op_id FROM tebiki_applied_ops WHERE op_id IN ({ids})", database="tebiki")]

    def history():
        return [row[0] for row in pg.sql(f"SELECT value FROM history WHERE field = 'answer:{QUESTION}' ORDER BY id", database="tebiki")]

    # 250 operations: three batches. The process dies after the first server commit.
    values = [f"a{i}" for i in range(250)]
    seqs = append_answers(data, assessment, values)
    crash = dict(os.environ, TEBIKI_TEST_CRASH="after_server_commit")
    died = tebiki("list", "questionnaires", data=data, store=uri, env=crash)
    if died.returncode != 3:
        fail(f"the test hook stops the process after the server's commit: {died.returncode} {died.stderr}")
    done = sorted(applied(seqs))
    if len(done) < 2 or done != seqs[:len(done)] or len(done) == len(seqs):
        fail(f"one server transaction applied the first operations, more than one and not all: {len(done)} of {len(seqs)}")
    if history() != values[:len(done)]:
        fail(f"the server holds the first batch's values, in order: {history()[:5]} …")
    if [row[0] for row in outbox(data)] != seqs:
        fail("the outbox still holds the whole batch the server committed")

    again = tebiki("list", "questionnaires", data=data, store=uri)
    if again.returncode != 0 or outbox(data):
        fail(f"the next command delivers everything: {again.returncode} {again.stderr} {len(outbox(data))} left")
    if history() != values:
        got = history()
        fail(f"every value once, in outbox order across the batches: {len(got)} rows, first out of place at "
             f"{next((i for i, (a, b) in enumerate(zip(got, values)) if a != b), min(len(got), len(values)))}")
    if sorted(applied(seqs)) != seqs:
        fail("every operation's op id is recorded")
    if pg.value(f"SELECT value FROM answers WHERE question_id = '{QUESTION}'") != values[-1]:
        fail("the answer's current value is the last one sent")

    # A bad operation in the middle of the first batch, one this tebiki does not know in the second.
    values = [f"b{i}" for i in range(150)]
    bad_cast = lambda p: ("answer.set", dict(p, task="x"))  # (task)::int fails: 22P02, bad data
    unknown = lambda p: ("answer.archive", p)  # as a newer tebiki might send: refused as data
    seqs = append_answers(data, assessment, values, bad={40: bad_cast, 120: unknown})
    result = tebiki("list", "questionnaires", data=data, store=uri)
    if result.returncode != 0:
        fail(f"a refused operation does not fail the command: {result.returncode} {result.stderr}")
    held = outbox(data)
    if [row[0] for row in held] != [seqs[40], seqs[120]] or not all(row[2] for row in held):
        fail(f"only the two refused operations are held back: {len(held)} held, first {held[:3]}")
    if "invalid input syntax" not in held[0][2] or "answer.archive" not in held[1][2]:
        fail(f"each held operation keeps the server's message: {held}")
    if "サーバーが受け付けない操作" not in result.stderr:
        fail(f"the command says an operation was held back: {result.stderr}")
    expected = [v for i, v in enumerate(values) if i not in (40, 120)]
    if history()[-len(expected) - 1:] != ["a249"] + expected:
        fail(f"the others are applied once each, in order: {history()[-len(expected) - 1:][:5]} …")
    if sorted(applied(seqs)) != [s for i, s in enumerate(seqs) if i not in (40, 120)]:
        fail("every operation but the refused ones has its op id recorded")
    # Held rows no longer stop delivery: the next run sends nothing and holds them still.
    tebiki("list", "questionnaires", data=data, store=uri)
    if len(history()) != 250 + len(expected) or len(outbox(data)) != 2:
        fail(f"a later delivery applies nothing again: {len(history())} history rows, {len(outbox(data))} in the outbox")
print("ok")
