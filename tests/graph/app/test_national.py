"""National scale (#24): ``quanze build --jobs N`` gives the store ``--jobs 1`` gives, and
``--nquads-out DIR`` the lines that store is loaded from, made locally or by a real Dask cluster
(a scheduler and two worker processes on loopback)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from bench.biglist import rows as big_rows
from bench.biglist import write_csv
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


def workers_of(build: Any) -> list[Any]:
    """The worker processes of a running build (``psutil.Process``): those started to run
    multiprocessing's ``spawn_main``. Not its other children, and not a child between fork and
    exec, whose command line is still the build's: killing that one, which was about to become
    multiprocessing's resource tracker, ended the build, exit 0 and an empty store."""
    import psutil

    try:
        tree = build.children(recursive=True)
    except psutil.Error:
        return []
    found = []
    for process in tree:
        try:
            if any("multiprocessing.spawn" in part for part in process.cmdline()):
                found.append(process)
        except psutil.Error:  # gone since
            continue
    return found


def most_workers(args: list[str], cpus: set[int] | None = None) -> int:
    """The most worker processes a real ``quanze build`` with ``args`` ran at once (watched; not
    multiprocessing's resource tracker), run on ``cpus`` when given; it must succeed."""
    import psutil

    build = subprocess.Popen(
        [QUANZE, "build", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=None if cpus is None else lambda: os.sched_setaffinity(0, cpus),
    )
    watched, workers = psutil.Process(build.pid), 0
    while build.poll() is None:
        workers = max(workers, len(workers_of(watched)))
        time.sleep(0.02)
    assert build.returncode == 0
    return workers


def test_jobs_two_is_the_loading_process_and_one_worker(tmp_path: Path) -> None:
    """``--jobs 2``: this process loads, one worker makes the lines (which it does four times as
    fast as they load); a second worker would only add its memory. Its processes are watched."""
    paths = [write_list(tmp_path / f"l{n}.csv", place, 400) for n, place in enumerate(PLACES)]
    assert most_workers([*map(str, paths), "--store", str(tmp_path / "s"), "--jobs", "2"]) == 1


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="needs two cores")
def test_on_two_cores_or_one_a_build_is_one_process(tmp_path: Path) -> None:
    """Without ``--jobs``, on two cores the load's own threads keep both busy and a worker would
    take one of its two sorting threads (0.91× at 100k items; docs/national.md): one process.
    It was one a core: a worker beside the load on two cores."""
    paths = [write_list(tmp_path / f"l{n}.csv", place, 400) for n, place in enumerate(PLACES)]
    two = set(sorted(os.sched_getaffinity(0))[:2])
    for n, cpus in enumerate((two, {min(two)})):
        assert most_workers([*map(str, paths), "--store", str(tmp_path / f"s{n}")], cpus) == 0


