"""Command-line values read without pydantic when they are plainly well-formed.

Typer (0.29) converts every value a command is given through a pydantic ``TypeAdapter``: the first
value read imports pydantic and builds an adapter per parameter, 60–120 ms of every ``quanze``
call that takes an option (``quanze cites REF --store S`` among them) for turning ``"30"`` into
``30.0``. The values quanze's commands take are plain: text, paths, flags, whole numbers and
decimals with a lower or upper bound, or lists of those. Such a value, when it is plainly
well-formed (digits, a non-empty path, within its bounds), is converted here to what pydantic
would give; anything else (``--timeout abc``, ``--jobs 0``, a parameter of another kind) goes on
to Typer's own conversion, so its checks and error messages stay Typer's. Paths still go through
Typer's path checks (which need no pydantic for a ``Path``).

Typer's conversion is reached through its private ``typer._coercion`` and ``typer._param_types``
(as ``graph.app.usage`` reaches its click); ``tests/graph/app/test_plainvalues.py`` checks every
parameter of every command against Typer's own conversion, so a Typer that changes them fails
there.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
from typer._param_types import coerce_cli_path
from typer._typing import get_args, get_origin
from typer.core import _TyperParameter

#: A whole number and a decimal as written on a command line, plainly (no sign, no exponent).
_WHOLE = re.compile(r"[0-9]+")
_DECIMAL = re.compile(r"[0-9]+(?:\.[0-9]+)?")


#: A value's converter: (value, parameter, context) → the value, or _NotPlain.
Converter = Callable[[Any, Any, Any], Any]


class _NotPlain(Exception):
    """A value this module leaves to Typer's own conversion."""


def _text(value: Any, _: Any, __: Any) -> str:
    if not isinstance(value, str):
        raise _NotPlain
    return value


def _flag(value: Any, _: Any, __: Any) -> bool:
    if not isinstance(value, bool):
        raise _NotPlain
    return value


def _number(kind: type[int] | type[float], low: float | None, high: float | None) -> Converter:
    """A converter of a whole number or a decimal within ``low`` and ``high`` (either may be
    None), as pydantic's ``Field(ge=low, le=high)`` would take it."""
    written = _WHOLE if kind is int else _DECIMAL

    def convert(value: Any, _: Any, __: Any) -> int | float:
        if isinstance(value, str) and written.fullmatch(value):
            number = kind(value)
        elif isinstance(value, kind) and not isinstance(value, bool):  # a default
            number = value
        elif kind is float and isinstance(value, int) and not isinstance(value, bool):
            number = float(value)
        else:
            raise _NotPlain
        if (low is not None and number < low) or (high is not None and number > high):
            raise _NotPlain  # Typer says which bound, in its own words
        return number

    return convert


def _path(descriptor: TypeDescriptor) -> Converter:
    """A converter of a path, with Typer's checks (exists, readable …) as the parameter asks."""
    info = descriptor.parameter_info

    def convert(value: Any, param: Any, ctx: Any) -> Any:
        if isinstance(value, str) and value:
            value = Path(value)
        elif not isinstance(value, Path):
            raise _NotPlain
        return coerce_cli_path(value, info, path_type=Path, param=param, ctx=ctx)

    return convert


def _converter(annotation: Any, descriptor: TypeDescriptor) -> Converter | None:
    info = descriptor.parameter_info
    if annotation is str:
        return _text
    if annotation is bool:
        return _flag
    if annotation in (int, float):
        return _number(annotation, info.min, info.max)
    if annotation is Path and info.path_type in (None, Path):
        return _path(descriptor)
    return None


@dataclass(frozen=True)
class PlainRuntimeParam(RuntimeParam):
    """Typer's runtime conversion of one parameter, plain values converted here first (Typer
    itself turns a missing value into None or ``()`` before this is asked)."""

    convert: Converter
    many: bool
    descriptor: TypeDescriptor

    def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
        try:
            if not self.many:
                return self.convert(value, param, ctx)
            if isinstance(value, (list, tuple)):
                return [self.convert(item, param, ctx) for item in value]
        except _NotPlain:
            pass
        typer_s = build_runtime_param(self.descriptor)
        return typer_s._coerce_value(value, param=param, ctx=ctx)


def plain_values(descriptor: TypeDescriptor) -> PlainRuntimeParam | None:
    """The runtime conversion of a parameter described by ``descriptor`` that reads plain values
    without pydantic, or None when the parameter is of another kind (a file, a choice, a custom
    parser, a clamped number): Typer converts those itself."""
    if descriptor.file_annotation is not None:
        return None
    info = descriptor.parameter_info
    if info.parser is not None or info.clamp:
        return None
    annotation, many = descriptor.annotation, False
    if get_origin(annotation) is list:
        (annotation,), many = get_args(annotation), True
    convert = _converter(annotation, descriptor)
    if convert is None:
        return None
    return PlainRuntimeParam(
        parameter_info=info,
        annotation=descriptor.annotation,
        convert=convert,
        many=many,
        descriptor=descriptor,
    )


def read_plainly(params: Iterable[Any]) -> None:
    """Give each of Typer's parameters in ``params`` the conversion of :func:`plain_values`,
    where it has none yet and its kind allows (others are left to Typer)."""
    for param in params:
        if isinstance(param, _TyperParameter) and param._runtime_param is None:
            param._runtime_param = plain_values(param.type_descriptor)
