"""Every text key used exists, every text key defined is used, and no key is built at run time.

The texts live in ``radar/i18n/da.toml`` and ``en.toml``. A key that is put
together at run time (``t(f"movement.label.{kind}", lang)``) can be neither
checked nor found, so every key is written out in full where it is used, if
need be in a small mapping such as ``{Movement.NEW: "movement.label.new"}``.
This test reads the source (without importing it) of ``radar/``, ``pages/``
and ``dashboard.py``:

- a ``t()`` call whose first argument is a literal must name a defined key;
- a ``t()`` call whose first argument is an f-string, a concatenation or a
  ``.format()`` builds its key at run time, and fails, naming file and line;
- a defined key must appear as a literal string somewhere in that source.

It also checks the two data files against each other: the same keys, and in
each text the same ``{placeholders}`` in Danish and English.
"""

from __future__ import annotations

import ast
import re
import string
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from radar.i18n import STRINGS


def _root() -> Path:
    """The checkout: the nearest folder above this file that holds pyproject.toml."""
    for folder in Path(__file__).resolve().parents:
        if (folder / "pyproject.toml").is_file():
            return folder
    raise AssertionError("no pyproject.toml above the tests")


ROOT = _root()
TEXTS = ROOT / "radar" / "i18n"
LANGS = ("da", "en")

# What a key looks like: lower-case dotted words, e.g. "export.format.byor-csv.use".
KEY = re.compile(r"[a-z0-9_]+(?:\.[a-z0-9_-]+)+")
# The lookup's name, called as ``t(...)`` or ``i18n.t(...)``.
LOOKUPS = frozenset({"t"})


@dataclass(frozen=True)
class Call:
    """One ``t()`` call: where it is and what its first argument is."""

    where: str
    first: ast.expr


def _sources() -> list[Path]:
    files = sorted((ROOT / "radar").rglob("*.py"))
    files += sorted((ROOT / "pages").glob("*.py"))
    files.append(ROOT / "dashboard.py")
    return [path for path in files if path.is_file()]


@cache
def _trees() -> tuple[tuple[str, ast.Module], ...]:
    return tuple(
        (path.relative_to(ROOT).as_posix(), ast.parse(path.read_text("utf-8"), str(path)))
        for path in _sources()
    )


def _is_lookup(call: ast.Call) -> bool:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id in LOOKUPS
    return isinstance(func, ast.Attribute) and func.attr in LOOKUPS


def _calls() -> Iterator[Call]:
    for name, tree in _trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and node.args and _is_lookup(node):
                yield Call(f"{name}:{node.lineno}", node.args[0])


def _is_built(expr: ast.expr) -> bool:
    """Whether ``expr`` puts a string together at run time instead of naming it."""
    if isinstance(expr, ast.JoinedStr | ast.BinOp):
        return True
    if isinstance(expr, ast.IfExp):
        return _is_built(expr.body) or _is_built(expr.orelse)
    return (
        isinstance(expr, ast.Call)
        and isinstance(expr.func, ast.Attribute)
        and expr.func.attr in {"format", "join"}
    )


def _literals() -> set[str]:
    """Every string constant in the source that looks like a key.

    The pieces of an f-string are left out: ``f"movement.label.{kind}"`` does
    not use a key, it builds one.
    """
    pieces = {
        id(value)
        for _, tree in _trees()
        for node in ast.walk(tree)
        if isinstance(node, ast.JoinedStr)
        for value in node.values
    }
    return {
        node.value
        for _, tree in _trees()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in pieces
        and KEY.fullmatch(node.value)
    }


@cache
def _file(lang: str) -> dict[str, object]:
    """One data file as read by the standard library, not through radar.i18n."""
    return tomllib.loads((TEXTS / f"{lang}.toml").read_text("utf-8"))


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_the_source_is_found() -> None:
    names = {name for name, _ in _trees()}
    assert {"dashboard.py", "radar/i18n/texts.py"} <= names
    assert any(name.startswith("pages/") for name in names)
    assert sum(1 for _ in _calls()) > 100


def test_every_defined_key_looks_like_a_key() -> None:
    assert [key for key in STRINGS if not KEY.fullmatch(key)] == []


def test_every_literal_key_in_a_lookup_is_defined() -> None:
    missing = [
        f"{call.where}: {call.first.value!r}"
        for call in _calls()
        if isinstance(call.first, ast.Constant)
        and isinstance(call.first.value, str)
        and call.first.value not in STRINGS
    ]
    assert missing == [], "t() with a key that no text file defines:\n" + "\n".join(missing)


def test_no_lookup_builds_its_key_at_run_time() -> None:
    built = [
        f"{call.where}: {ast.unparse(call.first)}" for call in _calls() if _is_built(call.first)
    ]
    assert built == [], (
        "t() with a key put together at run time; name each key in full, e.g. in a "
        "mapping {value: 'the.key'}:\n" + "\n".join(built)
    )


def _prefixes() -> set[str]:
    """The leading parts of the defined keys: ``"movement."``, ``"movement.label."``, ..."""
    parts = (key.split(".") for key in STRINGS)
    return {".".join(p[:i]) + "." for p in parts for i in range(1, len(p))}


def _head(expr: ast.expr) -> str | None:
    """The literal text a built string starts with, if it starts with one."""
    if isinstance(expr, ast.JoinedStr) and expr.values:
        return _head(expr.values[0])
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add | ast.Mod):
        return _head(expr.left)
    if (
        isinstance(expr, ast.Call)
        and isinstance(expr.func, ast.Attribute)
        and expr.func.attr == "format"
    ):
        return _head(expr.func.value)
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return expr.value
    return None


def test_no_key_is_built_at_run_time_anywhere() -> None:
    """Also outside ``t()``: ``key = f"movement.label.{kind}"`` hides the keys just as well."""
    prefixes = _prefixes()
    built = sorted(
        {
            f"{name}:{node.lineno}: {ast.unparse(node)}"
            for name, tree in _trees()
            for node in ast.walk(tree)
            if isinstance(node, ast.JoinedStr | ast.BinOp | ast.Call)
            and not (isinstance(node, ast.Call) and _is_lookup(node))
            and (head := _head(node)) is not None
            and any(head.startswith(prefix) for prefix in prefixes)
        }
    )
    assert built == [], "a text key put together at run time; name each key in full:\n" + "\n".join(
        built
    )


def test_every_defined_key_is_used() -> None:
    unused = sorted(set(STRINGS) - _literals())
    assert unused == [], (
        "keys defined in radar/i18n/*.toml that no source file names:\n" + "\n".join(unused)
    )


def test_both_languages_have_the_same_keys() -> None:
    da, en = (_file(lang) for lang in LANGS)
    assert sorted(da.keys() - en.keys()) == []
    assert sorted(en.keys() - da.keys()) == []
    assert list(da) == list(en), "the two files list the keys in the same order"


def test_every_text_is_a_non_empty_string() -> None:
    for lang in LANGS:
        wrong = [
            key
            for key, text in _file(lang).items()
            if not isinstance(text, str) or not text.strip()
        ]
        assert wrong == [], f"{lang}.toml"


@pytest.mark.parametrize("key", sorted(_file("da")))
def test_placeholders_are_the_same_in_both_languages(key: str) -> None:
    texts = {lang: str(_file(lang).get(key, "")) for lang in LANGS}
    assert _fields(texts["da"]) == _fields(texts["en"]), texts
