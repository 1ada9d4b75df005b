"""The ``quanze`` app cut down to the command a process runs, so that only that command is built.

Typer turns every registered command into a click command on each run: it reads each function's
signature and evaluates its annotations (``typing.get_type_hints``), 20 commands and 40 functions,
30-40 ms of ``quanze cites`` (load 8) for the one command it runs. When the first argument names a
command (or a group such as ``laws``), the app is run with that command alone: its options, help
and usage errors are the same, since click reads only the command it was given. Anything else (no
argument, ``--help``, ``--version``, a misspelled command that wants the "did you mean" of every
name, shell completion) runs the whole app.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

import typer
from typer.main import get_command_name
from typer.models import CommandInfo, TyperInfo


def command_run(app: typer.Typer, args: Sequence[str]) -> typer.Typer:
    """``app`` with only the command or group ``args[0]`` names, or ``app`` itself when it names
    none of them (``app`` is left as it is).

    >>> app = typer.Typer()
    >>> _ = app.command()(lambda: None), app.command("cites")(lambda: None)
    >>> [c.name for c in command_run(app, ["cites", "x"]).registered_commands]
    ['cites']
    >>> command_run(app, ["--help"]) is app, command_run(app, ["cite"]) is app
    (True, True)
    """
    if not args:
        return app
    for info in app.registered_commands:
        if info.callback and (info.name or get_command_name(info.callback.__name__)) == args[0]:
            return _with(app, commands=[info], groups=[])
    for group in app.registered_groups:
        if group.name == args[0]:
            return _with(app, commands=[], groups=[group])
    return app


def _with(app: typer.Typer, *, commands: list[CommandInfo], groups: list[TyperInfo]) -> typer.Typer:
    one = copy.copy(app)
    one.registered_commands = commands
    one.registered_groups = groups
    return one
