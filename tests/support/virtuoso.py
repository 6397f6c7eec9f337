"""A real Virtuoso 7 (Debian `virtuoso-opensource`) for tests: on 127.0.0.1, free ports, its own ini and database
in a temporary folder, a `loader` account with the least rights a load needs (SPARQL_UPDATE).

    with VirtuosoServer(folder) as server:
        server.url                  # http://127.0.0.1:PORT (/sparql, /sparql-auth, /sparql-graph-crud-auth)
        server.user, server.password

`make stores` installs the package (as root); without it the fixture skips with the reason.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from .process import free_port, stop, wait_until_answers

BINARY = "/usr/bin/virtuoso-t"
ISQL = "/usr/bin/isql-vt"
VSP = "/var/lib/virtuoso-opensource-7/vsp"
INI = """[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., {dir}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ThreadsPerQuery = 2
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {vsp}
ServerThreads = 10
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
"""
# the loader account: SPARQL_UPDATE is Virtuoso's role for SPARQL Update and the authenticated Graph Store service
SETUP = """DB.DBA.USER_CREATE ('{user}', '{password}');
GRANT SPARQL_UPDATE TO "{user}";
"""


def missing() -> str | None:
    """Why Virtuoso cannot run here, or None."""
    if not (Path(BINARY).exists() and Path(ISQL).exists()):
        return "Virtuoso is not installed (Debian package virtuoso-opensource; `make stores` installs it as root)"
    return None


class VirtuosoServer:
    """`virtuoso-t -f` with an ini written into `folder`; stopped (and its database left in `folder`) on exit."""

    user = "loader"
    password = "loader-secret"

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.sql_port, self.http_port = free_port(), free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    def start(self, timeout: float = 90.0) -> "VirtuosoServer":
        self.folder.mkdir(parents=True, exist_ok=True)
        ini = self.folder / "virtuoso.ini"
        ini.write_text(INI.format(dir=self.folder, sql_port=self.sql_port, http_port=self.http_port, vsp=VSP))
        with open(self.folder / "stdout.log", "ab") as log:
            self.process = subprocess.Popen([BINARY, "-f", "-c", str(ini)], cwd=self.folder, stdout=log, stderr=log)
        wait_until_answers(self.process, f"{self.url}/sparql?query=ASK%7B%7D", timeout, self.log)
        setup = self.folder / "setup.sql"
        setup.write_text(SETUP.format(user=self.user, password=self.password))
        done = subprocess.run([ISQL, f"127.0.0.1:{self.sql_port}", "dba", "dba", str(setup)],
                              capture_output=True, text=True, timeout=60)
        if done.returncode or "Error" in done.stdout:
            self.stop()
            raise RuntimeError(f"Virtuoso setup failed: {done.stdout} {done.stderr}")
        return self

    def log(self) -> str:
        path = self.folder / "virtuoso.log"
        return path.read_text(errors="replace")[-2000:] if path.exists() else ""

    def stop(self) -> None:
        stop(self.process)

    def __enter__(self) -> "VirtuosoServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()




def running(folder: Path):
    """A started VirtuosoServer in `folder` for a fixture to yield, stopped afterwards; the test is skipped with the
    reason when Virtuoso is not installed or does not start."""
    import pytest

    reason = missing()
    if reason:
        pytest.skip(reason)
    server = VirtuosoServer(folder)
    try:
        server.start()
    except (RuntimeError, OSError, subprocess.SubprocessError) as err:
        pytest.skip(f"Virtuoso is installed but did not start: {err}")
    try:
        yield server
    finally:
        server.stop()
