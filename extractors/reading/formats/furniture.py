"""Lines of a page that belong to its layout, not to the list it holds: rules drawn between
records (────, ***, ----) and running headers, the list's title or date line printed again at
the top of each page of a print (``某县权责清单`` / ``2023年5月6日`` above every page's rows), and
the signature of a notice under the list it publishes (某县林业局 / 2023年6月1日).

A converter or a copy from a print keeps them inside the text; read as text they became more of
the record above's last value (a title run into its accountability basis). Both readers of page
text, the flattened table (``formats/text/flat.py``) and the vertical records
(``formats/labelled.py``), set them aside as context."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from extractors.reading.vocab import is_list_title, is_org_name, is_page_chrome

# A line drawn with one rule character repeated, spaces between allowed: stars, equals signs or
# tildes three times or more (***, ＝＝＝), box drawing, dashes, underscores or dots five times
# or more (──────, - - - - -): a dash or two (——) is a placeholder for an empty value.
_RULE = re.compile(r"\s*(?:([*＊=＝~～])(?:\s*\1){2,}|([─━═—–\-－_＿·•.。])(?:\s*\2){4,})\s*")
# A date line alone: 2023年5月6日, 2023-05-06, 2023/5/6, 2023.05.06 (with a label of up to six
# characters before it: 发布日期：2023-05-06).
_DATE = re.compile(
    r"(?:[\u4e00-\u9fff]{2,6}\s*[:：]\s*)?"
    r"(?:\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?)"
)


def is_rule(line: str) -> bool:
    """True when ``line`` is a rule drawn between records.

    >>> is_rule("────────"), is_rule("* * *"), is_rule("----------"), is_rule("—————")
    (True, True, True, True)
    >>> is_rule("——"), is_rule("———"), is_rule("-1-"), is_rule("《森林法》第五十六条")
    (False, False, False, False)
    """
    return _RULE.fullmatch(line) is not None


def running_headers(lines: Iterable[str]) -> frozenset[str]:
    """Of the lines above a list (its title, the date line), those a print repeats at the top
    of every page: a list's title (``vocab.is_list_title``) or a date alone, white space
    dropped. Other lines above a list (an issuing notice's sentences, a department's name) may
    be cells further down, and are not taken.

    >>> sorted(running_headers(["某县人力社保局权责清单", "2023年5月6日", "各乡镇：", "县林业局"]))
    ['2023年5月6日', '某县人力社保局权责清单']
    """
    return frozenset(
        "".join(line.split())
        for line in lines
        if line.strip() and (is_list_title(line) or _DATE.fullmatch(line.strip()))
    )


def is_page_footer(line: str) -> bool:
    """True when ``line`` is a page's footer or header printed in pieces apart at gaps, as
    ``pdftotext -layout`` keeps a print's footer at its place on the line: page chrome (a page
    number) beside dates, the issuer's name or the list's title (2023年6月1日          第1页,
    某县人民政府          第 1 页 共 2 页); a line of one piece is not taken.

    >>> is_page_footer("2023年6月1日                 第1页"), is_page_footer("第1页")
    (True, False)
    >>> is_page_footer("某县人民政府        第 1 页 共 2 页")
    True
    >>> is_page_footer("2023年6月1日  县林业局")
    False
    """
    pieces = _GAP.split(line.strip())
    if len(pieces) < 2 or not (is_page_chrome(pieces[0]) or is_page_chrome(pieces[-1])):
        return False  # the page number stands at the footer's left or right end
    return all(
        _DATE.fullmatch(piece)
        or is_org_name(piece)
        or is_list_title(piece)
        or is_page_chrome(piece)
        for piece in pieces
    )


# A page number alone on its line, as a print's footer leaves it.
_PAGE_NUMBER = re.compile(r"\s*(\d{1,4})\s*")


def page_numbers(lines: Iterable[str]) -> frozenset[int]:
    """The numbers (1-based) of the lines that are page numbers alone: of ``lines`` (a text's
    lines with their ends kept, ``str.splitlines(keepends=True)``), the last filled line of each
    page a form feed ends (``pdftotext`` ends every page so), when it is a number, and the
    numbers of the pages go up one a page (a last cell holding a number, 20 days, does not).
    The last page without a form feed counts when its number follows on.

    >>> page_numbers(["序号\\n", "《森林法》第五十六条\\n", "1\\n", "\\f", "县林业局\\n", "2\\f"])
    frozenset({3, 6})
    >>> page_numbers(["1  林木采伐许可  20\\n", "20\\n", "\\f", "2  林木种子许可\\n", "15\\n"])
    frozenset()
    """
    found: list[tuple[int, int]] = []  # (line, number) of each page's last filled line
    last: tuple[int, str] | None = None
    ended = False
    for n, line in enumerate(lines, start=1):
        if line.strip():
            last = (n, line)
        if line.endswith("\f"):
            ended = True
            if last is not None and (number := _PAGE_NUMBER.fullmatch(last[1])):
                found.append((last[0], int(number.group(1))))
            else:
                found.append((0, -1))  # a page without a number ends the run
            last = None
    if ended and last is not None and (number := _PAGE_NUMBER.fullmatch(last[1])):
        found.append((last[0], int(number.group(1))))
    if not found or found[0][1] < 0:
        return frozenset()
    first = found[0][1]
    run = [line for k, (line, number) in enumerate(found) if number == first + k]
    if len(run) < len(found) or (len(run) == 1 and first != 1):
        return frozenset()
    return frozenset(run)


# A browser prints the page's title atop each page: the document's title, a separator and the
# site's name (某县权责清单 - 某县人民政府门户网站, 某县权责清单_某县人民政府).
_SITE = re.compile(r"\s*(?:\s[-–—|｜]\s|_)\s*[^\s\-–—|｜_]{2,30}$")
# A print that cuts a list over pages may repeat its title atop the next with a mark that it goes
# on: 某县权责清单（续）, 某县权责清单(续表).
# A gap between the pieces of a browser's print header (the time, the page's title).
_GAP = re.compile(r"\s{2,}|\t")
_CONTINUED = re.compile(r"\s*[（(]\s*续(?:表|上表)?\s*[)）]\s*$")


def is_running_header(line: str, headers: frozenset[str]) -> bool:
    """True when ``line`` is one of ``headers`` (:func:`running_headers`) printed again, alone
    or as a browser prints the page's title (the site's name after it).

    >>> is_running_header("某县 权责清单", frozenset({"某县权责清单"}))
    True
    >>> is_running_header("某县权责清单 - 某县人民政府门户网站", frozenset({"某县权责清单"}))
    True
    >>> is_running_header("某县权责清单（续）", frozenset({"某县权责清单"}))
    True
    >>> is_running_header("2024/5/6 10:31  某县权责清单 - 某县政府网", frozenset({"某县权责清单"}))
    True
    """
    if not headers:
        return False
    line = _CONTINUED.sub("", line)
    pieces = _GAP.split(line.strip(), maxsplit=1)
    if len(pieces) == 2 and is_page_chrome(pieces[0]):
        line = pieces[1]  # 2024/5/6 10:31  某县权责清单 - …: a browser prints the time before it
    return "".join(line.split()) in headers or "".join(_SITE.sub("", line).split()) in headers


# A date written in Chinese numerals, as a notice signs it: 二〇二三年六月一日.
_CHINESE_DATE = re.compile(
    r"[〇零一二三四五六七八九○Ｏ0]{4}\s*年\s*[一二三四五六七八九十]{1,3}\s*月(?:\s*[一二三十]{1,3}\s*日)?"
)


def signature_start(lines: Sequence[str]) -> int | None:
    """Where a signature closes ``lines`` (the last lines of a list's body): the names of the
    issuing offices, each alone on its line, over a date alone as the last line (某县林业局 /
    2023年6月1日, as a notice that publishes a list signs it below the list); None when the
    lines do not end so. Blank lines are passed over; the first line is never taken (it opens
    the record).

    >>> signature_start(["4  对违法运输车辆的暂扣", "", "某县林业局", "2023年6月1日"])
    2
    >>> signature_start(["4  对违法运输车辆的暂扣", "县林业局"]) is None
    True
    """
    filled = [k for k, line in enumerate(lines) if line.strip()]
    if len(filled) < 3:
        return None
    date = lines[filled[-1]].strip()
    if not (_DATE.fullmatch(date) or _CHINESE_DATE.fullmatch(date)):
        return None
    start = None
    for k in reversed(filled[1:-1]):
        if not is_org_name(lines[k]):
            break
        start = k
    return start
