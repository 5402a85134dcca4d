"""AOE technology radars (github.com/AOEpeople/aoe_technology_radar), as a zip of the radar folder.

The radar is a folder ``radar/<release>/<item>.md``: one folder per release,
named by its date (``2023-02-23``), and in it one Markdown file per item that
is new or changed in that release (older radars put the items in a folder per
quadrant: ``radar/2017-03-01/tools/grunt.md``). A file begins with YAML front
matter, ``title``, ``ring`` (adopt, trial, assess, hold), ``quadrant`` (such as
``languages-and-frameworks``) and optional keys (``tags``, ``featured``,
``info``), and its Markdown body is the item's description. The file name is
the item's identifier: a later release's file of the same name changes the
item, and may leave out what stays (``title``, ``quadrant``, ``ring``, the body).

The import reads a zip file with the ``radar`` folder at its top or one folder
below it (as GitHub's "Download ZIP" has it), and imports the newest state of
every item as of the newest release: one edition, with every item of the radar.
:func:`releases` and :func:`release_archive` let the command line import an
older release, or every release as an edition of its own.

The front matter is YAML, read with PyYAML's safe composer (no object is
built from it): each key's value a text (plain, quoted, or a block such as
``description: |``) or a list of texts; anything else is a problem naming the
file and line.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import PurePosixPath

import yaml

from radar import formats
from radar.i18n import t
from radar.importing import read
from radar.importing.entries import (
    MAX_NAME_CHARS,
    Context,
    Entry,
    check_name,
    fallback_id,
    stated_entry,
)
from radar.importing.html import first_sentence
from radar.importing.markdown import markdown_to_text
from radar.importing.problems import BAD_CHARS, ImportProblems, Problem, bad_char_problem
from radar.model import Lang

__all__ = ["aoe_entries", "looks_like_aoe", "release_archive", "releases"]

_RELEASE = re.compile(r"\d{4}-\d{2}-\d{2}")


class _Compression(Exception):
    """A member compressed with a method that is not read (see :func:`_read_member`)."""

    def __init__(self, method: int) -> None:
        super().__init__(method)
        self.method = method


#: What each reading of a member may raise when the zip file is damaged.
_UNREADABLE: tuple[type[Exception], ...] = (
    _Compression,
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    OSError,
    EOFError,
    ValueError,
    RuntimeError,
    NotImplementedError,
    zlib.error,
)
# YAML's words for "no value", in a plain (unquoted) scalar.
_NULLS = ("~", "null", "Null", "NULL")
#: An item file larger than this is refused: an item is a page of text, and
#: PyYAML and the Markdown reader are pure Python (a 20 MB body took seconds).
MAX_ITEM_BYTES = 256 * 1024
#: The front matter an item's first file must give.
_REQUIRED = ("title", "ring", "quadrant")

Value = str | list[str]


@dataclass(frozen=True)
class _Layout:
    """Where the items are in the zip file: each release's files, by item."""

    root: str
    releases: dict[str, dict[str, zipfile.ZipInfo]]


@dataclass
class _Item:
    """An item's newest state: each key's value and the file and line that gave it."""

    item: str
    member: str
    values: dict[str, tuple[str, str, int]] = field(default_factory=dict)
    body: str = ""
    ring: str | None = None


def _member_path(info: zipfile.ZipInfo) -> str:
    # Zip files made on Windows sometimes separate folders with backslashes; a
    # control character in a name would end up in the messages.
    return BAD_CHARS.sub("", info.filename.replace("\\", "/"))


def _unsafe(path: str) -> bool:
    """An absolute path, or one that climbs out of the folder it is unpacked in."""
    return path.startswith("/") or bool(re.match(r"[A-Za-z]:", path)) or ".." in path.split("/")


