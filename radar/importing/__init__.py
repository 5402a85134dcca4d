"""Import a radar from a file: validate the whole file first, then write it in one transaction.

Two steps, so a user interface can show a preview and ask before anything is written:

- :func:`plan_import` reads and validates the file against the database and
  returns an :class:`ImportPlan`: what would be added, changed, removed and
  left unchanged. It writes nothing. When anything is wrong it raises
  :class:`ImportProblems` with *every* problem found, each naming the row
  (as a spreadsheet shows it: the header is row 1; in JSON the entry's number,
  from 1), the column and what was expected.
- :func:`apply_import` writes a plan in one DuckDB transaction, with its
  audit-log rows (:mod:`radar.store.audit`): all of it or, on any error, nothing.

:func:`import_file` does both; ``python -m radar import`` is the command line
(:mod:`radar.cli.import_command`).

Formats (``--format``, :data:`radar.formats.IMPORT_FORMATS`)
------------------------------------------------------------
``csv``, ``xlsx``, ``json``
    Our own format, one row per technology and area, with the columns of
    :data:`radar.formats.OWN_COLUMNS`. CSV is separated by commas or
    semicolons (what Danish Excel writes), sniffed from the header line;
    ``xlsx`` is read from its first sheet; ``json`` is a list of objects.
    In CSV (ours and BYOR's) one apostrophe before a text that starts as a
    formula would (``'=``, ``'+``, ``'-``, ``'@``) is dropped: our exports put it
    there so that spreadsheets show such a text instead of running it
    (:mod:`radar.spreadsheet`).
``byor-csv``, ``byor-json``
    Thoughtworks "Build Your Own Radar": ``name, ring, quadrant, isNew,
    status, description``; other columns (``relatedBlips``, ``pros`` …) are not
    imported, and one note lists them. A CSV row whose name holds unquoted
    commas (``Scala, the good parts``, as in early Thoughtworks volumes) is
    read with the extra fields joined back into the name when the ring then is
    a ring; the plan notes every such row.
``zalando``
    Zalando's ``config.json``: ``entries`` of ``label, quadrant (0-3), ring
    (0-3), moved, active``, an optional ``quadrants`` list of ``{"name": ...}``
    (default :data:`radar.formats.ZALANDO_QUADRANTS`) and a ``date`` such as
    ``"2026.05"``, the default publication date of a new edition. Other keys
    of an entry (``link``) are not imported, and one note lists them.
``backstage``
    The JSON of Backstage's tech-radar plugin (:mod:`.backstage`): ``quadrants``
    and ``rings`` of ``{id, name}``, and ``entries`` of ``title``, ``quadrant``
    (a quadrant's id), ``description`` and a ``timeline`` of ``{ringId, date,
    description}``. An entry's ring is the one of its newest timeline item (by
    date; of the same date, the last), read by the ring's ``name``; its category
    is its quadrant's ``name``; its description (else the newest timeline
    item's) is Markdown, stored as plain text (:func:`.markdown.markdown_to_text`).
``aoe``
    An AOE technology radar (:mod:`.aoe`): a zip file of its ``radar`` folder
    (at the top, or one folder below), ``radar/<release date>/<item>.md``, each
    file YAML front matter (``title``, ``ring``, ``quadrant``; read strictly:
    one ``key: value`` per line, texts, quoted texts and ``[a, b]`` lists) and a
    Markdown body, the description. A later release holds only the items that
    changed, and may leave out what stays. The import is the newest state of
    every item as of the newest release, published on its date; technologies
    are identified by the slug of the item's file name, which AOE keeps when a
    title changes. ``python -m radar import --release D`` imports an older
    release, ``--all-releases`` every release in date order as editions N,
    N+1, ...: all are checked before the first is written, and each edition is
    its own transaction. A zip file is held to :data:`MAX_UNPACKED_BYTES`
    unpacked (and each member to the size it declares), :data:`MAX_ROWS` item
    files, and no absolute path or ``..`` in it.

Without a format the file tells: a zip file with ``.md`` files under a
``radar`` folder, or any ``.zip`` file, is ``aoe``, another zip file
``xlsx``; a JSON object whose entries have ``timeline`` lists (or whose rings
or quadrants have ids, and no entry a ``label``) is ``backstage``, another
JSON object ``zalando``; a JSON list whose objects have ``name``, ``ring`` and
``quadrant`` is ``byor-json``, one whose objects have ``label``, ``quadrant`` and
``ring`` (a Zalando fork's entries alone) ``zalando``, any other JSON list
``json``; a CSV header with ``name``, ``ring`` and ``quadrant`` is
``byor-csv``, else ``csv``.

Text is UTF-8 (a byte-order mark is dropped). A CSV file that is not UTF-8
but Windows-1252 text with a letter beyond ASCII (æ, ø, å …), as Danish
Excel's "CSV (semikolonsepareret)" is, is read as Windows-1252, and the plan
notes it; a file partly in each is refused. JSON is UTF-8 only, as its
standard says.

Limits: files above :data:`radar.formats.MAX_IMPORT_BYTES` are refused before
they are parsed, and so are files of more than :data:`MAX_ROWS` rows, text that
is neither, control characters in a cell, a workbook that unpacks to more
than :data:`MAX_UNPACKED_BYTES`, and CSV separated by anything but commas or
semicolons.

Every problem and note names the file, row and column and says what is wrong
and what was expected, in the language asked for (``lang``: Danish by default,
or English), from the ``importmsg.*`` texts of :mod:`radar.i18n`.

What an import means
--------------------
- **A file is the whole radar** of each (edition, area) it covers: the
  assessments of that edition and area that are not in the file are removed.
  Re-importing the same file changes nothing and logs nothing.
- **Edition**: a positive whole number (KL's editions are years; a radar
  published several times a year uses a running number, such as the
  Thoughtworks volume). A missing edition is created, titled "Teknologiradar
  N" / "Technology radar N" unless a title is given, published on the given
  date, else the file's own date (Zalando), else today; as a draft if asked.
  An existing edition keeps its status, date and titles.
- **Areas**: our format has an ``area`` column, or ``area`` for every row.
  BYOR and Zalando files have none: the ``area`` argument, else the
  database's only area. ``samlet``, the combined radar, is computed and
  cannot be imported.
- **Rings**: a ring's id or Danish or English name, in any case (``KLAR``,
  ``afproev``, ``Try``), or another radar's name by position from the centre
  (:data:`radar.formats.FOREIGN_RING_POSITIONS`: adopt = the innermost ring,
  and the usual English, Danish, Norwegian and Swedish words for the four:
  ``Ta i bruk``, ``Prøv ut``, ``Vurder``, ``Avvent``, ``AVSTÅ``, ``Use``,
  ``Avoid`` …), also as the part in parentheses (``Verbreiten (Adopt)``).
  Other names (``Explore``, ``1``) are mapped by the import's
  :class:`ImportMapping` (``--rings "1=klar,2=afproev"``, or the import page's
  step "Ringe og kategorier"); an unknown one is one problem, naming its rows
  and that option. Zalando's ring number r is the ring at position r + 1.
- **Categories** (sectors): the mapping first (``--categories "Tools=AUT"``:
  an existing category by id or name, or the name of a new one). Our format
  names an existing one by id or name; in a database without categories (a
  new one) it creates those it names, KL's five by id or name with all their
  texts, others with the name given; in a database with categories an
  unknown name is a problem (a typo, most likely) unless the mapping names it.
  A BYOR or Zalando quadrant is matched to an existing category by id, name or
  slug, else a new category is made (id: the quadrant's slug; name: the
  quadrant's, readable, e.g. "Languages and frameworks"; empty descriptions;
  the next position). A Zalando file without a ``quadrants`` list gets
  Zalando's names, with a note, unless ``--categories "0=…,1=…"`` names them.
  An import that would need more categories than the radar draws
  (:data:`radar.store.seed.SECTOR_COUNT`) is refused: import such a radar
  into a database of its own (``--db``).
- **Technologies** are identified by our ``technology`` column, else by the
  slug of ``name_da``. A BYOR ``name`` or Zalando ``label`` gets its slug with
  ``#`` and ``+`` spelt out (``C#`` -> ``c-sharp``, ``C++`` -> ``c-plus-plus``;
  before, both were ``c``, and names without these symbols keep the id they
  had), and names that differ (in more than case and spacing) get distinct
  ids: a name the database has under an id an import gave it keeps that id,
  and a name whose slug another name of the file has is numbered in file order
  (``name-2``), with a note (:mod:`.ids`). So the same file gives the same ids
  every time. The same technology twice on one area's radar is a problem
  naming both rows. A new
  technology is added: a BYOR name becomes both names, and its HTML
  description becomes safe plain text (:func:`html_to_text`), whose first
  sentence (at most 200 characters) is the summary. An existing technology's
  texts and category are updated only when the edition imported is at least
  the newest edition it is assessed in, so importing an older volume after a
  newer one keeps the newer texts; only fields that differ are written, and an
  empty text in the file leaves the stored text alone. A retired technology
  that is imported again is un-retired. Technologies are never deleted: one
  that leaves every radar the file covers is listed as removed from them.
- **Assessments**: with scores (our format: all five score columns or none;
  TRL 1-9, shares 0-100 adding up to 100), a ring that is empty or the
  computed one (:mod:`radar.pipeline.scoring`) stores no override, and any other ring
  is an override that needs ``ring_reason``. Without scores (our format's rows
  without scores, and every BYOR and Zalando row) the scores are empty and the
  ring is stored as the override, with ``ring_reason`` or
  :data:`radar.formats.STATED_RING_REASON_DA` as its reason, as the schema
  requires. BYOR's ``isNew``/``status`` and Zalando's ``moved``/``active`` are
  read and checked loosely (odd values become notes) but not stored: the
  radar derives movement from the editions itself (:mod:`radar.pipeline.history`).
- **Audit**: every added, changed or removed technology and assessment, and a
  created edition, is logged (:mod:`radar.store.audit`) with the reason "Import af
  FILE" and the user's reason. The audit log has no entity for categories: a
  category created by the import is recorded in the log entry of the first
  technology added to it.

Public API
----------
plan_import, ImportPlan, AssessmentKey
    Read and validate a file and work out what it would change (:mod:`.plan`).
apply_import, import_file, ImportResult, create_empty_database
    Write a plan; plan and write in one go; a new, empty database (:mod:`.apply`).
ImportProblems, StalePlanError, Problem
    A refused file with every problem, and a plan the database outgrew (:mod:`.problems`).
ImportMapping, ForeignNames
    What the file's own ring and category names are here, and the names a
    file uses that need one (:mod:`.mapping`).
detect_format
    The format a file is in (:mod:`.detect`).
html_to_text, first_sentence
    Safe plain text from HTML, and a summary from it (:mod:`.html`).
MAX_ROWS, MAX_UNPACKED_BYTES
    The limits of a file's rows and of an unpacked workbook (:mod:`.read`).

Modules
-------
``read`` (bytes to rows), ``own``, ``byor`` and ``zalando`` (one per format),
``parse`` (the format's reader and interpreter), ``entries`` (what the formats
share), ``ids`` (the foreign formats' technology ids), ``plan`` and ``apply``;
the SQL is in :mod:`radar.store.importing`.
"""

from __future__ import annotations

from radar.importing.apply import ImportResult, apply_import, create_empty_database, import_file
from radar.importing.detect import detect_format
from radar.importing.entries import AssessmentKey
from radar.importing.html import first_sentence, html_to_text
from radar.importing.mapping import ForeignNames, ImportMapping
from radar.importing.plan import ImportPlan, plan_import
from radar.importing.problems import ImportProblems, Problem, StalePlanError
from radar.importing.read import MAX_ROWS, MAX_UNPACKED_BYTES

__all__ = [
    "MAX_ROWS",
    "MAX_UNPACKED_BYTES",
    "AssessmentKey",
    "ForeignNames",
    "ImportMapping",
    "ImportPlan",
    "ImportProblems",
    "ImportResult",
    "Problem",
    "StalePlanError",
    "apply_import",
    "create_empty_database",
    "detect_format",
    "first_sentence",
    "html_to_text",
    "import_file",
    "plan_import",
]
