"""Every text the user sees, in Danish and English, in one table.

``t("key", lang)`` looks a text up; ``{name}`` placeholders are filled from
keyword arguments. A missing key raises, so a forgotten text fails the tests
instead of showing a key to a user.
"""

from __future__ import annotations

from typing import Final

from radar.model import DEFAULT_LANG, LANGUAGES, Lang

STRINGS: Final[dict[str, dict[Lang, str]]] = {
    "app.title": {"da": "Teknologiradar", "en": "Technology radar"},
    "app.tagline": {
        "da": "Hvilke teknologier er klar, hvilke skal afprøves, og hvilke skal vi holde øje med?",
        "en": "Which technologies are ready, which should we try, and which should we watch?",
    },
    "app.illustrative": {
        "da": "Tallene er illustrative eksempeldata, ikke KL's officielle vurderinger.",
        "en": "The figures are illustrative example data, not KL's official assessments.",
    },
    "app.language": {"da": "Sprog", "en": "Language"},
    "lang.da": {"da": "Dansk", "en": "Dansk"},
    "lang.en": {"da": "English", "en": "English"},
    "page.radar": {"da": "Radar", "en": "Radar"},
    "page.about": {"da": "Om radaren", "en": "About the radar"},
    "filter.area": {"da": "Fagområde", "en": "Welfare area"},
    "filter.edition": {"da": "Udgave", "en": "Edition"},
    "filter.sector": {"da": "Kategori", "en": "Category"},
    "filter.sector.all": {"da": "Alle kategorier", "en": "All categories"},
    "filter.ring": {"da": "Ring", "en": "Ring"},
    "filter.ring.all": {"da": "Alle ringe", "en": "All rings"},
    "filter.query": {"da": "Søg", "en": "Search"},
    "filter.query.placeholder": {
        "da": "Navn eller beskrivelse …",
        "en": "Name or description …",
    },
    "filter.view": {"da": "Visning", "en": "View"},
    "view.radar": {"da": "Radar", "en": "Radar"},
    "view.table": {"da": "Tabel", "en": "Table"},
    "area.samlet": {"da": "Samlet (alle fagområder)", "en": "Combined (all areas)"},
    "radar.caption": {
        "da": "{area} · {edition} · {count} teknologier",
        "en": "{area} · {edition} · {count} technologies",
    },
    "radar.matches": {
        "da": "{matches} af {count} matcher «{query}»",
        "en": "{matches} of {count} match “{query}”",
    },
    "radar.hint": {
        "da": "Klik på en prik eller et navn i listen for at læse mere.",
        "en": "Click a blip or a name in the list to read more.",
    },
    "radar.empty": {
        "da": "Ingen teknologier passer til de valgte filtre.",
        "en": "No technologies match the chosen filters.",
    },
    "radar.figure_title": {
        "da": "Teknologiradar: {area}, {edition}",
        "en": "Technology radar: {area}, {edition}",
    },
    "radar.overflow": {
        "da": "+{count} flere i {sector} / {ring}",
        "en": "+{count} more in {sector} / {ring}",
    },
    "radar.overflow_title": {
        "da": "Skjult i {sector} / {ring} (ikke plads på radaren)",
        "en": "Hidden in {sector} / {ring} (no room on the radar)",
    },
    "legend.title": {"da": "Teknologier", "en": "Technologies"},
    "hover.ring": {"da": "Ring", "en": "Ring"},
    "hover.sector": {"da": "Kategori", "en": "Category"},
    "details.close": {"da": "Luk", "en": "Close"},
    "details.not_found": {
        "da": "Teknologien «{id}» findes ikke i kataloget.",
        "en": "The technology “{id}” is not in the catalogue.",
    },
    "details.not_on_radar": {
        "da": "{name} er ikke på radaren for {area} i {edition}.",
        "en": "{name} is not on the {area} radar in {edition}.",
    },
    "details.ring_here": {
        "da": "**{ring}** i {area} ({edition})",
        "en": "**{ring}** in {area} ({edition})",
    },
    "details.scores": {"da": "Modenhed og udbredelse", "en": "Maturity and spread"},
    "details.maturity": {"da": "Teknisk modenhed", "en": "Technical maturity"},
    "details.maturity_value": {"da": "TRL {trl} af 9", "en": "TRL {trl} of 9"},
    "details.maturity_avg": {"da": "{value:.0%} (gennemsnit)", "en": "{value:.0%} (average)"},
    "details.spread": {"da": "Udbredelse", "en": "Spread"},
    "details.score": {"da": "Samlet score", "en": "Combined score"},
    "details.shares": {
        "da": "I drift {op:.0f} % · afprøver {pilot:.0f} % · overvejer {cons:.0f} % · "
        "overvejer ikke {not_cons:.0f} %",
        "en": "In operation {op:.0f}% · piloting {pilot:.0f}% · considering {cons:.0f}% · "
        "not considering {not_cons:.0f}%",
    },
    "details.override": {
        "da": "Redaktionen har placeret den i {ring} (scorerne giver {computed}): {reason}",
        "en": "The editors placed it in {ring} (the scores give {computed}): {reason}",
    },
    "details.by_area": {"da": "Ring i hvert fagområde", "en": "Ring in each welfare area"},
    "details.not_assessed": {"da": "ikke på radaren", "en": "not on the radar"},
    "details.cases": {"da": "Eksempler fra kommunerne", "en": "Examples from municipalities"},
    "details.no_cases": {"da": "Ingen eksempler endnu.", "en": "No examples yet."},
    "details.case_source": {"da": "Kilde", "en": "Source"},
    "details.ring_meaning": {"da": "Hvad betyder {ring}?", "en": "What does {ring} mean?"},
    "column.number": {"da": "Nr.", "en": "No."},
    "column.name": {"da": "Teknologi", "en": "Technology"},
    "column.sector": {"da": "Kategori", "en": "Category"},
    "column.ring": {"da": "Ring", "en": "Ring"},
    "column.maturity": {"da": "Modenhed", "en": "Maturity"},
    "column.spread": {"da": "Udbredelse", "en": "Spread"},
    "column.score": {"da": "Score", "en": "Score"},
    "column.summary": {"da": "Kort beskrivelse", "en": "Summary"},
    "column.area": {"da": "Fagområde", "en": "Welfare area"},
    "table.caption": {
        "da": "Vælg en række for at læse mere. Scorer er 0-100 %, hvor 100 % er mest moden.",
        "en": "Select a row to read more. Scores are 0-100%, where 100% is most mature.",
    },
    "about.title": {"da": "Om teknologiradaren", "en": "About the technology radar"},
    "about.intro": {
        "da": "Radaren viser, hvor modne og udbredte nye teknologier er i kommunerne, "
        "så ledere, medarbejdere og MED-udvalg kan tale om, hvad der skal skaleres, "
        "afprøves, holdes øje med eller afventes. Den er et øjebliksbillede, ikke en prognose.",
        "en": "The radar shows how mature and widespread new technologies are in Danish "
        "municipalities, so that leaders, staff and cooperation committees can discuss what "
        "to scale, pilot, watch or wait for. It is a snapshot, not a forecast.",
    },
    "about.rings": {"da": "Ringene", "en": "The rings"},
    "about.method": {"da": "Sådan placeres en teknologi", "en": "How a technology is placed"},
    "about.method_text": {
        "da": "Hver teknologi får to scorer pr. udgave og fagområde, begge omregnet til 0-1:\n\n"
        "- **Teknisk modenhed** på TRL-skalaen 1-9: (TRL − 1) / 8.\n"
        "- **Udbredelse** fra andelene af kommuner: i drift tæller fuldt, afprøvning "
        "halvt, overvejelse en femtedel.\n\n"
        "Gennemsnittet af de to afgør ringen ud fra grænserne herunder. Redaktionen kan "
        "flytte en teknologi til en anden ring, men kun med en begrundelse, som vises ved "
        "teknologien. Den samlede radar bruger gennemsnittet over fagområderne.",
        "en": "Each technology gets two scores per edition and welfare area, both scaled "
        "to 0-1:\n\n"
        "- **Technical maturity** on the TRL scale 1-9: (TRL − 1) / 8.\n"
        "- **Spread** from the shares of municipalities: in operation counts fully, "
        "piloting half, considering a fifth.\n\n"
        "Their average sets the ring by the cut-offs below. The editors may move a "
        "technology to another ring, but only with a reason, which is shown with the "
        "technology. The combined radar uses the average over the welfare areas.",
    },
    "about.cutoff": {
        "da": "score fra {score:.0%}",
        "en": "score from {score:.0%}",
    },
    "about.data": {"da": "Om data", "en": "About the data"},
    "about.data_text": {
        "da": "Eksempeldata er skrevet til dette værktøj ud fra offentligt kendte "
        "kommunale eksempler. Scorerne er illustrative og er ikke KL's officielle tal. "
        "Kategorierne er værktøjets egne.",
        "en": "The example data was written for this tool from publicly known municipal "
        "examples. The scores are illustrative and are not KL's official figures. The "
        "categories are the tool's own.",
    },
    "error.database": {
        "da": "Radarens database kan ikke åbnes lige nu. Den, der driver radaren, kan se "
        "årsagen i serverens log.",
        "en": "The radar database cannot be opened right now. Whoever runs the radar can "
        "see why in the server log.",
    },
    "error.no_editions": {
        "da": "Databasen har ingen udgaver endnu.",
        "en": "The database has no editions yet.",
    },
}


def t(key: str, lang: Lang = DEFAULT_LANG, **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``.

    Raises
    ------
    KeyError
        ``key`` is not in the string table.
    """
    entry = STRINGS[key]
    text = entry.get(lang) or entry[DEFAULT_LANG]
    return text.format(**values) if values else text


def parse_lang(value: object) -> Lang:
    """A supported language code from a URL value; anything else means Danish."""
    return value if value in LANGUAGES else DEFAULT_LANG  # type: ignore[return-value]
