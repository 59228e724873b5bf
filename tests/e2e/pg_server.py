"""A private PostgreSQL 15 server for one test: initdb + pg_ctl in a temporary folder, on a free
TCP port on 127.0.0.1, with its socket in that folder. As root it runs as the `postgres` user
(through runuser: the server refuses to run as root); otherwise as the current user. Stopped and
removed at exit, also when the test fails — never a server left running, never one relied on.

    with PgServer() as pg:
        pg.uri()                       # postgresql://tebiki:PASSWORD@127.0.0.1:PORT/tebiki
        pg.sql("SELECT count(*) FROM assessments")   # psql as the superuser, rows as lists
"""
import atexit
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

PG_BIN = "/usr/lib/postgresql/15/bin"
PASSWORD = "s3cret-pw-7f1c"  # the tests look for it in files and output: it must never appear there


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    def __init__(self):
        self.root = os.geteuid() == 0
        self.dir = tempfile.mkdtemp(prefix="tebiki-pg-")
        self.data = os.path.join(self.dir, "data")
        self.port = _free_port()
        self.running = False
        if self.root:
            pw = pwd.getpwnam("postgres")
            os.chown(self.dir, pw.pw_uid, pw.pw_gid)
        atexit.register(self.close)

    def _as_server_user(self, args, **kwargs):
        cmd = (["runuser", "-u", "postgres", "--"] if self.root else []) + args
        return subprocess.run(cmd, capture_output=True, text=True, **kwargs)

    def _check(self, result, what):
        if result.returncode != 0:
            print(f"FAIL: {what}: {result.stdout}{result.stderr}", file=sys.stderr)
            self.close()
            sys.exit(1)
        return result

    def __enter__(self):
        pwfile = os.path.join(self.dir, "pw")
        with open(pwfile, "w") as f:
            f.write("postgres-" + PASSWORD + "\n")
        if self.root:
            shutil.chown(pwfile, "postgres")
        self._check(self._as_server_user([f"{PG_BIN}/initdb", "-D", self.data, "-U", "postgres", "--pwfile", pwfile,
                                          "-E", "UTF8", "--locale=C", "--no-sync", "-A", "scram-sha-256", "--auth-local=trust"]),
                    "initdb")
        os.remove(pwfile)
        with open(os.path.join(self.data, "postgresql.auto.conf"), "a") as f:
            f.write(f"port = {self.port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '{self.dir}'\n"
                    "fsync = off\nlogging_collector = off\n")
        self.start()
        self.sql("CREATE ROLE tebiki LOGIN PASSWORD '" + PASSWORD + "'")
        self.sql("CREATE DATABASE tebiki OWNER tebiki")
        return self

    def __exit__(self, *exc):
        self.close()

    def start(self):
        self._check(self._as_server_user([f"{PG_BIN}/pg_ctl", "-D", self.data, "-l", os.path.join(self.dir, "log"),
                                          "-w", "-t", "30", "start"]), "pg_ctl start")
        self.running = True

    def stop(self):
        if self.running:
            self._as_server_user([f"{PG_BIN}/pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop"])
            self.running = False

    def close(self):
        self.stop()
        # A server that would not stop (a failed test mid-way): kill it by the pid it wrote.
        pidfile = os.path.join(self.data, "postmaster.pid")
        if os.path.exists(pidfile):
            try:
                with open(pidfile) as f:
                    os.kill(int(f.readline()), signal.SIGKILL)
                time.sleep(0.5)
            except (OSError, ValueError):
                pass
        shutil.rmtree(self.dir, ignore_errors=True)

    def uri(self, user="tebiki", password=PASSWORD, database="tebiki", extra=""):
        auth = user + (":" + password if password else "")
        return f"postgresql://{auth}@127.0.0.1:{self.port}/{database}{extra}"

    def sql(self, statement, database="postgres"):
        """Runs one statement through psql as the superuser (over the socket); returns rows as lists of strings."""
        result = self._check(self._as_server_user(["psql", "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1",
                                                   "-h", self.dir, "-p", str(self.port), "-U", "postgres", "-d", database,
                                                   "-c", statement]), "psql " + statement)
        return [line.split("\t") for line in result.stdout.splitlines() if line]

    def value(self, statement):
        rows = self.sql(statement, database="tebiki")
        return rows[0][0] if rows else None