def _scan(
    archive: zipfile.ZipFile, file_name: str, lang: Lang
) -> tuple[_Layout | None, list[Problem]]:
    """The radar folder's releases and item files, and what is wrong with the zip.

    None when the zip file cannot be read as a radar at all.
    """

    def problem(key: str, **values: object) -> Problem:
        return Problem(file_name, None, None, t(key, lang, **values))

    infos = archive.infolist()
    # The sizes are the zip file's own claim, which reading holds it to: a
    # member yields no more than it declares.
    if sum(info.file_size for info in infos) > read.MAX_UNPACKED_BYTES:
        limit = read.MAX_UNPACKED_BYTES // (1024 * 1024)
        return None, [problem("importmsg.archive_too_large", limit=limit)]
    unsafe = [_member_path(i) for i in infos if _unsafe(_member_path(i))]
    if unsafe:
        return None, [problem("importmsg.archive_path", path=path[:200]) for path in unsafe[:10]]
    items = [(info, _member_path(info).split("/")) for info in infos if not info.is_dir()]
    # macOS adds a copy of each file's metadata (__MACOSX/..., ._name.md): not items.
    items = [
        (info, parts)
        for info, parts in items
        if parts[-1].lower().endswith(".md")
        and not parts[-1].startswith("._")
        and parts[0] != "__MACOSX"
    ]
    # The radar folder: "radar" at the top, or one folder below it.
    roots = {
        "/".join(parts[: depth + 1])
        for _, parts in items
        for depth in (0, 1)
        if len(parts) > depth + 2 and parts[depth] == "radar"
    }
    if "radar" in roots:
        root = "radar"
    elif len(roots) == 1:
        root = next(iter(roots))
    elif roots:
        return None, [problem("importmsg.aoe_several_radars", folders=", ".join(sorted(roots)))]
    else:
        return None, [problem("importmsg.aoe_no_radar")]
    inside = [(i, p) for i, p in items if "/".join(p[: root.count("/") + 1]) == root]
    if len(inside) > read.MAX_ROWS:
        return None, [problem("importmsg.too_many_entries", limit=read.MAX_ROWS)]
    problems = []
    found: dict[str, dict[str, zipfile.ZipInfo]] = {}
    for info, parts in sorted(inside, key=lambda pair: _member_path(pair[0])):
        member = _member_path(info)
        release = parts[root.count("/") + 1] if len(parts) > root.count("/") + 2 else ""
        if not _release_date(release):
            problems.append(problem("importmsg.aoe_release_name", member=member))
            continue
        item = PurePosixPath(parts[-1]).stem
        other = found.setdefault(release, {}).get(item)
        if other is not None:
            message = t(
                "importmsg.aoe_item_twice",
                lang,
                member=member,
                other=_member_path(other),
                item=item,
            )
            problems.append(Problem(file_name, None, None, message))
            continue
        found[release][item] = info
    if not found:
        return None, problems
    # The files found wrong are left out; the others are still read, for their problems.
    return _Layout(root, dict(sorted(found.items()))), problems


def _release_date(name: str) -> date | None:
    if not _RELEASE.fullmatch(name):
        return None
    try:
        return date.fromisoformat(name)
    except ValueError:
        return None


def _open(data: bytes) -> zipfile.ZipFile | None:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return None


def looks_like_aoe(data: bytes) -> bool:
    """Whether a zip file holds an AOE radar: ``.md`` files under a ``radar`` folder.

    A workbook (``xlsx``) is a zip file too, told apart by its ``[Content_Types].xml``.
    """
    archive = _open(data)
    if archive is None:
        return False
    with archive:
        names = [_member_path(info) for info in archive.infolist()]
    if "[Content_Types].xml" in names:
        return False
    return any(name.lower().endswith(".md") and "radar" in name.split("/")[:2] for name in names)


def _layout(data: bytes, file_name: str, lang: Lang) -> tuple[zipfile.ZipFile, _Layout]:
    """The open zip file and its radar folder; :class:`ImportProblems` when it has none."""
    archive = _open(data)
    if archive is None:
        message = t("importmsg.aoe_not_zip", lang)
        raise ImportProblems([Problem(file_name, None, None, message)])
    layout, problems = _scan(archive, file_name, lang)
    if layout is None or problems:
        archive.close()
        raise ImportProblems(problems)
    return archive, layout


def releases(data: bytes, file_name: str, lang: Lang = "da") -> list[str]:
    """The radar's releases (``2023-02-23``), oldest first.

    Raises
    ------
    ImportProblems
        The file is no zip of an AOE radar folder, or one that is refused
        (its size unpacked, an unsafe path, a file outside a release folder).
    """
    archive, layout = _layout(data, file_name, lang)
    archive.close()
    return list(layout.releases)


def release_archive(data: bytes, release: str, file_name: str, lang: Lang = "da") -> bytes:
    """The radar's zip file as of ``release``: its item files of that release and the ones before.

    Imported, it is the radar as it was when ``release`` was published.

    Raises
    ------
    ImportProblems
        As :func:`releases`, or a file cannot be read from the zip file.
    ValueError
        ``release`` is not one of :func:`releases`.
    """
    archive, layout = _layout(data, file_name, lang)
    if release not in layout.releases:
        archive.close()
        raise ValueError(f"{release} is not a release of {file_name}")
    out = io.BytesIO()
    problems = []
    with archive, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, items in layout.releases.items():
            if name > release:
                break
            for info in items.values():
                try:
                    content = _read_member(archive, info)
                except _UNREADABLE as exc:
                    problems.append(_unreadable(file_name, info, exc, lang))
                    continue
                target.writestr(_member_path(info), content)
    if problems:
        raise ImportProblems(problems)
    return out.getvalue()


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """A member's content, read a piece at a time: never more than the size it declares.

    Read in one go, a member that declares a small size could still be inflated
    to gigabytes before being cut to it; bzip2 and LZMA inflate a whole stream at
    once, so only the methods zip tools use for text are read.
    """
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise _Compression(info.compress_type)
    pieces = []
    with archive.open(info) as member:
        while piece := member.read(64 * 1024):
            pieces.append(piece)
    return b"".join(pieces)


