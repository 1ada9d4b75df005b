"""Which id each list is stored under (``…/list/{list-id}``, graph ``…/graph/list/{list-id}``),
and what counts as the same list given twice.

The rule, deterministic and readable:

- A list's id is its file name without directory and extension (``list_id_of``), as long as no
  other file claims it: ``samples/001_6c98652daac37f2e.txt`` is ``001_6c98652daac37f2e``.
- An id is claimed by the file (its path as given to the build) the store's record holds it for,
  else by the first file of the build, in the order of their paths, that asks for it. A file
  rebuilt by the same path keeps its id; a store made before the record existed leaves its ids to
  whichever file asks first.
- A file whose stem another file claims is told apart from that file: by its whole file name when
  both sit in the same directory (``acct.csv`` and ``acct.docx`` → ``acct`` and ``acct.docx``),
  else by the nearest directory that differs (``a/list.md`` and ``b/list.md`` → ``list`` and
  ``list~b``); should that id be claimed too, or the path name no such directory, ``~`` and
  eight hex digits of the path follow (``list~3f2a…``).
- The content of a list (its description and items, not its file name, format or line numbers:
  ``content_digest``) tells duplicates: a list whose content is that of a list already in the
  build or the store is the same list given twice, reported as such and stored once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from hashlib import blake2b
from itertools import zip_longest
from pathlib import PurePosixPath

from extractors.models import PowerList
from extractors.reading.summary import ContentDigest
from graph.build.lists import list_id_of


def content_digest(power_list: PowerList) -> str:
    """A digest of what a list says (its description and its items' fields), the same whatever
    file name, format or layout it was read from: two files with the same digest are one list.

    >>> from extractors.models import ListMeta, PowerItem
    >>> item = PowerItem("a.csv", "1", 2, name="x")
    >>> one = PowerList("a.csv", "csv", "utf-8", ListMeta(), (item,))
    >>> two = PowerList("b.md", "md", None, ListMeta(), (PowerItem("b.md", "1", 7, name="x"),))
    >>> content_digest(one) == content_digest(two)
    True
    """
    digest = ContentDigest(power_list.meta)
    for item in power_list.items:
        digest.add(item)
    return digest.hexdigest()


def _posix(path: str) -> PurePosixPath:
    return PurePosixPath(path.replace("\\", "/"))


def _qualified(path: str, holder: str) -> str | None:
    """The id of the file at ``path`` when the file at ``holder`` has its stem: its file name, or
    its stem and the nearest directory that differs; None when its path names no such directory.

    >>> _qualified("dir/acct.docx", "dir/acct.csv"), _qualified("b/x/list.md", "a/x/list.md")
    ('acct.docx', 'list~b')
    >>> _qualified("list.md", "a/list.md") is None
    True
    """
    mine, theirs = _posix(path), _posix(holder)
    if mine.parent == theirs.parent or mine.name != theirs.name:
        return mine.name
    ours = reversed(mine.parent.parts)
    for own, other in zip_longest(ours, reversed(theirs.parent.parts)):
        if own != other:
            return f"{list_id_of(path)}~{own}" if own not in (None, "/", "..") else None
    return None


def _hashed(candidate: str, path: str) -> str:
    """``candidate`` made unique by eight hex digits of the path."""
    return f"{candidate}~{blake2b(path.encode(), digest_size=4).hexdigest()}"


class ListIds:
    """The id of each file of a build, given the ids the store already holds.

    ``held`` maps each id the store holds to the path its record names (None for a list stored
    before the record existed: any file may take that id, as before). ``plan`` assigns the ids
    of a build's files all at once, in the order of their paths, so the ids do not depend on the
    order the files were given in; ``assign`` gives a file's id (planning it if it was not).

    >>> ids = ListIds({"list": "a/list.md"})
    >>> ids.plan(["b/list.md", "a/list.md", "a/acct.csv", "a/acct.docx"])
    >>> [ids.assign(p) for p in ("a/list.md", "b/list.md", "a/acct.csv", "a/acct.docx")]
    ['list', 'list~b', 'acct', 'acct.docx']
    """

    def __init__(self, held: Mapping[str, str | None] | None = None) -> None:
        self.owner: dict[str, str | None] = dict(held or {})
        self.given: dict[str, str] = {}

    def plan(self, paths: Iterable[str]) -> None:
        """Assign the ids of ``paths``, in the order of the paths."""
        for path in sorted(set(paths)):
            self.assign(path)

    def assign(self, path: str) -> str:
        """The id of the file at ``path`` (the same each time it is asked)."""
        known = self.given.get(path)
        if known is not None:
            return known
        stem = list_id_of(path)
        candidates = [stem]
        holder = self.owner.get(stem)
        if holder is not None and holder != path:
            qualified = _qualified(path, holder)
            if qualified is not None:
                candidates.append(qualified)
            candidates.append(_hashed(qualified or stem, path))
        for candidate in candidates:
            owner = self.owner.get(candidate, path)
            if owner is None or owner == path:
                break
        self.owner[candidate] = path
        self.given[path] = candidate
        return candidate
