"""A notice that publishes its list as an attached file only (附件：某县权责清单.xlsx): the page
holds no list to read, and saying so names the file to read instead, rather than only that no
table was found."""

from __future__ import annotations

import re

# A file name of an office document, a PDF or an archive, as a notice links it: 某县权责清单.xlsx,
# 附件1：权力清单.doc (the name itself at most 80 characters, no white space at its ends).
_FILE = re.compile(
    r"[^\s:：<>\"'“”]{1,80}?\.(?:xlsx|xls|et|docx|doc|wps|pdf|ofd|csv|zip|rar|7z)\b", re.IGNORECASE
)
_ATTACHED = re.compile(r"附件|附表|下载|attachment", re.IGNORECASE)


def linked_file(text: str) -> str | None:
    """The first file a line of ``text`` attaches (a line that says 附件 / 下载 and names a
    file), or None.

    >>> linked_file("现将清单予以公布。\\n附件：某县权责清单.xlsx\\n某县人民政府")
    '某县权责清单.xlsx'
    >>> linked_file("附件下载：\\n1. 某县权力清单.XLS"), linked_file("见《森林法》第五条")
    ('某县权力清单.XLS', None)
    """
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if not _ATTACHED.search(line):
            continue
        # the file on the same line, or on the next lines of a 附件下载 list
        for candidate in lines[index : index + 4]:
            found = _FILE.search(candidate)
            if found is not None:
                return found.group(0).lstrip("0123456789.、:：（）() ")
    return None