def _unreadable(file_name: str, info: zipfile.ZipInfo, exc: BaseException, lang: Lang) -> Problem:
    if isinstance(exc, _Compression):
        message = t("importmsg.aoe_compression", lang, method=exc.method)
    else:
        message = t("importmsg.aoe_unreadable", lang, error=type(exc).__name__)
    where = t("importmsg.aoe_in_member", lang, member=_member_path(info), message=message)
    return Problem(file_name, None, None, where)


class _File:
    """One item file's problems: each names the file inside the zip and the line."""

    def __init__(self, ctx: Context, member: str) -> None:
        self.ctx = ctx
        self.member = member

    def where(self, line: int | None, message: str) -> str:
        if line is None:
            return self.ctx.text("importmsg.aoe_in_member", member=self.member, message=message)
        return self.ctx.text(
            "importmsg.aoe_in_file", member=self.member, line=line, message=message
        )

    def problem(self, line: int | None, column: str | None, message: str) -> None:
        self.ctx.problem(None, column, self.where(line, message))

    def since(self, problems: int, notes: int, line: int | None) -> None:
        """Name this file and ``line`` in the problems and notes recorded since the counts given.

        The shared checks (:func:`check_name`, :meth:`Context.ring`) record a row;
        here the row is a line of a file inside the zip, which the message names.
        """
        for found, start in ((self.ctx.problems, problems), (self.ctx.notes, notes)):
            for index in range(start, len(found)):
                old = found[index]
                found[index] = replace(old, row=None, message=self.where(line, old.message))


def _scalar(node: yaml.Node) -> Value | None:
    """A front-matter value as text (a scalar as written) or a list of texts; None otherwise.

    The scalar's text, not YAML's reading of it: a title such as ``2024`` or
    ``yes`` stays the text it is.
    """
    if isinstance(node, yaml.ScalarNode):
        value = str(node.value)
        plain_null = node.style is None and value in _NULLS
        return "" if plain_null else value
    if isinstance(node, yaml.SequenceNode) and all(
        isinstance(child, yaml.ScalarNode) for child in node.value
    ):
        return [str(child.value) for child in node.value]
    return None


