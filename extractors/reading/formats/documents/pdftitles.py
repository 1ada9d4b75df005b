"""The department a PDF's list is titled by (县林业局权责清单 over its table, on the first page
or printed atop every page): the department the table's items fall under when it has no
department column (``Grid.owner``, read by the assembler into ``section_department``, never
``department``), as the sheet readers read a title row (``formats/titles.py``)."""

from __future__ import annotations

from collections.abc import Sequence

from extractors.reading.formats.titles import group_department


def titled_owner(
    context: Sequence[tuple[int, str]], since: int, before: tuple[int, str] | None
) -> tuple[int, str] | None:
    """The last line of ``context`` from index ``since`` on (the lines read since the table
    before began) that titles a department's list or names a department alone (a running
    head), else ``before`` (the table before's: one title over a list of several tables).

    >>> titled_owner([(1, "附件1"), (2, "县林业局权责清单")], 0, None)
    (2, '县林业局权责清单')
    >>> titled_owner([(1, "县林业局权责清单"), (9, "第 1 页 共 2 页")], 1, (1, "县林业局权责清单"))
    (1, '县林业局权责清单')
    >>> titled_owner([(1, "某县权责清单")], 0, None) is None
    True
    """
    for line in reversed(context[since:]):
        if group_department(line[1]) is not None:
            return line
    return before
