"""The real lists of ``../shared/realworld`` (the development set) read as well as they do today:
per file, the format it is read as, every row accounted for, and floors on item field accuracy and
citation F1 (document level), scored by the official scorer through ``bench.realworld``. A floor
sits at today's score: a change that loses items or citations fails here; raise a floor when a
change gains. Without ``../shared`` the test is skipped, and fails under ``CI=true``."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.realworld import FileScore, score_folder
from tests.shared import shared_path

# file → (format read, item accuracy floor, citation F1 floor; None: no gold citations)
FLOORS: dict[str, tuple[str, float, float | None]] = {
    "101_fujian_quanzhou_dishuiju_2016.txt": ("text", 1.0, 1.0),
    "102_guizhou_xifeng_gaj_2025.md": ("markdown", 1.0, 1.0),
    "104_hunan_heshan_nyncj.txt": ("text", 1.0, 1.0),
    "106_liaoning_changtu_wlgj_2023.txt": ("text", 1.0, 1.0),
    "107_chongqing_shiji_whlyw_2019.md": ("markdown", 1.0, None),
    "108_fujian_sanming_mzj_2020.txt": ("text", 1.0, 1.0),
    "110_qinghai_menyuan_czj_2021.txt": ("text", 1.0, 1.0),
    "112_anhui_guichi_fgw_2023.txt": ("text", 1.0, 1.0),
    "114_henan_jiyuan_jtj_2020.txt": ("text", 1.0, 1.0),
    "115_tianjin_shi_wjw.md": ("markdown", 1.0, 1.0),
    "116_anhui_jiujiang_swj_2023.txt": ("text", 1.0, 1.0),
    "118_chongqing_qijiang_lyj_2024.txt": ("text", 1.0, 1.0),
    "120_guangxi_qinzhou_jtysj_2017.txt": ("text", 1.0, 1.0),
    "122_anhui_huoshan_lyj_2024.txt": ("text", 1.0, 1.0),
    "124_guangdong_unknown_jyj.txt": ("text", 1.0, 1.0),
    "125_anhui_sheng_wht.txt": ("text", 1.0, 1.0),
    "201_xinjiang_kelamayi_tjj.xlsx": ("xlsx", 1.0, 1.0),
    "202_xinjiang_kelamayi_kjj.xls": ("xls", 1.0, 1.0),
    "205_zhejiang_sheng_shipin_yaopin_choucha.html": ("html", 1.0, 1.0),
    "207_xinjiang_kelamayi_jtysj.xlsx": ("xlsx", 1.0, 1.0),
}
# the whole set: item accuracy and citation F1
TOTAL_FLOORS = (1.0, 1.0)


@pytest.fixture(scope="module")
def scores() -> tuple[dict[str, FileScore], dict[str, float]]:
    folder = shared_path("realworld")
    files, totals = score_folder(Path(folder))
    return {s.source: s for s in files}, totals


def test_every_list_of_the_set_has_a_floor(
    scores: tuple[dict[str, FileScore], dict[str, float]],
) -> None:
    assert sorted(scores[0]) == sorted(FLOORS)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_a_real_list_reads_at_least_as_well_as_today(
    scores: tuple[dict[str, FileScore], dict[str, float]], name: str
) -> None:
    fmt, items, citations = FLOORS[name]
    got = scores[0][name]
    assert got.read == fmt
    assert got.rows_accounted
    assert got.items == got.gold_items  # each item once: no merged block read as several
    assert got.item_accuracy is not None and got.item_accuracy >= items
    if citations is not None:
        assert got.citation_f1 is not None and got.citation_f1 >= citations


def test_the_set_reads_at_least_as_well_as_today(
    scores: tuple[dict[str, FileScore], dict[str, float]],
) -> None:
    totals = scores[1]
    assert totals["files_not_read"] == 0
    assert totals["item_accuracy"] >= TOTAL_FLOORS[0]
    assert totals["citation_f1"] >= TOTAL_FLOORS[1]