def _front_matter(text: str, file: _File) -> tuple[dict[str, tuple[Value, int]], str, bool] | None:
    """An item file's front matter (key -> value and its line), body, and whether all was read.

    None when the file has no front matter, or one that is never closed or is
    not YAML. Read with PyYAML's safe composer: nodes only, no object is made,
    so no tag can run code, and every value keeps its line for the messages.
    """
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        file.problem(1, None, file.ctx.text("importmsg.aoe_no_front_matter"))
        return None
    closing = next((n for n, line in enumerate(lines[1:], start=1) if line.rstrip() == "---"), None)
    if closing is None:
        file.problem(1, None, file.ctx.text("importmsg.aoe_front_matter_open"))
        return None
    try:
        root = yaml.compose("\n".join(lines[1:closing]), Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        file.problem(line, None, file.ctx.text("importmsg.aoe_front_matter_line"))
        return None
    except RecursionError:
        # Lists in lists thousands deep: no front matter is like that.
        file.problem(2, None, file.ctx.text("importmsg.aoe_front_matter_line"))
        return None
    if root is None:
        return {}, "\n".join(lines[closing + 1 :]), True
    if not isinstance(root, yaml.MappingNode):
        file.problem(2, None, file.ctx.text("importmsg.aoe_front_matter_line"))
        return None
    values: dict[str, tuple[Value, int]] = {}
    whole = True
    for key_node, value_node in root.value:
        number = key_node.start_mark.line + 2
        key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else ""
        value = _scalar(value_node)
        if not key or value is None:
            file.problem(number, key or None, file.ctx.text("importmsg.aoe_front_matter_line"))
            whole = False
            continue
        if key in values:
            message = file.ctx.text("importmsg.aoe_key_twice", field=key, line=values[key][1])
            file.problem(number, key, message)
            whole = False
            continue
        values[key] = (value, number)
    return values, "\n".join(lines[closing + 1 :]), whole


def _text_of(info: zipfile.ZipInfo, archive: zipfile.ZipFile, file: _File) -> str | None:
    """An item file's text, or None and the problem."""
    if info.file_size > MAX_ITEM_BYTES:
        limit = MAX_ITEM_BYTES // 1024
        file.problem(None, None, file.ctx.text("importmsg.aoe_item_too_large", limit=limit))
        return None
    try:
        content = _read_member(archive, info)
    except _UNREADABLE as exc:
        file.ctx.problems.append(_unreadable(file.ctx.file_name, info, exc, file.ctx.lang))
        return None
    bom = 3 if content.startswith(b"\xef\xbb\xbf") else 0
    try:
        text = content[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        file.problem(None, None, file.ctx.text("importmsg.aoe_not_utf8", byte=exc.start + bom))
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = BAD_CHARS.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        problem = bad_char_problem(file.ctx.file_name, None, None, text, file.ctx.lang)
        file.problem(line, None, problem.message)
        return None
    return text


def _read_item(info: zipfile.ZipInfo, archive: zipfile.ZipFile, item: _Item, ctx: Context) -> None:
    """Read one item file over the item's state, checking each value it gives."""
    member = _member_path(info)
    file = _File(ctx, member)
    text = _text_of(info, archive, file)
    parsed = _front_matter(text, file) if text is not None else None
    if parsed is None:
        return
    values, body, whole = parsed
    for key in ("title", "ring", "quadrant", "info"):
        if key not in values:
            continue
        value, line = values[key]
        if isinstance(value, list):
            file.problem(line, key, ctx.text("importmsg.aoe_not_text"))
            # Given, if wrongly: not also "missing".
            item.values[key] = ("", member, line)
            continue
        # An empty value, as a left-out one, keeps what an earlier release gave.
        if not value:
            continue
        problems, notes = len(ctx.problems), len(ctx.notes)
        if key == "title":
            check_name(ctx, line, key, value)
        elif key == "ring":
            where = ctx.text("importmsg.aoe_in_file", member=member, line=line, message="")
            item.ring = ctx.ring(value, None, key, place=where.rstrip(": "))
        elif key == "quadrant" and len(value) > MAX_NAME_CHARS:
            ctx.problem(line, key, ctx.text("importmsg.quadrant_too_long", limit=MAX_NAME_CHARS))
        elif key == "quadrant":
            # Registered as they come, so new categories are made in the radar's order.
            ctx.foreign_sector(value, count=False)
        file.since(problems, notes, line)
        item.values[key] = (value, member, line)
    if body.strip():
        item.body = body
    # A line that was not read may well have been the key: it is not also "missing".
    for key in _REQUIRED if whole else ():
        if key not in item.values:
            file.problem(None, key, ctx.text("importmsg.aoe_missing"))


def aoe_entries(data: bytes, ctx: Context) -> tuple[list[Entry], date | None]:
    """Entries from a zip of an AOE radar folder: every item as of the newest release.

    Returns
    -------
    The entries, and the newest release's date (a new edition's publication date).
    """
    archive = _open(data)
    if archive is None:
        ctx.problem(None, None, ctx.text("importmsg.aoe_not_zip"))
        return [], None
    layout, problems = _scan(archive, ctx.file_name, ctx.lang)
    ctx.problems.extend(problems)
    if layout is None:
        archive.close()
        return [], None
    state: dict[str, _Item] = {}
    with archive:
        for items in layout.releases.values():
            for name, info in items.items():
                item = state.setdefault(name, _Item(name, _member_path(info)))
                item.member = _member_path(info)
                _read_item(info, archive, item, ctx)
    newest = _release_date(next(reversed(layout.releases)))
    area = ctx.default_area()
    if area is None:
        ctx.missing_area()
        return [], newest
    entries = []
    ids: dict[str, _Item] = {}
    for number, item in enumerate(sorted(state.values(), key=lambda i: i.item), start=1):
        technology = formats.slugify(item.item) or fallback_id("technology", item.item)
        other = ids.setdefault(technology, item)
        if other is not item:
            message = ctx.text(
                "importmsg.aoe_same_id",
                member=item.member,
                other=other.member,
                technology=technology,
            )
            ctx.problem(None, None, message)
            continue
        if item.ring is None or any(k not in item.values for k in _REQUIRED):
            continue
        title = item.values["title"][0]
        texts = {"name_da": title, "name_en": title}
        description = markdown_to_text(item.body)
        short = item.values.get("info", ("", "", 0))[0]
        summary = first_sentence(markdown_to_text(short or item.body, links=False))
        if description:
            texts.update(description_da=description, description_en=description)
        if summary:
            texts.update(summary_da=summary, summary_en=summary)
        entries.append(
            stated_entry(
                row=number,
                id_column="title",
                area=area,
                sector=ctx.foreign_sector(item.values["quadrant"][0]),
                ring=item.ring,
                texts=texts,
                technology=technology,
            )
        )
    return entries, newest
