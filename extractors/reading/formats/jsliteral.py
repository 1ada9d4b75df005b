"""A JavaScript array or object literal written in a page's script as the JSON it stands for:
keys without quotes (``{sxmc: '…'}``), strings in single quotes, trailing commas, comments and
``undefined`` are what JSON lacks; anything else (a call, a variable, an expression) is no
data, and none is given. The literal's line breaks are kept, so its lines stay the script's."""

from __future__ import annotations

import json
import re

_TOKEN = re.compile(
    r"""(?P<space>(?:\s+|//[^\n]*|/\*.*?\*/)+)
      | (?P<string>'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
      | (?P<number>-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
      | (?P<name>[A-Za-z_$][\w$]*)
      | (?P<mark>[\[\]{},:])""",
    re.VERBOSE | re.DOTALL,
)
_WORDS = {"true": "true", "false": "false", "null": "null", "undefined": "null"}
#: The escapes of a JavaScript string that JSON's strings lack, and what they stand for.
_ESCAPES = re.compile(r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|[^xu])", re.DOTALL)
_CHARS = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "0": "\0", "\n": ""}
#: Longest literal read: a page's data, not a library's code.
MAX_CHARS = 1 << 26


def js_string(written: str) -> str:
    """The value of the JavaScript string literal ``written``, quotes included.

    >>> js_string(r"'《劳动法》\\'第六十九条\\''"), js_string(r'"a\\u4e00\\x41"')
    ("《劳动法》'第六十九条'", 'a一A')
    """

    def unescape(m: re.Match[str]) -> str:
        got = m.group(1)
        return chr(int(got[1:], 16)) if got[0] in "xu" and len(got) > 1 else _CHARS.get(got, got)

    return _ESCAPES.sub(unescape, written[1:-1])


def literal_json(code: str, start: int) -> tuple[str, int] | None:
    """The JSON of the array or object literal that opens at ``code[start]`` and the offset
    after it; None when it is not data (or not closed).

    >>> literal_json("var d = [{xh: '1', sxmc: '城乡医疗救助',},];", 8)
    ('[{"xh": "1", "sxmc": "城乡医疗救助"}]', 37)
    >>> literal_json("var d = [f(1)];", 8) is None
    True
    """
    out: list[str] = []
    depth = 0
    at = start
    end = min(len(code), start + MAX_CHARS)
    while at < end:
        token = _TOKEN.match(code, at)
        if token is None:
            return None
        at = token.end()
        kind, text = token.lastgroup, token.group()
        if kind == "space":
            out.append("\n" * text.count("\n") or " ")
            continue
        if kind == "string":
            out.append(json.dumps(js_string(text), ensure_ascii=False))
        elif kind == "number":
            out.append(text)
        elif kind == "name":
            following = _TOKEN.match(code, at)
            if following is not None and following.lastgroup == "space":
                following = _TOKEN.match(code, following.end())
            if following is not None and following.group() == ":" and depth:
                out.append(json.dumps(text))  # a key
            elif text in _WORDS:
                out.append(_WORDS[text])
            else:
                return None  # a variable, a call: not data
        elif text in "[{":
            depth += 1
            out.append(text)
        elif text in "]}":
            last = len(out) - 1
            while last >= 0 and out[last].isspace():
                last -= 1
            if last >= 0 and out[last] == ",":
                out[last] = ""  # a trailing comma (the line breaks after it kept)
            depth -= 1
            out.append(text)
            if depth == 0:
                return "".join(out), at
        else:
            out.append(text)
    return None
