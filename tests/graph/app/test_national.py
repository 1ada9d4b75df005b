"""National scale (#24): ``quanze build --jobs N`` gives the store ``--jobs 1`` gives, and
``--nquads-out DIR`` the lines that store is loaded from, made locally or by a real Dask cluster
(a scheduler and two worker processes on loopback)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.iri import Iris
from tests.graph.app.test_build_faults import write_list
from tests.processes import stop

QUANZE = str(Path(sys.executable).with_name("quanze"))
DASK = str(Path(sys.executable).with_name("dask"))
PLACES = ("巫溪县", "云阳县", "奉节县", "巫山县", "城口县", "开州区")


@pytest.fixture(scope="module")
def lists(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Six lists (two of the same name in two folders), one the same as another, one unreadable."""
    folder = tmp_path_factory.mktemp("lists")
    paths = [write_list(folder / f"l{n}.csv", place, 30 + n) for n, place in enumerate(PLACES)]
    paths.append(write_list(folder / "b" / "l0.csv", "大宁县", 12))
    twin = folder / "twin.csv"
    twin.write_bytes(paths[1].read_bytes())
    bad = folder / "bad.xlsx"
    bad.write_bytes(b"not a workbook")
    return [*paths, twin, bad]


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([QUANZE, *map(str, args)], capture_output=True, text=True, timeout=300)


def dump(store: Path) -> list[str]:
    return sorted(str(quad) for quad in ox.Store.read_only(str(store)))


def test_jobs_two_builds_the_store_jobs_one_builds(lists: list[Path], tmp_path: Path) -> None:
    one = run("build", *lists, "--store", tmp_path / "one", "--jobs", "1")
    two = run("build", *lists, "--store", tmp_path / "two", "--jobs", "2")
    assert one.returncode == two.returncode == 1  # the unreadable file, said the same way
    assert one.stderr == two.stderr
    assert "bad.xlsx" in two.stderr and "the same list as" in two.stderr
    quads = dump(tmp_path / "one")
    assert len(quads) > 1000 and quads == dump(tmp_path / "two")
    # built again on workers over the store: nothing changes
    again = run("build", *lists, "--store", tmp_path / "two", "--jobs", "2")
    assert again.returncode == 1 and dump(tmp_path / "two") == quads


def shard_lines(out: Path) -> bytes:
    """All the lines of a ``--nquads-out`` folder, sorted."""
    files = [out / "shared.nq", *sorted((out / "lists").iterdir())]
    return b"".join(sorted(line for f in files for line in f.read_bytes().splitlines(True)))


def test_nquads_out_holds_what_the_store_is_loaded_from(lists: list[Path], tmp_path: Path) -> None:
    assert run("build", *lists, "--store", tmp_path / "store", "--jobs", "1").returncode == 1
    assert run("build", *lists, "--nquads-out", tmp_path / "one", "--jobs", "1").returncode == 1
    assert run("build", *lists, "--nquads-out", tmp_path / "two", "--jobs", "2").returncode == 1
    assert not (tmp_path / "one" / "lists" / "twin.nq").exists()  # the duplicate: stored once
    assert shard_lines(tmp_path / "one") == shard_lines(tmp_path / "two")
    loaded = ox.Store()
    loaded.load(shard_lines(tmp_path / "one"), format=ox.RdfFormat.N_QUADS)
    kept = {Iris().record_graph(), Iris().tally_graph()}
    store = ox.Store.read_only(str(tmp_path / "store"))
    built = sorted(str(q) for q in store if q.graph_name.value not in kept)  # type: ignore[union-attr]
    assert sorted(str(q) for q in loaded) == built


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[str]:
    """A Dask scheduler and a worker with two worker processes, each its own process on loopback;
    stopped (SIGTERM, then SIGKILL) by their ids."""
    address = f"tcp://127.0.0.1:{_free_port()}"
    port = address.rsplit(":", 1)[1]
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    logs = (tmp_path / "scheduler.log").open("w"), (tmp_path / "worker.log").open("w")
    started = [
        subprocess.Popen(
            [DASK, "scheduler", "--host", "127.0.0.1", "--port", port, "--no-dashboard"],
            stdout=logs[0],
            stderr=subprocess.STDOUT,
            env=env,
        )
    ]
    try:
        started.append(
            subprocess.Popen(
                [DASK, "worker", address, "--nworkers", "2", "--nthreads", "1", "--no-dashboard"],
                stdout=logs[1],
                stderr=subprocess.STDOUT,
                env=env,
            )
        )
        from distributed import Client

        deadline = time.monotonic() + 120
        while True:
            try:
                with Client(address, timeout=10) as client:
                    client.wait_for_workers(2, timeout=60)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        yield address
    finally:
        for process in reversed(started):
            stop(process)
        for log in logs:
            log.close()


def test_a_dask_cluster_writes_the_shards_one_process_writes(
    lists: list[Path], tmp_path: Path, cluster: str
) -> None:
    local = run("build", *lists, "--nquads-out", tmp_path / "local", "--jobs", "1")
    remote = run("build", *lists, "--nquads-out", tmp_path / "dask", "--dask", cluster)
    assert remote.returncode == local.returncode == 1, remote.stderr
    assert remote.stderr == local.stderr
    assert shard_lines(tmp_path / "dask") == shard_lines(tmp_path / "local")
    assert sorted(os.listdir(tmp_path / "dask" / "lists")) == sorted(
        os.listdir(tmp_path / "local" / "lists")
    )
