#!/usr/bin/python3
"""`tebiki ward` over 100 departments × 5 assessments (500 finished readiness assessments), on
this installation's SQLite file and on a PostgreSQL 15 server started for the run (as in the
tests: initdb + pg_ctl in a temporary folder). Prints medians of 5 runs of `tebiki ward --json`
and the time the first delivery of the 500 assessments (the catch-up copy) took, also over a slow
link (20 ms round trip, bench/slow_link.py) to a second database of the same server.

Usage: bench/ward_bench.py [BUILD_DIR]"""
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "e2e"))
from pg_server import PgServer  # noqa: E402
from slow_link import SlowLink  # noqa: E402

BIN = os.path.join(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build"), "app", "tebiki")
ANSWERS = ["readiness-nothing-done", "readiness-early", "readiness-partial", "readiness-devices-no-rules", "readiness-ready"]
DIVISIONS = ["総務部", "区民部", "福祉部", "子ども家庭部", "環境清掃部", "都市整備部", "まちづくり推進部", "地域振興部", "保健所", "教育委員会事務局"]


def run(*args):
    result = subprocess.run([BIN, *args], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"tebiki {' '.join(args)}: {result.stderr}")
    return result


def timed(*args, runs=5):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run(*args)
        times.append((time.perf_counter() - start) * 1000)
    return sorted(times)[len(times) // 2]


work = tempfile.mkdtemp(prefix="tebiki-ward-bench-")
data = os.path.join(work, "data")
os.mkdir(data)
start = time.perf_counter()
for d in range(100):
    profile = os.path.join(work, f"p{d}.toml")
    with open(profile, "w") as f:
        f.write(f'municipality = "千代田区"\ndepartment = "{DIVISIONS[d % 10]}第{d + 1}課"\n')
    for a in range(5):
        run("assess", "readiness", "--answers", os.path.join(ROOT, "tests", "data", "assessment", ANSWERS[(a + d) % 5] + ".answers.toml"),
            "--profile", profile, "--save", "--data", data)
print(f"setup: 500 assessments saved one command each in {time.perf_counter() - start:.1f} s")
# Five months, one assessment per month per department.
with sqlite3.connect(os.path.join(data, "tebiki.sqlite")) as db:
    db.execute("UPDATE assessments SET finished_at = printf('2026-%02d-15T01:00:00.000Z', 7 + (id - 1) % 5)")

local = timed("ward", "--json", "--data", data)
slow_data = os.path.join(work, "slow")
shutil.copytree(data, slow_data)  # not yet delivered anywhere
with PgServer() as pg:
    uri = pg.uri()
    start = time.perf_counter()
    run("ward", "--json", "--data", data, "--store", uri)
    first = (time.perf_counter() - start) * 1000
    server = timed("ward", "--json", "--data", data, "--store", uri)
    reader = os.path.join(work, "reader")
    os.mkdir(reader)
    other = timed("ward", "--json", "--data", reader, "--store", uri)
    pg.sql("CREATE DATABASE slow OWNER tebiki")
    with SlowLink(pg.port, one_way_ms=10) as link:
        start = time.perf_counter()
        run("ward", "--json", "--data", slow_data, "--store", pg.uri(database="slow").replace(f":{pg.port}/", f":{link.port}/"))
        slow = (time.perf_counter() - start) * 1000
print(f"tebiki ward --json, 100 departments × 5 assessments: local SQLite {local:.0f} ms, server {server:.0f} ms "
      f"(another installation reading it {other:.0f} ms); first delivery of the 500 assessments + report {first:.0f} ms, "
      f"over a 20 ms round trip {slow:.0f} ms")
shutil.rmtree(work, ignore_errors=True)