def killed_build(paths: list[Path], store: Path, kills: int) -> subprocess.CompletedProcess[str]:
    """``quanze build --jobs 2`` with each of its first ``kills`` worker processes killed
    (SIGKILL) as soon as it is seen: a worker dying as the kernel's out-of-memory killer ends it."""
    import psutil

    build = subprocess.Popen(
        [QUANZE, "build", *map(str, paths), "--store", str(store), "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    watched, killed = psutil.Process(build.pid), set()
    try:
        while build.poll() is None and len(killed) < kills:
            for maker in workers_of(watched):
                if maker.pid not in killed:
                    maker.kill()
                    killed.add(maker.pid)
                    break
            time.sleep(0.02)
        stdout, stderr = build.communicate(timeout=240)
    finally:
        if build.poll() is None:
            stop(build)
    assert len(killed) == kills, "the build ended before its workers were killed"
    return subprocess.CompletedProcess(build.args, build.returncode, stdout, stderr)


def test_a_local_worker_killed_costs_its_list_a_second_making(tmp_path: Path) -> None:
    """A worker killed from outside takes its pool with it: the lists it held are made again and
    stored, nothing reported lost (before: the build ended, "the store failed")."""
    paths = [write_list(tmp_path / f"l{n}.csv", place, 500) for n, place in enumerate(PLACES[:2])]
    built = killed_build(paths, tmp_path / "s", kills=1)
    assert built.returncode == 0 and "Traceback" not in built.stderr, built.stderr
    assert dump(tmp_path / "s") == dump_built(paths, tmp_path / "one")


#: ``quanze build`` with multiprocessing's resource tracker dying before it runs: what a kill of
#: the build's child between fork and exec did (the test above killed it, taking it for a worker)
_TRACKER_DIES = """
import os, sys
from multiprocessing import util
from graph.app.cli import main

spawn = util.spawnv_passfds

def dying(path, args, passfds):
    if not any("resource_tracker" in os.fsdecode(arg) for arg in args):
        return spawn(path, args, passfds)
    pid = spawn(path, [path, "-c", "pass"], passfds)
    os.waitpid(pid, 0)  # gone before it read its pipe
    return pid

util.spawnv_passfds = dying
sys.argv = ["quanze", *sys.argv[1:]]
sys.exit(main())
"""


def test_a_build_whose_helper_process_dies_at_its_start_says_so(tmp_path: Path) -> None:
    """A pipe to a process the build started breaks (its resource tracker, killed before it ran):
    the build fails in one line, exit 1; it ended with exit 0, nothing said and nothing stored,
    the error taken for a reader of its output that stopped early (`quanze export | head`)."""
    paths = [write_list(tmp_path / f"l{n}.csv", place, 20) for n, place in enumerate(PLACES[:2])]
    store, spools = tmp_path / "s", tmp_path / "tmp"
    spools.mkdir()
    args = [*map(str, paths), "--store", str(store), "--jobs", "2"]
    built = subprocess.run(
        [sys.executable, "-c", _TRACKER_DIES, "build", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "TMPDIR": str(spools)},
    )
    assert not list(spools.iterdir())  # its spool folder removed too
    assert built.returncode == 1, (built.returncode, built.stderr)
    assert "quanze: error: stopped: a process this command writes to is gone" in built.stderr
    assert "Traceback" not in built.stderr


def test_a_list_whose_worker_dies_twice_is_reported_alone(tmp_path: Path) -> None:
    """The list a worker died making, made again alone, kills its worker again: one line names
    it, the other list is stored."""
    paths = [write_list(tmp_path / f"l{n}.csv", place, 500) for n, place in enumerate(PLACES[:2])]
    built = killed_build(paths, tmp_path / "s", kills=2)
    lines = [line for line in built.stderr.splitlines() if "died" in line]
    assert len(lines) == 1 and "the worker making it died, twice" in lines[0], built.stderr
    assert "Traceback" not in built.stderr and built.returncode == 1, built.stderr
    (lost,) = [path for path in paths if str(path) in lines[0]]
    (kept,) = [path for path in paths if path != lost]
    assert dump(tmp_path / "s") == dump_built([kept], tmp_path / "one")


def dump_built(paths: list[Path], store: Path) -> list[str]:
    """The store ``--jobs 1`` builds of ``paths``."""
    assert run("build", *paths, "--store", store, "--jobs", "1").returncode == 0
    return dump(store)


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
    kept = {Iris().record_graph(), Iris().tally_graph(), Iris().derived_graph()}
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
    # a task whose worker dies fails at once, not after three more workers died running it
    env = {
        **os.environ,
        "DASK_DISTRIBUTED__WORKER__DAEMON": "False",
        "DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES": "0",
    }
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


#: Items of the list a test's Dask worker is killed making: some seconds of work.
BIG_ITEMS = 60_000


def test_a_dask_worker_killed_fails_its_list_alone(tmp_path: Path, cluster: str) -> None:
    """The worker process making one list is killed (SIGKILL) mid-list: one line names the file
    and says its worker died, the other lists are written, no traceback."""
    from distributed import Client

    small = [write_list(tmp_path / f"s{n}.csv", place, 20) for n, place in enumerate(PLACES[:3])]
    big = tmp_path / "big.csv"
    write_csv(big, big_rows(BIG_ITEMS))
    out = tmp_path / "out"
    build = subprocess.Popen(
        [QUANZE, "build", *map(str, [*small, big]), "--nquads-out", str(out), "--dask", cluster],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        with Client(cluster, timeout=30) as client:
            # the small lists take a second; a task running alone for seconds is the big one
            streak, worker = 0, ""
            deadline = time.monotonic() + 240
            while streak < 6:
                assert time.monotonic() < deadline, "the big list's task never ran alone"
                assert build.poll() is None, build.communicate()
                running = [w for w, keys in client.processing().items() for _ in keys]
                alone = running[0] if len(running) == 1 else ""
                streak, worker = (streak + 1 if alone == worker else 1) if alone else 0, alone
                time.sleep(0.5)
            pid = client.run(os.getpid, workers=[worker])[worker]
        os.kill(pid, signal.SIGKILL)
        _, stderr = build.communicate(timeout=240)
    finally:
        if build.poll() is None:
            stop(build)
    lines = stderr.strip().splitlines()
    died = [line for line in lines if "big.csv" in line]
    assert len(died) == 1 and "worker making it died" in died[0], stderr
    assert "Traceback" not in stderr and build.returncode == 1, stderr
    assert len(os.listdir(out / "lists")) == len(small) and (out / "shared.nq").exists()


def test_a_worker_that_cannot_spool_a_list_says_so_in_one_line(tmp_path: Path) -> None:
    """A worker whose spool folder is not there (a cluster's workers not sharing the output's
    file system) hands back the line naming the file, not an exception that ends the build."""
    from graph.app.parallel import Task, make

    path = write_list(tmp_path / "a.csv", PLACES[0], 5)
    made = make(Task(str(path), "a", str(tmp_path / "not-shared")))
    assert isinstance(made, str) and made.startswith(f"{path}: not built (FileNotFoundError: ")


def test_a_worker_killed_between_two_answers_costs_no_list(tmp_path: Path) -> None:
    """A worker killed after its pool answered and before the next list is handed to it: the
    broken pool refuses the list at ``submit`` (not only at a result), and that refusal ended the
    build with ``BrokenProcessPool``. Now the pool is started again and every list is made."""
    from graph.app.parallel import AHEAD, Workers
    from graph.build.identity import ListIds

    count = AHEAD + 2  # more lists than the pool is handed at first: one is submitted after
    paths = [write_list(tmp_path / f"l{n}.csv", PLACES[n], 20) for n in range(count)]
    failures: list[Any] = []
    with Workers(1) as workers:
        made = workers.made(paths, ListIds().assign, failures=failures)
        first = next(made)
        deadline = time.monotonic() + 120
        while workers.pool._pending_work_items and time.monotonic() < deadline:
            time.sleep(0.05)  # the lists handed at first, made: the pool is idle
        for pid in list(workers.pool._processes):
            os.kill(pid, signal.SIGKILL)
        while not workers.pool._broken and time.monotonic() < deadline:
            time.sleep(0.05)
        rest = list(made)
    assert [p.path for p in (first, *rest)] == [str(p) for p in paths] and not failures


def test_the_floor_loads_the_quads_a_store_build_loads(tmp_path: Path) -> None:
    """``bench.national --floor``: pyoxigraph's own load of the lists' N-Quads counts every quad a
    store built of them holds but for its record, tallies and derived graph."""
    from bench.national import floor

    paths = [write_list(tmp_path / f"l{n}.csv", place, 30) for n, place in enumerate(PLACES[:2])]
    found = floor(list(map(str, paths)), tmp_path)
    assert run("build", *paths, "--store", tmp_path / "s", "--jobs", "1").returncode == 0
    kept = {Iris().record_graph(), Iris().tally_graph(), Iris().derived_graph()}
    store = ox.Store.read_only(str(tmp_path / "s"))
    assert found.quads == sum(1 for q in store if q.graph_name.value not in kept)  # type: ignore[union-attr]
    assert found.load_cpu > 0 and found.rate > 0 and not list(tmp_path.glob("floor*"))
