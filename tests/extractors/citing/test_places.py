"""A local instrument cited without its place (extractors.citing.places): the cell alone names
the registry's instruments of that title after their place; the list's region picks one."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from extractors import get_citations
from extractors.citing.cite import cite_items
from extractors.models import PowerItem

SAFETY = "《安全生产条例》第十条"
UNPLACED = "'安全生产条例' is not in the registry; with their place: "


def cited(text: str, region: str | None) -> list[tuple[object, ...]]:
    item = PowerItem(source="a.csv", row="1", line=1, basis=text)
    return [
        (c.citation.law, c.citation.kind, c.citation.law_id, c.citation.warnings)
        for c in cite_items([item], region)
    ]


def test_a_local_title_without_its_place_is_flagged_with_its_namesakes() -> None:
    """《安全生产条例》 names no instrument: six provinces and cities have one. The record kept the
    title as written with nothing to say it is not an instrument found; now it names them."""
    (found,) = get_citations(SAFETY)
    assert (found.law, found.law_id) == ("安全生产条例", None)
    (warning,) = found.warnings
    assert warning.startswith(UNPLACED) and "浙江省安全生产条例" in warning


def test_the_lists_region_picks_the_local_instrument() -> None:
    assert cited(SAFETY, "浙江省杭州市") == [
        (
            "浙江省安全生产条例",
            "abbreviation",
            "浙江省安全生产条例",
            ("place 浙江省 taken from the list's region 浙江省杭州市",),
        )
    ]


def test_a_region_that_does_not_write_the_place_guesses_nothing() -> None:
    """巫溪县 lies in 重庆市, which the region does not write: the title stays as written."""
    ((law, kind, law_id, warnings),) = cited(SAFETY, "巫溪县")
    assert (law, kind, law_id) == ("安全生产条例", "explicit", None)
    assert warnings[0].startswith(UNPLACED)


def test_a_national_title_stays_national_and_says_the_region_has_its_own() -> None:
    """城市市容和环境卫生管理条例 is a State Council regulation's title: it stays that, and the
    record says 浙江省 has its own of that title, which the list may mean."""
    ((law, kind, law_id, warnings),) = cited("《城市市容和环境卫生管理条例》第十条", "浙江省")
    assert (law, kind, law_id) == ("城市市容和环境卫生管理条例", "explicit", law)
    assert warnings == ("the list's region has its own 浙江省城市市容和环境卫生管理条例",)


def test_quanze_extract_resolves_by_the_region_the_lists_title_names(tmp_path: Path) -> None:
    f = tmp_path / "list.csv"
    f.write_text(
        "浙江省杭州市应急管理局权责清单\n序号,事项名称,职权类型,设定依据\n"
        f"1,对生产经营单位的处罚,行政处罚,{SAFETY}\n",
        encoding="utf-8",
    )
    quanze = str(Path(sys.executable).with_name("quanze"))
    run = subprocess.run([quanze, "extract", str(f)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    (record,) = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    assert (record["law"], record["article"]) == ("浙江省安全生产条例", 10)
