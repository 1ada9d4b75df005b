"""Nothing a store holds is lost, whatever stops a build (#20): a real ``quanze build`` killed
with SIGKILL or stopped with Ctrl-C (SIGINT) in the middle of its load, a reader in another
process during a rebuild, files with the same name, the same list twice, a full disk, and a
store whose files were damaged, which ``quanze check`` finds."""

from __future__ import annotations

import csv
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from graph.app.cli import app
from graph.store.check import check_store

#: run in process, commands must leave no query result for another thread to free (conftest.py)
pytestmark = pytest.mark.usefixtures("no_query_result_left_in_a_cycle")
ROOT = Path(__file__).resolve().parents[3]
QUANZE = str(Path(sys.executable).with_name("quanze"))
QZ = "https://w3id.org/quanze/ontology#"
LAWS = ("中华人民共和国社会保险法", "医疗保障基金使用监督管理条例", "中华人民共和国行政处罚法")


def write_list(path: Path, place: str, items: int, tag: str = "") -> Path:
    """A power list as CSV: ``items`` items of ``place``, each citing an article of a law."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as stream:
        rows = csv.writer(stream)
        rows.writerow(["序号", "职权类型", "职权名称", "实施依据", "责任事项", "追责情形"])
        for n in range(1, items + 1):
            rows.writerow(
                [
                    n,
                    "行政处罚",
                    f"{place}对第{n}类骗保行为的处罚{tag}",
                    f"《{LAWS[n % 3]}》第{n % 90 + 1}条",
                    "1.立案责任：依法立案。2.调查责任：调查取证。",
                    "因不履行职责的，依法追究责任。",
                ]
            )
    return path


PLACES = ("巫溪县", "云阳县", "奉节县", "巫山县", "城口县", "开州区", "万州区", "达孜区")


def eight_lists(folder: Path, tag: str = "") -> list[Path]:
    return [write_list(folder / f"list{n}.csv", place, 10, tag) for n, place in enumerate(PLACES)]


def items_per_list(store: Path) -> dict[str, int]:
    """Items per list, read by a reader that opens the store as another process would."""
    reader = ox.Store.read_only(str(store))
    rows = reader.query(
        f"SELECT ?l (COUNT(DISTINCT ?i) AS ?n) WHERE {{ ?i <{QZ}inList> ?l }} GROUP BY ?l",
        use_default_graph_as_union=True,
    )
    assert isinstance(rows, ox.QuerySolutions)
    counts = {row["l"].value.rsplit("/", 1)[-1]: int(row["n"].value) for row in rows}
    del reader
    return counts


def count(store: Path, pattern: str) -> int:
    """How many solutions ``pattern`` has, read as another process would. The query's result is
    dropped here: one left in the test's frame outlived the test (the frame sits in a cycle with
    the traceback of a CliRunner result) and was freed on another thread, which pyoxigraph
    refuses (conftest.py)."""
    reader = ox.Store.read_only(str(store))
    rows = reader.query(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}", use_default_graph_as_union=True
    )
    assert isinstance(rows, ox.QuerySolutions)
    return int(next(iter(rows))["n"].value)


@dataclass(frozen=True)
class Built:
    returncode: int
    stderr: str


def build(*args: str | Path) -> Built:
    """``quanze build`` run in this process (the ones stopped by a signal run in their own)."""
    result = CliRunner().invoke(app, ["build", *map(str, args)])
    assert "Traceback" not in result.output
    return Built(result.exit_code, result.stderr)


@contextmanager
def paused_build(
    point: str, *args: str | Path, bulk: bool = False
) -> Iterator[subprocess.Popen[str]]:
    """A real ``quanze build`` process, paused at ``point`` (see ``tests.graph.app.pausing``)."""
    env = dict(os.environ, QUANZE_BULK_THRESHOLD="1" if bulk else "500000")
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.graph.app.pausing", point, "build", *map(str, args)],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "paused", child.communicate(timeout=60)
        yield child
    finally:
        if child.poll() is None:
            child.kill()
        child.wait(timeout=60)


def assert_checked(store: Path) -> None:
    verdict = check_store(ox.Store.read_only(str(store)))
    assert verdict.ok, verdict.problems


@pytest.mark.parametrize(
    ("how", "bulk"),
    [
        pytest.param(signal.SIGKILL, False, id="SIGKILL-transaction"),
        pytest.param(signal.SIGKILL, True, id="SIGKILL-bulk"),
        pytest.param(signal.SIGINT, False, id="SIGINT-transaction"),
        pytest.param(signal.SIGINT, True, id="SIGINT-bulk"),
    ],
)
def test_a_rebuild_stopped_in_its_load_loses_no_list_and_a_reader_sees_them_all(
    tmp_path: Path, how: signal.Signals, bulk: bool
) -> None:
    store = tmp_path / "store"
    files = eight_lists(tmp_path / "lists")
    assert build(*files, "--store", store).returncode == 0
    before = items_per_list(store)
    assert len(before) == 8 and set(before.values()) == {10}
    with paused_build("list:5", *files, "--store", store, bulk=bulk) as child:
        assert items_per_list(store) == before  # a reader during the rebuild
        child.send_signal(how)
        _, stderr = child.communicate(timeout=120)
    assert items_per_list(store) == before
    assert_checked(store)
    if how == signal.SIGINT:
        assert child.returncode == 130
        assert "Traceback" not in stderr
        message = stderr.strip().splitlines()[-1]
        assert "interrupted: the store holds every list it held before, none lost" in message
        assert "this build stored 4 list(s)" in message


@pytest.mark.parametrize("again", ["changed", "original"])
def test_a_rebuild_of_changed_lists_killed_before_its_commit_is_found_and_repaired(
    tmp_path: Path, again: str
) -> None:
    store = tmp_path / "store"
    assert build(*eight_lists(tmp_path / "lists"), "--store", store).returncode == 0
    changed = eight_lists(tmp_path / "lists", tag="（修订）")
    with paused_build("commit", *changed, "--store", store, bulk=True) as child:
        child.kill()
    assert set(items_per_list(store).values()) == {10}  # every list still there
    problems = check_store(ox.Store.read_only(str(store))).problems
    assert len(problems) == 8, problems
    assert all("a rebuild stopped part-way" in p for p in problems)
    runner = CliRunner()
    checked = runner.invoke(app, ["check", "--store", str(store)])
    *lines, summary = checked.stdout.splitlines()
    assert checked.exit_code == 1 and len(lines) == 8
    assert summary == f"{store}: 8 list(s), {summary.split()[3]} quads read in full: 8 problem(s)"
    if again == "original":  # the lines the record holds, in graphs that hold more
        changed = eight_lists(tmp_path / "lists")
    assert build(*changed, "--store", store).returncode == 0
    assert_checked(store)
    gone = "!CONTAINS(?t, '修订')" if again == "changed" else "CONTAINS(?t, '修订')"
    titles = f"?i <http://purl.org/dc/terms/title> ?t FILTER(CONTAINS(?t, '骗保') && {gone})"
    assert count(store, titles) == 0  # the titles of the other build are gone


def test_a_first_build_killed_before_its_commit_leaves_its_lists_unrecorded(
    tmp_path: Path,
) -> None:
    store = tmp_path / "store"
    files = eight_lists(tmp_path / "lists")
    with paused_build("commit", *files, "--store", store) as child:
        child.kill()
    problems = check_store(ox.Store.read_only(str(store))).problems
    assert sum("not recorded" in p for p in problems) == 8, problems
    assert build(*files, "--store", store).returncode == 0
    assert_checked(store)


def test_files_with_the_same_name_are_different_lists_in_one_build_or_two(
    tmp_path: Path,
) -> None:
    first = write_list(tmp_path / "a" / "list.csv", "巫溪县", 3)
    second = write_list(tmp_path / "b" / "list.csv", "云阳县", 4)
    together, apart = tmp_path / "together", tmp_path / "apart"
    result = build(first, second, "--store", together)
    assert result.returncode == 0, result.stderr
    stored = items_per_list(together)  # the first the build meets keeps the name
    assert stored in ({"list": 3, "list~b": 4}, {"list~a": 3, "list": 4})
    (renamed,) = set(stored) - {"list"}  # the report tells the two apart by the renamed one's id
    assert f"list.csv (list {renamed}): " in result.stderr
    reversed_order = tmp_path / "reversed"
    assert build(second, first, "--store", reversed_order).returncode == 0
    assert items_per_list(reversed_order) == stored  # whatever order they are given in
    assert build(first, "--store", apart).returncode == 0
    result = build(second, "--store", apart)
    assert result.returncode == 0, result.stderr
    assert items_per_list(apart) == {"list": 3, "list~b": 4}
    assert build(first, "--store", apart).returncode == 0  # a rebuild keeps its id
    assert items_per_list(apart) == {"list": 3, "list~b": 4}
    assert_checked(apart)


def test_a_name_clash_stops_no_file_and_the_same_list_twice_is_stored_once(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "lists"
    files = [write_list(folder / f"l{n:02}.csv", f"县{n}", 2) for n in range(13)]
    files.append(write_list(folder / "acct.csv", "巫溪县", 3))
    markdown = folder / "acct.md"  # the same name, another list, another format
    markdown.write_text(
        "| 序号 | 职权类型 | 职权名称 | 实施依据 |\n|---|---|---|---|\n"
        "| 1 | 行政许可 | 定点医药机构的确定 | 《医疗保障基金使用监督管理条例》第十四条 |\n",
        encoding="utf-8",
    )
    files.append(markdown)
    twin = tmp_path / "copy" / "acct.csv"
    twin.parent.mkdir()
    shutil.copy(files[13], twin)
    store = tmp_path / "store"
    result = build(*files, twin, "--store", store)
    assert result.returncode == 0, result.stderr
    counts = items_per_list(store)
    assert len(counts) == 15
    assert sorted(n for list_id, n in counts.items() if list_id.startswith("acct")) == [1, 3]
    assert "acct" in counts
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1
    assert warnings[0].endswith("(same items); stored once")
    assert str(twin) in warnings[0] and str(files[13]) in warnings[0]
    assert "Traceback" not in result.stderr
    assert_checked(store)


def _fill_limit(store: Path, limit: int) -> None:
    """In the child: files it writes may not grow past ``limit`` bytes (written past it, they
    fail with EFBIG, the signal that would stop the process ignored)."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


