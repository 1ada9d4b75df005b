"""Measures the citation extractor's throughput (MB/s, citations/s) and memory on a corpus of
basis text generated from the citation grammar, against a one-regex baseline.

Run with ``.venv/bin/python -m bench.citations [--mb 20] [--seed 7]``; it prints the figures.
Every cell is distinct, so the per-cell cache never hits; the caches keyed on written titles
and numerals do, as they do on real lists.
"""

from __future__ import annotations

import argparse
import gc
import random
import re
import resource
import sys
import time
import tracemalloc
import zlib
from collections.abc import Callable, Sequence

from bench.synthetic import TOPICS
from extractors import get_citations
from extractors.citing.lawdb import load_registry
from extractors.citing.native import build_name
from extractors.citing.numerals import to_chinese

#: The naive baseline: a marked title followed by one article, nothing else.
BASELINE = re.compile(r"《[^》]+》第[一二三四五六七八九十百零\d]+条")

_PLACES = ("重庆市", "西藏自治区", "四川省", "拉萨市", "贵州省", "巫溪县", "云南省", "湖北省")
_ENDINGS = ("条例", "办法", "规定", "实施细则", "管理办法", "实施办法", "暂行办法")
_ISSUERS = ("国务院办公厅", "自治区人民政府办公厅", "市人力资源和社会保障局", "县医疗保障局")
_RANKS = ("【法律】", "【行政法规】", "[部门规章]", "【地方性法规】：", "法律：", "［规范性文件］")
_VERBS = ("依据", "根据", "按照", "依照", "违反", "")
_FORMS = ("立案审批表", "行政处罚决定书", "结案报告", "案卷目录", "送达回执", "责令改正通知书")
_PROSE = (
    "社会保险经办机构以及医疗机构、药品经营单位等社会保险服务机构以欺诈、伪造证明材料或者其他手段"
    "骗取社会保险基金支出的，由社会保险行政部门责令退回骗取的社会保险金",
    "县级以上人民政府及其社会救助管理部门应当加强对社会救助工作的监督检查，完善相关监督管理制度",
    "对直接负责的主管人员和其他直接责任人员依法给予处分",
    "公务员主管部门的工作人员滥用职权、玩忽职守、徇私舞弊，构成犯罪的，依法追究刑事责任",
    "用人单位未按时足额缴纳社会保险费的，由社会保险费征收机构责令限期缴纳或者补足",
    "申请人提交的材料齐全、符合法定形式的，应当当场作出书面的行政许可决定",
)
_INNER_REFS = (
    "违反本法规定，",
    "有前款第（一）项、第（二）项规定情形的，",
    "依照本条例第{a}条的规定，",
    "除本办法第{a}条另有规定外，",
    "对有第(三)项规定情形的，",
    "前款规定的",
)


