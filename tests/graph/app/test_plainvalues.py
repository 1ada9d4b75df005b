"""Command-line values read without pydantic (graph.app.plainvalues) are read exactly as Typer's
own conversion reads them: the same value, or the same error, for every parameter of every
command."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer._click import Context
from typer._click.exceptions import BadParameter
from typer._coercion import build_runtime_param
from typer.core import _TyperParameter

from graph.app.cli import app
from graph.app.plainvalues import plain_values

#: Values given on a command line (and defaults), good and bad, for each kind of parameter.
VALUES: dict[Any, list[Any]] = {
    str: ["table", "社会保险法第八十七条", "", " x ", "-"],
    bool: [True, False],
    int: ["0", "1", "7878", "007", "-1", "1.5", "abc", "", " 2", "1e3", 3, 0],
    float: [
        "30",
        "0.001",
        "0.0005",
        "0",
        "1",
        "1.0",
        "2",
        "-1",
        "abc",
        "inf",
        "1e3",
        ".5",
        30.0,
        3,
    ],
    Path: ["store", "-", "/nonexistent/x", ".", Path("quanze-demo")],
}


def _parameters() -> Iterator[tuple[Any, _TyperParameter]]:
    def walk(command: Any) -> Iterator[tuple[Any, _TyperParameter]]:
        for sub in getattr(command, "commands", {}).values():
            yield from walk(sub)
        for param in command.get_params(Context(command)):
            if isinstance(param, _TyperParameter):
                yield command, param

    yield from walk(typer.main.get_command(app))


def _outcome(convert: Any, value: Any, param: Any, ctx: Context) -> tuple[str, Any]:
    try:
        return "value", convert(value, param=param, ctx=ctx)
    except BadParameter as exc:
        return "error", exc.format_message()


def _cases() -> Iterator[Any]:
    for command, param in _parameters():
        annotation = param.type_descriptor.annotation
        many = getattr(annotation, "__origin__", None) is list
        kind = annotation.__args__[0] if many else annotation
        for value in VALUES.get(kind, []):
            given = [value, value] if many else value
            yield pytest.param(command, param, given, id=f"{command.name}-{param.name}-{value!r}")


def test_every_parameter_of_every_command_is_read_plainly() -> None:
    # the ones that are not are converted by Typer through pydantic, the cost this module saves
    kinds = {
        (command.name, param.name): plain_values(param.type_descriptor) is not None
        for command, param in _parameters()
    }
    assert kinds and all(kinds.values()), [k for k, plain in kinds.items() if not plain]


@pytest.mark.parametrize(("command", "param", "value"), list(_cases()))
def test_a_value_reads_as_typer_reads_it(command: Any, param: _TyperParameter, value: Any) -> None:
    ctx = Context(command)
    plain = plain_values(param.type_descriptor)
    assert plain is not None
    typer_s = build_runtime_param(param.type_descriptor)
    ours = _outcome(plain._coerce_value, value, param, ctx)
    theirs = _outcome(typer_s._coerce_value, value, param, ctx)
    assert ours == theirs
    assert type(ours[1]) is type(theirs[1])