@contextmanager
def small_disk(where: Path, megabytes: int) -> Iterator[bool]:
    """A tmpfs of ``megabytes`` mounted at ``where`` (True); where mount is not permitted, the
    folder as it is (False), for a per-file size limit in the child instead."""
    where.mkdir()
    mounted = (
        os.geteuid() == 0
        and shutil.which("mount") is not None
        and subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={megabytes}m", "tmpfs", str(where)],
            capture_output=True,
            check=False,
        ).returncode
        == 0
    )
    try:
        yield mounted
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(where)], check=False)


def test_a_full_disk_stops_a_build_with_one_line_and_loses_nothing(tmp_path: Path) -> None:
    lists = eight_lists(tmp_path / "lists")
    big = write_list(tmp_path / "big" / "big.csv", "重庆市", 1500)
    with small_disk(tmp_path / "disk", 32) as mounted:
        store = tmp_path / "disk" / "store"
        assert build(*lists, "--store", store).returncode == 0
        before = items_per_list(store)
        if not mounted:
            used = sum(f.stat().st_size for f in store.iterdir())
            limit = used + 4_000_000
        args = [*lists, big, "--store", str(store)]
        full = subprocess.run(
            [QUANZE, "build", *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
            preexec_fn=None if mounted else (lambda: _fill_limit(store, limit)),
        )
        assert items_per_list(store) == before
        assert full.returncode == 1, full.stderr
        assert "Traceback" not in full.stderr
        errors = [line for line in full.stderr.splitlines() if line.startswith("quanze: error")]
        assert len(errors) == 1, full.stderr
        assert "the lists the store held before are all still in it" in errors[0]
        problems = check_store(ox.Store.read_only(str(store))).problems
        assert not [p for p in problems if "damaged" in p or "tallies" in p], problems


def test_check_finds_a_damaged_file_and_commands_say_so_in_one_line(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert build(*eight_lists(tmp_path / "lists"), "--store", store).returncode == 0
    runner = CliRunner()
    fine = runner.invoke(app, ["check", "--store", str(store)])
    assert fine.exit_code == 0 and fine.stdout.endswith("quads read in full: fine\n")
    for table in store.glob("*.sst"):  # overwritten in place, the same size, footers kept
        data = bytearray(table.read_bytes())
        if len(data) > 100_000:
            middle = len(data) // 2
            data[middle : middle + 2000] = b"\xff" * 2000
            table.write_bytes(bytes(data))
    checked = runner.invoke(app, ["check", "--store", str(store), "--format", "json"])
    assert checked.exit_code == 1
    assert "the store is damaged" in checked.stdout and "Corruption" in checked.stdout
    exported = runner.invoke(app, ["export", "--store", str(store), "--out", str(tmp_path / "x")])
    assert exported.exit_code == 1
    assert "Traceback" not in exported.output
    assert exported.stderr.count("quanze: error") == 1 and "damaged" in exported.stderr


def test_check_finds_a_list_changed_behind_the_builds_back(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert build(*eight_lists(tmp_path / "lists"), "--store", store).returncode == 0
    graph = "https://w3id.org/quanze/id/graph/list/list3"
    runner = CliRunner()
    changed = runner.invoke(
        app,
        [
            "query",
            f"DELETE WHERE {{ GRAPH <{graph}> {{ ?i <http://purl.org/dc/terms/title> ?t }} }}",
            "--store",
            str(store),
            "--allow-update",
        ],
    )
    assert changed.exit_code == 0, changed.output
    checked = runner.invoke(app, ["check", "--store", str(store)])
    assert checked.exit_code == 1
    [line, _] = checked.stdout.splitlines()
    found = re.fullmatch(
        r"list list3: holds (\d+) quads, its build recorded (\d+): a rebuild stopped part-way or "
        r"the store was changed \(build its file again\)",
        line,
    )
    assert found is not None, line
    assert int(found[2]) - int(found[1]) == 10  # the titles of its 10 items