class Corpus:
    """Distinct cells of power-item text, generated from the citation grammar with a fixed seed."""

    def __init__(self, seed: int, *, all_titles: bool = False) -> None:
        self.rng = random.Random(seed)
        # the hand entries (those with examples: what power lists cite most) by default, so the
        # corpus and its figures do not change when the generated registry grows; all_titles
        # draws from every instrument of the registry (more distinct titles, fewer cache hits)
        entries = [e for e in load_registry().entries if all_titles or e.examples]
        self.titles = [e.title for e in entries]
        self.aliases = [a for e in entries for a in e.aliases if "处分条例" not in a]
        self.docs = [d for e in entries for d in e.doc_numbers]
        self.serial = 0
        self.notes: dict[str, tuple[str, str, str, str]] = {}

    # --- pieces ------------------------------------------------------------------------

    def num(self, n: int) -> str:
        """A provision number in Chinese (mostly), Arabic or full-width digits."""
        r = self.rng.random()
        if r < 0.8:
            return to_chinese(n)
        return (
            str(n)
            if r < 0.95
            else str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
        )

    def local_title(self) -> str:
        rng = self.rng
        title = rng.choice(_PLACES) + rng.choice(TOPICS) + rng.choice(_ENDINGS)
        return title + ("（试行）" if rng.random() < 0.1 else "")

    def title(self) -> tuple[str, str]:
        """A title as written in title marks (full, abbreviated, local, carrier, nested), and the
        instrument it names (its notes belong to the instrument, not to the citation)."""
        rng = self.rng
        r = rng.random()
        if r < 0.45:
            t = rng.choice(self.titles)
            return "《" + t + "》", t
        if r < 0.65:
            t = rng.choice(self.aliases)
            return "《" + t + "》", t
        if r < 0.85:
            t = self.local_title()
            return "《" + t + "》", t
        if r < 0.93:
            lt, rt = rng.choice((("〈", "〉"), ("<", ">"), ("《", "》")))
            t = self.local_title()
            issuer = _ISSUERS[zlib.crc32(t.encode()) % len(_ISSUERS)]  # hash() varies by process
            verb = ("关于印发", "关于转发", "批转")[len(t) % 3]
            return f"《{issuer}{verb}{lt}{t}{rt}的通知》", t
        t = rng.choice(self.titles)
        return "〈" + t + "〉", t

    def parenthetical(self, instrument: str) -> str:
        """The version or number note of an instrument, in one of the bracket styles lists use;
        an instrument always has the same few notes (its version, its enacting number)."""
        rng = self.rng
        notes = self.notes.get(instrument)
        if notes is None:
            r = random.Random(instrument)  # the same notes for the same instrument, every run
            y, m, d = r.randint(1995, 2022), r.randint(1, 12), r.randint(1, 28)
            notes = self.notes[instrument] = (
                r.choice(("2018修正", "2019修订", "2016年修正", "2021年版")),
                r.choice(self.docs) if self.docs and r.random() < 0.5 else "",
                f"渝人社发〔20{r.randint(10, 23)}〕{r.randint(1, 300)}号",
                f"{y}年{m}月{d}日国务院令第{r.randint(100, 800)}号修订",
            )
        version, order, number, clause = notes
        lp, rp = rng.choice((("（", "）"), ("(", ")")))
        r = rng.random()
        if r < 0.35:
            return lp + version + rp
        if r < 0.6 and order:
            return lp + order + rp + (lp + version + rp if rng.random() < 0.3 else "")
        if r < 0.8:
            a, b = rng.choice((("〔", "〕"), ("[", "]"), ("【", "】"), ("(", ")"), ("﹝", "﹞")))
            return lp + number.replace("〔", a).replace("〕", b) + rp
        if r < 0.9:
            return lp + clause + rp
        return ""

    def chain(self) -> str:
        """A provision chain: article, paragraph, item, lists, ranges, 之一, points."""
        rng = self.rng
        a = rng.randint(1, 120)
        r = rng.random()
        if r < 0.4:
            return f"第{self.num(a)}条"
        if r < 0.55:
            return f"第{self.num(a)}条第{self.num(rng.randint(1, 4))}款"
        if r < 0.65:
            lp, rp = rng.choice((("（", "）"), ("(", ")"), ("", "")))
            return f"第{self.num(a)}条第{lp}{self.num(rng.randint(1, 9))}{rp}项"
        if r < 0.75:
            return "、".join(f"第{self.num(a + k)}条" for k in range(rng.randint(2, 4)))
        if r < 0.82:
            return f"第{self.num(a)}条至第{self.num(a + rng.randint(1, 5))}条"
        if r < 0.87:
            return f"第{self.num(a)}条之一"
        if r < 0.92:
            return f"第{a}、{a + 1}、{a + 2}条"
        if r < 0.96:
            return f"第{self.num(a)}条第一款第（{self.num(rng.randint(1, 6))}）项、第二款"
        return f"第{self.num(rng.randint(1, 5))}部分第（{self.num(rng.randint(1, 9))}）点"

    def quoted(self) -> str:
        """Article text quoted after a provision, with its own internal references."""
        rng = self.rng
        parts = [rng.choice(_PROSE) for _ in range(rng.choice((1, 1, 2, 3)))]
        if rng.random() < 0.5:
            ref = rng.choice(_INNER_REFS).format(a=self.num(rng.randint(1, 90)))
            parts.insert(0, ref.rstrip("，"))
        if rng.random() < 0.25:
            parts.append(
                "：\n"
                + "\n".join(
                    f"（{to_chinese(k)}）{rng.choice(_PROSE)[:20]}的；"
                    for k in range(1, rng.randint(2, 6))
                )
            )
        text = "，".join(parts) + f"，处{rng.randint(1, 5)}万元以下的罚款。"
        if rng.random() < 0.2:
            # a wrapped cell: 社 会保险服务机构 (a stray space where the line broke)
            i = rng.randrange(len(text))
            text = text[:i] + " " + text[i:]
        return text.replace("，", ",") if rng.random() < 0.3 else text

    def entry(self, k: int, quote: float) -> str:
        """One cited provision with its rank tag, numbering, quoted text and continuations."""
        rng = self.rng
        out = []
        if rng.random() < 0.3:
            out.append(rng.choice((f"{k}.", f"{k}、", f"（{to_chinese(k)}）")))
        if rng.random() < 0.5:
            out.append(rng.choice(_RANKS))
        out.append(rng.choice(_VERBS))
        r = rng.random()
        if r < 0.88:
            written, instrument = self.title()
            out.append(written + self.parenthetical(instrument))
            out.append(self.chain() if rng.random() < 0.9 else "规定")
        else:
            # an unmarked title before its article: 依据社会保险法第八十七条
            out.append(rng.choice(self.aliases) + self.chain())
        if rng.random() < quote:
            out.append(rng.choice(("：", " ", "规定：", "：“")) + self.quoted())
            for _ in range(rng.choice((0, 0, 0, 1, 2))):
                out.append(f"第{self.num(rng.randint(1, 120))}条：" + self.quoted())
        else:
            out.append(rng.choice(("。", "", " 。", "规定。")))
        return "".join(out)

    def item(self) -> list[str]:
        """The text cells of one power item, shaped like the seed lists' rows: a name, the basis
        (quoted articles), numbered responsibility stages naming forms, accountability
        situations and their basis (mostly bare provisions)."""
        rng = self.rng
        self.serial += 1
        topic = rng.choice(TOPICS)
        cells = [f"对{topic}违法行为的处罚（{self.serial}）"]
        n = rng.choice((1, 1, 2, 2, 3, 4))
        cells.append("\n".join(self.entry(k, 0.85) for k in range(1, n + 1)))
        if rng.random() < 0.6:
            stages = ("受理", "审查", "决定", "送达", "执行", "事后监管")[: rng.randint(3, 6)]
            lines = []
            for k, stage in enumerate(stages, 1):
                line = f"{k}.{stage}责任：{rng.choice(_PROSE)}"
                if rng.random() < 0.4:
                    line += "，制作" + "、".join("《" + f + "》" for f in rng.sample(_FORMS, 2))
                lines.append(line + "。")
            cells.append("\n".join(lines))
        cells.append(
            "有下列情形之一的，依法追究责任："
            + "；".join(rng.choice(_PROSE) for _ in range(rng.randint(1, 4)))
            + "。"
        )
        n = rng.choice((1, 1, 2))
        cells.append("\n".join(self.entry(k, 0.3) for k in range(1, n + 1)))
        return cells

    def cells(self, megabytes: float) -> list[str]:
        """Cells totalling at least ``megabytes`` of UTF-8."""
        out: list[str] = []
        size = 0
        target = megabytes * 1e6
        while size < target:
            for c in self.item():
                out.append(c)
                size += len(c.encode("utf-8"))
        return out


