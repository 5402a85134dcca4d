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
    "details.history_link": {
        "da": "Se historik på tværs af udgaver og områder",
        "en": "See its history across editions and areas",
    },
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
    "page.technology": {"da": "Teknologi", "en": "Technology"},
    "page.compare": {"da": "Sammenlign udgaver", "en": "Compare editions"},
    "page.overview": {"da": "Overblik", "en": "Overview"},
    # --- movement and comparison (pages/radar.py, pages/compare.py) ---
    "movement.new": {"da": "Ny på radaren", "en": "New on the radar"},
    "movement.in": {
        "da": "Rykket ind fra {ring} ({edition})",
        "en": "Moved in from {ring} ({edition})",
    },
    "movement.out": {
        "da": "Rykket ud fra {ring} ({edition})",
        "en": "Moved out from {ring} ({edition})",
    },
    "movement.same": {"da": "Uændret siden {edition}", "en": "Unchanged since {edition}"},
    "movement.returned": {
        "da": "Tilbage på radaren; sidst med i {edition}",
        "en": "Back on the radar; last on it in {edition}",
    },
    "movement.label.new": {"da": "Ny", "en": "New"},
    "movement.label.in": {"da": "Rykket ind", "en": "Moved in"},
    "movement.label.out": {"da": "Rykket ud", "en": "Moved out"},
    "movement.label.same": {"da": "Uændret", "en": "Unchanged"},
    "movement.label.dropped": {"da": "Udgået", "en": "Dropped"},
    "movement.column": {"da": "Bevægelse", "en": "Movement"},
    "filter.changed": {"da": "Kun ændringer", "en": "Only changes"},
    "filter.changed.help": {
        "da": "Vis kun teknologier, der er nye eller har skiftet ring siden sidste udgave.",
        "en": "Show only technologies that are new or changed ring since the last edition.",
    },
    "legend.movement": {
        "da": "Form viser bevægelse siden {edition}",
        "en": "Shape shows movement since {edition}",
    },
    "legend.movement.first": {
        "da": "{edition} er områdets første udgave: alle teknologier er nye.",
        "en": "{edition} is the area's first edition: every technology is new.",
    },
    "legend.movement.shapes": {
        "da": "★ ny · ▲ rykket ind (spidsen mod centrum) · ▼ rykket ud · ● uændret",
        "en": "★ new · ▲ moved in (tip towards the centre) · ▼ moved out · ● unchanged",
    },
    "legend.movement.counts": {
        "da": "{new} nye · {moved_in} rykket ind · {moved_out} rykket ud · {dropped} udgået",
        "en": "{new} new · {moved_in} moved in · {moved_out} moved out · {dropped} dropped",
    },
    "legend.movement.returned": {
        "da": "{count} tilbage efter en pause",
        "en": "{count} back after a break",
    },
    "legend.dropped": {
        "da": "Udgået siden {edition}: {names}",
        "en": "Dropped since {edition}: {names}",
    },
    "compare.later": {"da": "Udgave", "en": "Edition"},
    "compare.earlier": {"da": "Sammenlignet med", "en": "Compared with"},
    "compare.caption": {
        "da": "{area}: radaren {later}. Stiplede cirkler og pile viser, hvor teknologier, "
        "der har skiftet ring, stod i {earlier}.",
        "en": "{area}: the {later} radar. Dotted circles and arrows show where technologies "
        "that changed ring stood in {earlier}.",
    },
    "compare.changes": {
        "da": "Ændringer fra {earlier} til {later}",
        "en": "Changes from {earlier} to {later}",
    },
    "compare.group.in": {"da": "{count} rykket ind i {ring}", "en": "{count} moved into {ring}"},
    "compare.group.out": {
        "da": "{count} rykket ud til {ring}",
        "en": "{count} moved out to {ring}",
    },
    "compare.group.new": {"da": "{count} nye i {ring}", "en": "{count} new in {ring}"},
    "compare.group.dropped": {"da": "{count} udgået", "en": "{count} dropped"},
    "compare.unchanged": {"da": "{count} uændrede", "en": "{count} unchanged"},
    "compare.no_changes": {
        "da": "Ingen teknologier har skiftet ring, og ingen er kommet til eller udgået.",
        "en": "No technology changed ring, joined or left.",
    },
    "compare.counts": {"da": "Antal pr. ring", "en": "Count per ring"},
    "compare.change_column": {"da": "Ændring", "en": "Change"},
    "compare.same_edition": {
        "da": "Vælg to forskellige udgaver for at sammenligne.",
        "en": "Choose two different editions to compare.",
    },
    "compare.one_edition": {
        "da": "{area} har kun én udgave med vurderinger; der er intet at sammenligne med.",
        "en": "{area} has only one edition with assessments; there is nothing to compare.",
    },
    "compare.hint": {
        "da": "Klik på en teknologi for at se dens historik.",
        "en": "Click a technology to see its history.",
    },
    "radar.no_changes": {
        "da": "Intet nyt og ingen bevægelser i denne visning siden sidste udgave.",
        "en": "Nothing new and no moves in this view since the last edition.",
    },
    # --- technology page (pages/technology.py) ---
    "technology.pick": {"da": "Teknologi", "en": "Technology"},
    "technology.pick.placeholder": {"da": "Vælg en teknologi …", "en": "Choose a technology …"},
    "technology.choose": {
        "da": "Vælg en teknologi for at se dens ring i hvert fagområde over tid.",
        "en": "Choose a technology to see its ring in every welfare area over time.",
    },
    "technology.unknown": {
        "da": "Teknologien «{id}» findes ikke i kataloget. Vælg en anden herover.",
        "en": "The technology “{id}” is not in the catalogue. Choose another one above.",
    },
    "technology.back": {"da": "Vis på radaren", "en": "Show on the radar"},
    "technology.never": {
        "da": "Teknologien har ikke været på radaren i nogen udgave endnu.",
        "en": "The technology has not been on the radar in any edition yet.",
    },
    "technology.rings_now": {
        "da": "Ring i hvert fagområde, {edition}",
        "en": "Ring in each welfare area, {edition}",
    },
    "technology.not_current": {
        "da": "Ikke på radaren i {latest}; sidst med i {edition}.",
        "en": "Not on the radar in {latest}; last on it in {edition}.",
    },
    "technology.timeline": {"da": "Ring over tid", "en": "Ring over time"},
    "technology.timeline.caption": {
        "da": "Inderste ring ({inner}) øverst. Én linje pr. fagområde; den tykke sorte "
        "stiplede linje er den samlede radar. Et hul betyder, at teknologien ikke var på "
        "radaren det år.",
        "en": "Innermost ring ({inner}) at the top. One line per welfare area; the thick black "
        "dashed line is the combined radar. A gap means the technology was not on the radar "
        "that year.",
    },
    "technology.scores": {
        "da": "Modenhed og udbredelse over tid",
        "en": "Maturity and spread over time",
    },
    "technology.scores.area": {"da": "Vis for", "en": "Show for"},
    "technology.scores.caption": {
        "da": "Scoren er gennemsnittet af teknisk modenhed og udbredelse; de prikkede "
        "vandrette linjer er ringenes grænser.",
        "en": "The score is the average of technical maturity and spread; the dotted "
        "horizontal lines are the rings' cut-offs.",
    },
    "technology.scores.empty": {
        "da": "Teknologien har ikke været på radaren for {area}.",
        "en": "The technology has not been on the {area} radar.",
    },
    "technology.cutoff": {"da": "{ring} fra {score:.0%}", "en": "{ring} from {score:.0%}"},
    "technology.related": {"da": "Beslægtede teknologier", "en": "Related technologies"},
    "technology.related.caption": {
        "da": "Samme kategori; først dem, der er på radaren i flest af de samme fagområder, "
        "og derefter dem med den nærmeste score ({edition}).",
        "en": "Same category; first those on the radar in most of the same welfare areas, "
        "then those with the closest score ({edition}).",
    },
    "technology.related.none": {
        "da": "Ingen andre teknologier i samme kategori er på radaren i {edition}.",
        "en": "No other technology in the same category is on the radar in {edition}.",
    },
    "technology.related.link": {"da": "{name} · {ring}", "en": "{name} · {ring}"},
    # --- overview across areas (pages/overview.py) ---
    "overview.title": {
        "da": "Overblik på tværs af fagområder",
        "en": "Overview across welfare areas",
    },
    "overview.intro": {
        "da": "Hvilke teknologier er klar i ét fagområde, men afventer stadig i et andet? "
        "Her står hver teknologis ring i alle fagområder side om side.",
        "en": "Which technologies are ready in one welfare area but still waiting in another? "
        "Here each technology's ring in every area stands side by side.",
    },
    "overview.no_data": {
        "da": "Udgaven {edition} har ingen vurderinger endnu.",
        "en": "The {edition} edition has no assessments yet.",
    },
    "overview.matrix.title": {
        "da": "Ringen i hvert fagområde",
        "en": "The ring in every welfare area",
    },
    "overview.matrix.caption": {
        "da": "{count} teknologier i {edition}. Klik på en kolonneoverskrift for at sortere "
        "(ringene sorteres indefra og ud), og vælg en række for at åbne teknologien.",
        "en": "{count} technologies in {edition}. Click a column heading to sort (rings sort "
        "from the centre out), and select a row to open the technology.",
    },
    "overview.ring_note": {
        "da": "Kun teknologier, der er {ring} i mindst ét fagområde.",
        "en": "Only technologies that are {ring} in at least one welfare area.",
    },
    "overview.not_on_radar": {"da": "–", "en": "–"},
    "overview.column.combined": {"da": "Samlet", "en": "Combined"},
    "overview.column.gap": {"da": "Forskel (ringe)", "en": "Gap (rings)"},
    "overview.column.ready": {"da": "Længst fremme", "en": "Most ready"},
    "overview.column.waiting": {"da": "Længst tilbage", "en": "Least ready"},
    "overview.gaps.title": {"da": "Største forskelle", "en": "Largest gaps"},
    "overview.gaps.caption": {
        "da": "Teknologier, der står i forskellige ringe i de fagområder, hvor de er vurderet; "
        "største forskel først (højst {limit}). Vælg en række for at åbne teknologien.",
        "en": "Technologies in different rings in the welfare areas that assess them; largest "
        "gap first (at most {limit}). Select a row to open the technology.",
    },
    "overview.gaps.none": {
        "da": "Ingen af de viste teknologier står i forskellige ringe i to fagområder.",
        "en": "None of the technologies shown is in different rings in two welfare areas.",
    },
    "overview.gaps.place": {"da": "{ring} i {areas}", "en": "{ring} in {areas}"},
    "overview.heatmap.title": {
        "da": "Antal teknologier pr. fagområde og ring",
        "en": "Technologies per welfare area and ring",
    },
    "overview.heatmap.caption": {
        "da": "Fagområdernes radarer i {edition}. En teknologi tælles én gang i hvert "
        "fagområde, hvor den er vurderet.",
        "en": "The welfare areas' radars in {edition}. A technology counts once in every "
        "area that assesses it.",
    },
    "overview.heatmap.sector": {
        "da": "Kun kategorien {sector}.",
        "en": "Only the category {sector}.",
    },
    "overview.heatmap.hover": {
        "da": "{area} · {ring}: {count} teknologier",
        "en": "{area} · {ring}: {count} technologies",
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
