"""Usage errors of the ``quanze`` command: one line on stderr, exit code 2, and a "did you mean".

Click (under Typer) prints a usage error as a framed box or as three lines (usage, a hint, the
error); a script reading stderr, or a person in a narrow terminal, wants one line saying what was
wrong and what was probably meant. Every usage error goes through :class:`QuanzeGroup.main`, so the
errors click raises (an unknown command or option, a missing value) and those the commands raise
(:func:`choose`, :func:`usage_error`) read the same. ``docs/cli.md`` lists the conventions.
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Iterable, Sequence
from typing import Any, NoReturn

import typer

# Typer (0.29) runs its own copy of click; its usage errors are these classes, not click's
from typer._click.exceptions import ClickException, NoSuchOption, UsageError
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from graph.app.plainvalues import read_plainly

#: The exit code of a usage error (spec/cli.md: 0 ok, 1 data error, 2 usage error).
USAGE_EXIT = 2


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """`` (did you mean X?)`` for the choices closest to ``value``, or "" when none is close.

    >>> did_you_mean("most-cited-article", ["who-cites-article", "most-cited-articles"])
    " (did you mean 'most-cited-articles'?)"
    >>> did_you_mean("xslx", ["md", "xlsx", "csv"]), did_you_mean("zzz", ["md"])
    (" (did you mean 'xlsx'?)", '')
    """
    close = difflib.get_close_matches(value, list(choices), n=3, cutoff=0.6)
    if not close:
        return ""
    # only those about as close as the closest: 'most-cited-article' is not 'who-cites-article'
    best = _likeness(value, close[0])
    close = [c for c in close if _likeness(value, c) >= best - 0.1]
    return f" (did you mean {' or '.join(repr(c) for c in close)}?)"


def _likeness(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def usage_error(message: str, option: str | None = None) -> NoReturn:
    """Leave the command with a usage error (exit 2) saying ``message``, about ``option``."""
    raise typer.BadParameter(message, param_hint=option)


def choose(value: str, choices: Sequence[str], option: str) -> str:
    """``value`` (lower-cased) when it is one of ``choices``, else a usage error naming them and the
    closest one.

    >>> choose("JSON", ["table", "json"], "--format")
    'json'
    """
    lowered = value.lower()
    if lowered in choices:
        return lowered
    usage_error(
        f"{value!r} is not one of {', '.join(choices)}{did_you_mean(lowered, choices)}", option
    )


def one_line(exc: ClickException) -> str:
    """The error as one line: ``quanze: error: CMD: WHAT (see 'quanze CMD --help')``."""
    if isinstance(exc, NoSuchOption) and exc.possibilities:
        message = (
            f"no such option {exc.option_name}{did_you_mean(exc.option_name, exc.possibilities)}"
        )
    else:
        message = " ".join(exc.format_message().split())
    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, UsageError) and ctx is not None:
        path = ctx.command_path
        command = path.partition(" ")[2]
        where = f"{command}: " if command else ""
        return f"quanze: error: {where}{message} (see '{path} --help')"
    return f"quanze: error: {message}"


class QuanzeGroup(TyperGroup):
    """The top command group: click's own errors become one line (exit 2 for usage errors); its
    plain values (``--version``, the help and completion flags) are read without pydantic
    (``graph.app.plainvalues``)."""

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)
        read_plainly(params)
        return params

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """The command named first in ``args``; a misspelled one is a usage error naming the
        closest."""
        try:
            return super().resolve_command(ctx, args)
        except UsageError as exc:
            if args and args[0] not in self.commands:
                near = did_you_mean(args[0], self.commands)
                exc.message = f"no such command {args[0]!r}{near}"
            raise

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except ClickException as exc:
            if not standalone_mode:
                raise
            typer.echo(one_line(exc), err=True)
            sys.exit(USAGE_EXIT if isinstance(exc, UsageError) else exc.exit_code)
        except typer.Abort:
            if not standalone_mode:
                raise
            typer.echo("quanze: aborted", err=True)
            sys.exit(1)
        if standalone_mode:
            sys.exit(code if isinstance(code, int) else 0)
        return code


class _Argument(TyperArgument):
    """An argument shown in help by its name only (Typer adds the Python type, ``<list[Path]>``)."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None


class QuanzeCommand(TyperCommand):
    """A command whose help names values as words (``--store STORE``, ``REF``) rather than Python
    types (``<path>``, ``<list[str]>``): every option taking a value gets a metavar, and arguments
    show none. Its plain values are read without pydantic (``graph.app.plainvalues``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if isinstance(param, TyperArgument):
                param.__class__ = _Argument
                param.metavar = param.metavar or (param.name or "value").upper()
            elif isinstance(param, TyperOption) and not param.is_flag and param.metavar is None:
                param.metavar = (param.name or "value").upper()

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)
        read_plainly(params)
        return params