def _quanze(cells: Sequence[str]) -> int:
    return sum(len(get_citations(c)) for c in cells)


def _baseline(cells: Sequence[str]) -> int:
    return sum(len(BASELINE.findall(c)) for c in cells)


def _timed(fn: Callable[[Sequence[str]], int], cells: Sequence[str]) -> tuple[float, int]:
    gc.collect()
    t = time.process_time()
    n = fn(cells)
    return time.process_time() - t, n


def _peak_rss_mb() -> float:
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss is bytes on macOS, KiB on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 1e6


def main(argv: Sequence[str] | None = None) -> None:
    """Generate the corpus, time quanze and the baseline on it, print the figures."""
    ap = argparse.ArgumentParser(prog="python -m bench.citations", description=__doc__)
    ap.add_argument("--mb", type=float, default=20.0, help="corpus size in MB of UTF-8")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument(
        "--all-titles",
        action="store_true",
        help="draw titles from every registry instrument, not only the hand entries",
    )
    args = ap.parse_args(argv)

    t = time.process_time()
    cells = Corpus(args.seed, all_titles=args.all_titles).cells(args.mb)
    size = sum(len(c.encode("utf-8")) for c in cells)
    chars = sum(len(c) for c in cells)
    print(
        f"corpus: {size / 1e6:.1f} MB UTF-8, {chars / 1e6:.1f} M chars, {len(cells)} distinct "
        f"cells, seed {args.seed}, titles of {'all' if args.all_titles else 'the hand'} "
        f"registry entries (generated in {time.process_time() - t:.1f} s)"
    )
    get_citations("《中华人民共和国社会保险法》第八十七条")  # load the registry outside the timing
    print(f"   build: {build_name()}")
    rss_before = _peak_rss_mb()
    for name, fn in (("quanze", _quanze), ("baseline", _baseline)):
        secs, n = _timed(fn, cells)
        print(
            f"{name:>8}: {size / 1e6 / secs:6.1f} MB/s  {n / secs:9,.0f} citations/s  "
            f"{n:,} citations in {secs:.2f} s"
        )
    sample = cells[: max(1, len(cells) // 10)]
    tracemalloc.start()
    _quanze(sample)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"  memory: peak RSS {_peak_rss_mb():.0f} MB (corpus and registry loaded: "
        f"{rss_before:.0f} MB); extraction working set {peak / 1e6:.1f} MB (tracemalloc)"
    )


if __name__ == "__main__":
    main()
