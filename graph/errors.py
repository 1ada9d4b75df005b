"""The errors the graph layer raises: store trouble, bad queries, references it cannot read."""

from __future__ import annotations

from extractors.errors import QuanzeError


class StoreError(QuanzeError):
    """A store that cannot be opened or used; the message names the directory."""


class StoreMissingError(StoreError):
    """No store at the given directory (and creating one was not asked for)."""


class StoreLockedError(StoreError):
    """The store is open for writing in another process."""


class StoreCorruptError(StoreError):
    """The directory holds something that is not a readable store."""


class LoadError(StoreError):
    """The store did not take the quads of a build (a full disk, say); ``graph.store.load.load``
    says what is then in it."""


class BuildInterruptedError(QuanzeError):
    """A build stopped by Ctrl-C; the message says what the store then holds."""


class QueryError(QuanzeError):
    """A SPARQL query that cannot be run: malformed (with line and column), unknown, or refused."""

    def __init__(self, message: str, *, line: int | None = None, column: int | None = None):
        self.line = line
        self.column = column
        super().__init__(message)


class EndpointRefusedError(QueryError):
    """A SPARQL endpoint answered a query with HTTP 400: it could not parse or run it."""


class BuildError(QuanzeError):
    """Input to the build that does not fit together (a citation for a row that no list has)."""


class UnknownReferenceError(QuanzeError):
    """A free-text reference (REF of ``quanze cites``) in which no law or provision was found."""


class NoLawTextsError(QuanzeError):
    """The store holds no official law texts to audit citations against (``quanze audit``)."""
