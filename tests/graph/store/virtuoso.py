"""A real Virtuoso (Debian ``virtuoso-opensource``) on loopback, with its own database and ports
in a temporary directory, loaded from an N-Quads export: the large engine the tests ask.

Virtuoso cuts every answer at ``ResultSetMaxRows`` (10,000 in Debian's ini) without saying so, so
the ini written here raises it above any answer the tests ask for; its default graph is the union
of all graphs, as quanze reads a store.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.processes import stop

STARTUP_SECONDS = 60.0
_INI = """\
[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DirsAllowed = ., {data}
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerThreads = 4
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
MaxQueryCostEstimationTime = 0
"""


def binaries() -> tuple[str, str]:
    """``virtuoso-t`` and ``isql-vt``; skips the test without them, or fails it under ``CI=true``
    (``.ci/run`` installs them)."""
    server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if server is None or isql is None:
        message = "Virtuoso is not installed (apt-get install virtuoso-opensource)"
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(message)
        pytest.skip(message)
    return server, isql


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}?query=ASK%7B%7D", timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


@contextmanager
def virtuoso(export: Path, workdir: Path) -> Iterator[str]:
    """Start Virtuoso, bulk-load ``export`` (N-Quads) and yield its SPARQL endpoint URL; the
    server is stopped (SIGTERM, then SIGKILL) when the block ends."""
    server, isql = binaries()
    db, data = workdir / "db", workdir / "data"
    db.mkdir(parents=True)
    data.mkdir()
    shutil.copy(export, data / "quanze.nq")
    sql_port, http_port = free_port(), free_port()
    ini = workdir / "virtuoso.ini"
    ini.write_text(
        _INI.format(db=db, data=data, sql_port=sql_port, http_port=http_port), encoding="utf-8"
    )
    url = f"http://127.0.0.1:{http_port}/sparql"
    log = (workdir / "server.log").open("wb")
    process = subprocess.Popen(
        [server, "-f", "-c", str(ini)], cwd=workdir, stdout=log, stderr=subprocess.STDOUT
    )
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while not _answers(url):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    f"Virtuoso did not start: {(db / 'virtuoso.log').read_text(errors='replace')}"
                )
            time.sleep(0.2)
        load = (
            f"ld_dir('{data}', 'quanze.nq', 'urn:quanze:default'); rdf_loader_run(); checkpoint; "
            "select ll_file, ll_error from DB.DBA.LOAD_LIST where ll_error is not null;"
        )
        done = subprocess.run(
            [isql, f"127.0.0.1:{sql_port}", "dba", "dba", f"exec={load}"],
            capture_output=True,
            text=True,
            timeout=STARTUP_SECONDS,
            check=False,
        )
        if done.returncode != 0 or "0 Rows." not in done.stdout:
            raise RuntimeError(f"Virtuoso did not load {export.name}: {done.stdout}{done.stderr}")
        yield url
    finally:
        stop(process)
        log.close()
