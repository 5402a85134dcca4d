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
    "details.stated_ring": {
        "da": "Ingen tal: ringen er angivet af kilden. {reason}",
        "en": "No scores: the ring is stated by the source. {reason}",
    },
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
    "local.picker": {"da": "Vis ved siden af", "en": "Show beside it"},
    "local.none": {"da": "Kun den officielle radar", "en": "Only the official radar"},
    "local.help": {
        "da": "Radarer, som en workshop har gemt som gruppens eget bud for dette fagområde.",
        "en": "Radars a workshop saved as the group's own view for this welfare area.",
    },
    "local.official": {"da": "Officiel radar {edition}", "en": "Official radar {edition}"},
    "local.caption": {
        "da": "Gruppens placering. ▲ tættere på centrum end den officielle radar, "
        "▼ længere ude, ● samme ring, ★ ikke på den officielle radar.",
        "en": "The group's placement. ▲ nearer the centre than the official radar, "
        "▼ further out, ● same ring, ★ not on the official radar.",
    },
    "local.unavailable": {
        "da": "Workshop-radarerne kan ikke vises lige nu.",
        "en": "The workshop radars cannot be shown right now.",
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
    # --- presenter mode ---
    "page.present": {"da": "Præsentation", "en": "Presentation"},
    "present.previous": {"da": "Forrige", "en": "Previous"},
    "present.next": {"da": "Næste", "en": "Next"},
    "present.keys": {
        "da": "Piletasterne ← og → skifter også teknologi.",
        "en": "The arrow keys ← and → step too.",
    },
    "present.focus": {"da": "Zoom ind på en kategori", "en": "Zoom in on a category"},
    "present.release": {"da": "Vis hele radaren", "en": "Show the whole radar"},
    "present.exit": {"da": "Afslut præsentation", "en": "Exit presentation"},
    "present.settings": {"da": "Radar og sprog", "en": "Radar and language"},
    "present.position": {
        "da": "{position} af {count} · {sector}",
        "en": "{position} of {count} · {sector}",
    },
    "present.ring": {"da": "Ring: {ring}", "en": "Ring: {ring}"},
    "present.hidden": {
        "da": "Ikke plads på radaren: en af de {count} bag «+{count}» i {sector} / {ring}.",
        "en": "No room on the radar: one of the {count} behind “+{count}” in {sector} / {ring}.",
    },
    "present.overview": {
        "da": "{area} · {edition} · {count} teknologier",
        "en": "{area} · {edition} · {count} technologies",
    },
    "present.start": {
        "da": "Tryk på Næste (eller →) for at gå gennem teknologierne: kategori for kategori, "
        "indefra og ud.",
        "en": "Press Next (or →) to step through the technologies: category by category, "
        "inside out.",
    },
    "present.sector_count": {
        "da": "{count} teknologier i kategorien",
        "en": "{count} technologies in this category",
    },
    # --- workshops ---
    "workshop.phase.ideas": {"da": "Idéudvikling", "en": "Ideas"},
    "workshop.phase.ideas.help": {
        "da": "Vi undersøger behovet og er åbne for alle løsninger, digitale eller ej.",
        "en": "We explore the need and are open to any solution, digital or not.",
    },
    "workshop.phase.impact": {"da": "Konsekvensvurdering", "en": "Impact assessment"},
    "workshop.phase.impact.help": {
        "da": "Vi vurderer de forventede effekter, laver business case og gevinstplan.",
        "en": "We assess the expected effects and draw up a business case and benefits plan.",
    },
    "workshop.phase.procurement": {
        "da": "Udvikling/anskaffelse",
        "en": "Development/procurement",
    },
    "workshop.phase.procurement.help": {
        "da": "Vi stiller krav og udvikler eller køber løsningen.",
        "en": "We set requirements and develop or buy the solution.",
    },
    "workshop.phase.operation": {
        "da": "Implementering og drift",
        "en": "Implementation and operation",
    },
    "workshop.phase.operation.help": {
        "da": "Teknologien er i brug: rutiner, tilpasning og oplæring.",
        "en": "The technology is in use: routines, adjustments and training.",
    },
    "workshop.question.core": {"da": "Kerneopgave", "en": "Core task"},
    "workshop.question.core.text": {
        "da": "Hvad skal teknologien bruges til, og hvilken gevinst forventer vi?",
        "en": "What is the technology for, and what benefit do we expect?",
    },
    "workshop.question.work": {"da": "Opgaveløsning", "en": "The work"},
    "workshop.question.work.text": {
        "da": "Hvordan ændrer den arbejdet i hverdagen? Bliver opgaverne mere standardiserede, "
        "mere formelle eller flyttet over på en skærm?",
        "en": "How will it change everyday work? Do tasks become more standardised, more "
        "formal, or move onto a screen?",
    },
    "workshop.question.skills": {"da": "Kompetenceudvikling", "en": "Skills"},
    "workshop.question.skills.text": {
        "da": "Hvilke kompetencer kræver den, og hvordan når vi at opbygge dem i tide?",
        "en": "Which skills does it call for, and how do we build them in time?",
    },
    "workshop.question.involvement": {"da": "Inddragelse", "en": "Involvement"},
    "workshop.question.involvement.text": {
        "da": "Hvordan samarbejder vi om at indføre den, så medarbejderne er med fra starten?",
        "en": "How do we work together on introducing it, so that staff are involved from "
        "the start?",
    },
    "workshop.agreement.agrees": {"da": "Enige", "en": "Agree"},
    "workshop.agreement.split": {"da": "Delte meninger", "en": "Split"},
    "workshop.agreement.too_few": {"da": "For få svar", "en": "Too few answers"},
    "workshop.not_on_radar": {"da": "Ikke på radaren", "en": "Not on the radar"},
    "workshop.anonymous": {"da": "Anonym", "en": "Anonymous"},
    "workshop.error.no_code": {
        "da": "Skriv koden, du har fået af facilitatoren.",
        "en": "Enter the code the facilitator gave you.",
    },
    "workshop.error.not_found": {
        "da": "Ingen workshop har koden «{code}». Tjek koden, og prøv igen.",
        "en": "No workshop has the code “{code}”. Check the code and try again.",
    },
    "workshop.error.closed": {
        "da": "Workshoppen «{title}» er lukket og tager ikke imod flere svar.",
        "en": "The workshop “{title}” is closed and takes no more answers.",
    },
    "workshop.error.no_such_workshop": {
        "da": "Workshoppen findes ikke.",
        "en": "The workshop does not exist.",
    },
    "workshop.error.busy": {
        "da": "Der er travlt lige nu, så intet blev gemt. Prøv igen om et øjeblik.",
        "en": "It is busy right now, so nothing was saved. Try again in a moment.",
    },
    "workshop.error.participant_unknown": {
        "da": "Din deltagelse i workshoppen blev ikke genkendt. Åbn linket til workshoppen "
        "igen, og deltag på ny.",
        "en": "Your place in the workshop was not recognised. Open the workshop link again "
        "and join anew.",
    },
    "workshop.error.technology_unknown": {
        "da": "Teknologien «{technology}» er ikke med i denne workshop.",
        "en": "The technology “{technology}” is not part of this workshop.",
    },
    "workshop.error.ring_unknown": {
        "da": "«{ring}» er ikke en ring på radaren; ringene er {rings}.",
        "en": "“{ring}” is not a ring of the radar; the rings are {rings}.",
    },
    "workshop.error.phase_unknown": {
        "da": "«{phase}» er ikke en af de fire faser; faserne er {phases}.",
        "en": "“{phase}” is not one of the four phases; the phases are {phases}.",
    },
    "workshop.error.question_unknown": {
        "da": "«{question}» er ikke et af de fire spørgsmål; spørgsmålene er {questions}.",
        "en": "“{question}” is not one of the four questions; the questions are {questions}.",
    },
    "workshop.error.answer_not_text": {
        "da": "Svaret på «{question}» skal være tekst.",
        "en": "The answer to “{question}” must be text.",
    },
    "workshop.error.comment_too_long": {
        "da": "Svaret på «{question}» er {length} tegn langt; der er plads til højst {limit} tegn.",
        "en": "The answer to “{question}” is {length} characters long; at most {limit} "
        "characters fit.",
    },
    "workshop.error.name_not_text": {
        "da": "Navnet skal være tekst.",
        "en": "The name must be text.",
    },
    "workshop.error.name_too_long": {
        "da": "Navnet er {length} tegn langt; højst {limit} tegn er tilladt.",
        "en": "The name is {length} characters long; at most {limit} are allowed.",
    },
    "workshop.error.title_empty": {
        "da": "Giv workshoppen en titel.",
        "en": "Give the workshop a title.",
    },
    "workshop.error.title_too_long": {
        "da": "Titlen er {length} tegn lang; højst {limit} tegn er tilladt.",
        "en": "The title is {length} characters long; at most {limit} are allowed.",
    },
    "workshop.error.local_title_empty": {
        "da": "Giv den lokale radar en titel, fx «Vores radar 2026, Teknik og miljø».",
        "en": "Give the local radar a title, e.g. “Our radar 2026, Technical and environment”.",
    },
    "workshop.error.local_title_too_long": {
        "da": "Titlen er {length} tegn lang; højst {limit} tegn er tilladt.",
        "en": "The title is {length} characters long; at most {limit} are allowed.",
    },
    "workshop.error.local_title_taken": {
        "da": "Der findes allerede en lokal radar med titlen «{title}» for dette fagområde. "
        "Vælg en anden titel.",
        "en": "There is already a local radar titled “{title}” for this welfare area. "
        "Choose another title.",
    },
    "workshop.error.local_edition_unknown": {
        "da": "Den lokale radar findes ikke.",
        "en": "The local radar does not exist.",
    },
    "workshop.error.nothing_to_save": {
        "da": "Ingen har svaret endnu, så der er ingen fælles radar at gemme.",
        "en": "Nobody has answered yet, so there is no shared radar to save.",
    },
    "workshop.error.area_unknown": {
        "da": "Fagområdet «{area}» findes ikke; fagområderne er {areas}.",
        "en": "There is no welfare area “{area}”; the areas are {areas}.",
    },
    "workshop.error.edition_unknown": {
        "da": "Udgaven {edition} findes ikke; udgaverne er {editions}.",
        "en": "There is no edition {edition}; the editions are {editions}.",
    },
    "workshop.error.area_has_no_technologies": {
        "da": "Fagområdet «{area}» har ingen teknologier på radaren i {edition}.",
        "en": "The welfare area “{area}” has no technologies on the radar in {edition}.",
    },
    "workshop.error.no_technologies": {
        "da": "Vælg mindst én teknologi til workshoppen.",
        "en": "Choose at least one technology for the workshop.",
    },
    "workshop.error.technologies_unknown": {
        "da": "Disse teknologier findes ikke i kataloget: {technologies}.",
        "en": "These technologies are not in the catalogue: {technologies}.",
    },
    "workshop.error.technology_duplicate": {
        "da": "Teknologien «{technology}» er valgt to gange.",
        "en": "The technology “{technology}” is chosen twice.",
    },
    "workshop.error.technology_invalid": {
        "da": "«{technology}» er ikke en gyldig teknologi til en workshop.",
        "en": "“{technology}” is not a valid workshop technology.",
    },
    "workshop.error.sector_unknown": {
        "da": "Teknologien «{technology}» har kategorien «{sector}», som radaren ikke kender.",
        "en": "The technology “{technology}” has the category “{sector}”, which the radar "
        "does not know.",
    },
    "workshop.error.official_ring_unknown": {
        "da": "Teknologien «{technology}» har ringen «{ring}», som radaren ikke kender.",
        "en": "The technology “{technology}” has the ring “{ring}”, which the radar does not know.",
    },
    "workshop.error.closes_in_past": {
        "da": "Lukketidspunktet {closes_at} er allerede passeret; vælg et tidspunkt i fremtiden.",
        "en": "The closing time {closes_at} has already passed; choose a time in the future.",
    },
    "workshop.export.sheet.summary": {"da": "Oversigt", "en": "Summary"},
    "workshop.export.sheet.comments": {"da": "Kommentarer", "en": "Comments"},
    "workshop.export.sheet.workshop": {"da": "Workshop", "en": "Workshop"},
    "workshop.export.technology_id": {"da": "Id", "en": "Id"},
    "workshop.export.technology": {"da": "Teknologi", "en": "Technology"},
    "workshop.export.sector": {"da": "Kategori", "en": "Category"},
    "workshop.export.official_ring": {"da": "Officiel ring", "en": "Official ring"},
    "workshop.export.group_ring": {"da": "Gruppens ring", "en": "Group's ring"},
    "workshop.export.answers": {"da": "Antal svar", "en": "Answers"},
    "workshop.export.agreement": {"da": "Enighed (%)", "en": "Agreement (%)"},
    "workshop.export.verdict": {"da": "Vurdering", "en": "Verdict"},
    "workshop.export.ring_count": {"da": "Svar {ring}", "en": "Answers {ring}"},
    "workshop.export.phase_count": {"da": "Fase: {phase}", "en": "Phase: {phase}"},
    "workshop.export.question": {"da": "Spørgsmål", "en": "Question"},
    "workshop.export.comment": {"da": "Kommentar", "en": "Comment"},
    "workshop.export.field": {"da": "Felt", "en": "Field"},
    "workshop.export.value": {"da": "Værdi", "en": "Value"},
    "workshop.export.title": {"da": "Titel", "en": "Title"},
    "workshop.export.area": {"da": "Fagområde", "en": "Welfare area"},
    "workshop.export.edition": {"da": "Udgave", "en": "Edition"},
    "workshop.export.code": {"da": "Kode", "en": "Code"},
    "workshop.export.created": {"da": "Oprettet", "en": "Created"},
    "workshop.export.closes": {"da": "Lukker", "en": "Closes"},
    "workshop.export.closed": {"da": "Lukket", "en": "Closed"},
    "workshop.export.participants": {"da": "Deltagere", "en": "Participants"},
    "workshop.export.respondents": {
        "da": "Deltagere, der har svaret",
        "en": "Participants who answered",
    },
    # --- workshop pages ---
    "page.workshop": {"da": "Workshop", "en": "Workshop"},
    "page.join": {"da": "Deltag", "en": "Join"},
    "workshop.page.store_error": {
        "da": "Workshopdatabasen kan ikke åbnes lige nu. Prøv igen om lidt, eller kontakt den, "
        "der driver radaren.",
        "en": "The workshop database cannot be opened right now. Try again shortly, or contact "
        "whoever runs the radar.",
    },
    "workshop.page.status.open": {"da": "Åben", "en": "Open"},
    "workshop.page.status.open_until": {"da": "Åben til {time}", "en": "Open until {time}"},
    "workshop.page.status.closed": {"da": "Lukket", "en": "Closed"},
    "workshop.page.about": {
        "da": "{area} · udgave {edition} · {status}",
        "en": "{area} · {edition} edition · {status}",
    },
    "facilitator.create.heading": {"da": "Opret en workshop", "en": "Create a workshop"},
    "facilitator.create.intro": {
        "da": "Deltagerne placerer radarens teknologier fra deres telefon, som de ser dem fra "
        "deres egen arbejdsplads. Du følger svarene live, kan vise dem på projektoren og kan "
        "gemme gruppens fælles radar.",
        "en": "Participants place the radar's technologies from their phones, as they see them "
        "from their own workplace. You follow the answers live, can show them on the projector "
        "and can save the group's own radar.",
    },
    "facilitator.title": {"da": "Titel", "en": "Title"},
    "facilitator.title.placeholder": {
        "da": "F.eks. Temadag i Teknik og miljø",
        "en": "E.g. Theme day in Technical and environment",
    },
    "facilitator.technologies": {
        "da": "Teknologier til drøftelse",
        "en": "Technologies to discuss",
    },
    "facilitator.technologies.help": {
        "da": "Som udgangspunkt alle fagområdets teknologier i udgaven, i radarens rækkefølge. "
        "Deltagerne får dem i denne rækkefølge.",
        "en": "By default every technology on the area's radar in the edition, in the radar's "
        "order. Participants get them in this order.",
    },
    "facilitator.technologies.count": {
        "da": "{count} teknologier valgt.",
        "en": "{count} technologies chosen.",
    },
    "facilitator.closes": {
        "da": "Luk automatisk på et bestemt tidspunkt",
        "en": "Close automatically at a set time",
    },
    "facilitator.close_date": {"da": "Lukkedato", "en": "Closing date"},
    "facilitator.close_time": {"da": "Lukketid", "en": "Closing time"},
    "facilitator.create": {"da": "Opret workshop", "en": "Create workshop"},
    "facilitator.created": {"da": "Workshoppen er oprettet.", "en": "The workshop is created."},
    "facilitator.keep_link": {
        "da": "Gem dette link. Det er nøglen til at styre workshoppen: følge svarene, lukke den, "
        "eksportere og gemme resultatet. Alle med linket kan styre workshoppen, så del det ikke "
        "med deltagerne; de bruger koden.",
        "en": "Keep this link. It is the key to control the workshop: follow the answers, close "
        "it, export and save the result. Anyone with the link can control the workshop, so do "
        "not share it with the participants; they use the code.",
    },
    "facilitator.own_link": {
        "da": "Dit facilitatorlink (del det ikke)",
        "en": "Your facilitator link (do not share it)",
    },
    "facilitator.unknown": {
        "da": "Der er ingen workshop bag dette link. Tjek, at du har hele linket med, eller "
        "opret en ny workshop.",
        "en": "There is no workshop behind this link. Check that you have the whole link, or "
        "create a new workshop.",
    },
    "facilitator.new": {"da": "Opret en ny workshop", "en": "Create a new workshop"},
    "facilitator.code": {"da": "Kode", "en": "Code"},
    "facilitator.join_link": {"da": "Link til deltagerne", "en": "Link for participants"},
    "facilitator.join_how": {
        "da": "Deltag på telefonen: scan QR-koden, eller åbn linket og skriv koden.",
        "en": "Join on your phone: scan the QR code, or open the link and type the code.",
    },
    "facilitator.qr_alt": {
        "da": "QR-kode med linket til workshoppen",
        "en": "QR code with the link to the workshop",
    },
    "facilitator.base_url_hint": {
        "da": "Linket peger på {url}, som deltagernes telefoner ikke kan nå. Sæt "
        "miljøvariablen RADAR_BASE_URL til den adresse, deltagerne når radaren på.",
        "en": "The link points to {url}, which participants' phones cannot reach. Set the "
        "environment variable RADAR_BASE_URL to the address where participants reach the radar.",
    },
    "facilitator.projector": {"da": "Projektor", "en": "Projector"},
    "facilitator.projector.help": {
        "da": "Vis koden og gruppens svar stort og uden menuer, til projektoren.",
        "en": "Show the code and the group's answers large and without menus, for the projector.",
    },
    "facilitator.live.heading": {"da": "Gruppens svar", "en": "The group's answers"},
    "facilitator.live.summary": {
        "da": "{answers} svar fra {respondents} af {participants} deltagere",
        "en": "{answers} answers from {respondents} of {participants} participants",
    },
    "facilitator.live.waiting": {
        "da": "Ingen svar endnu. De dukker op her, så snart deltagerne gemmer dem.",
        "en": "No answers yet. They appear here as soon as participants save them.",
    },
    "facilitator.live.chart_caption": {
        "da": "Antal svar pr. ring; jo mørkere, jo større en del af teknologiens svar. Rammen "
        "markerer den officielle ring. Til højre gruppens ring, og om gruppen er enig.",
        "en": "Answers per ring; the darker, the larger the share of the technology's answers. "
        "The frame marks the official ring. On the right the group's ring, and whether the "
        "group agrees.",
    },
    "facilitator.live.hover": {
        "da": "{technology} · {ring}: {count} af {answers} svar",
        "en": "{technology} · {ring}: {count} of {answers} answers",
    },
    "facilitator.live.official": {"da": "officiel ring", "en": "official ring"},
    "facilitator.live.verdict": {
        "da": "{ring} · {verdict} ({share} %)",
        "en": "{ring} · {verdict} ({share}%)",
    },
    "facilitator.live.verdict_few": {"da": "{ring} · {verdict}", "en": "{ring} · {verdict}"},
    "facilitator.live.no_answers": {"da": "Ingen svar endnu", "en": "No answers yet"},
    "facilitator.live.table": {"da": "Tallene pr. teknologi", "en": "The figures per technology"},
    "facilitator.live.phases": {"da": "Faser", "en": "Phases"},
    "facilitator.live.phases.caption": {
        "da": "Hvor deltagernes arbejdspladser er med teknologierne: antal svar pr. fase, "
        "alle teknologier. {missing} svar uden fase.",
        "en": "Where participants' workplaces are with the technologies: answers per phase, "
        "all technologies. {missing} answers without a phase.",
    },
    "facilitator.live.comments": {"da": "Kommentarer", "en": "Comments"},
    "facilitator.live.comments.filter": {
        "da": "Vis kommentarer om",
        "en": "Show comments about",
    },
    "facilitator.live.comments.all": {"da": "Alle teknologier", "en": "All technologies"},
    "facilitator.live.no_comments": {"da": "Ingen kommentarer endnu.", "en": "No comments yet."},
    "facilitator.live.comments.more": {
        "da": "Viser {shown} af {count} kommentarer. Vælg en teknologi, eller eksportér for at "
        "se dem alle.",
        "en": "Showing {shown} of {count} comments. Choose a technology, or export to see them "
        "all.",
    },
    "facilitator.close.heading": {"da": "Luk workshoppen", "en": "Close the workshop"},
    "facilitator.close": {"da": "Luk workshoppen …", "en": "Close the workshop …"},
    "facilitator.close.warning": {
        "da": "Når workshoppen er lukket, kan deltagerne ikke længere åbne den eller svare. "
        "Det kan ikke fortrydes.",
        "en": "Once the workshop is closed, participants can no longer open it or answer. "
        "This cannot be undone.",
    },
    "facilitator.close.confirm": {
        "da": "Ja, luk workshoppen nu",
        "en": "Yes, close the workshop now",
    },
    "facilitator.closed": {
        "da": "Workshoppen er lukket ({time}). Deltagerne kan ikke længere svare.",
        "en": "The workshop is closed ({time}). Participants can no longer answer.",
    },
    "facilitator.closes_at": {
        "da": "Workshoppen lukker automatisk {time}.",
        "en": "The workshop closes automatically at {time}.",
    },
    "facilitator.export.heading": {"da": "Eksportér resultatet", "en": "Export the results"},
    "facilitator.export.summary": {"da": "Oversigt (CSV)", "en": "Summary (CSV)"},
    "facilitator.export.comments": {"da": "Kommentarer (CSV)", "en": "Comments (CSV)"},
    "facilitator.export.xlsx": {"da": "Det hele (Excel)", "en": "Everything (Excel)"},
    "facilitator.export.caption": {
        "da": "Uden deltagernes navne. Filerne hentes med svarene, som de er, når du klikker.",
        "en": "Without participants' names. The files hold the answers as they are when you click.",
    },
    "facilitator.consensus.heading": {
        "da": "Gem gruppens radar",
        "en": "Save the group's radar",
    },
    "facilitator.consensus.intro": {
        "da": "Gem gruppens ring for hver teknologi (den med flest svar) som en lokal udgave "
        "af radaren. Det er et øjebliksbillede: svar, der kommer senere, ændrer den ikke.",
        "en": "Save the group's ring for every technology (the one with most answers) as a "
        "local edition of the radar. It is a snapshot: answers given later do not change it.",
    },
    "facilitator.consensus.title": {
        "da": "Navn på den lokale udgave",
        "en": "Name of the local edition",
    },
    "facilitator.consensus.default": {
        "da": "Vores radar {edition}, {area}",
        "en": "Our radar {edition}, {area}",
    },
    "facilitator.consensus.save": {"da": "Gem som lokal udgave", "en": "Save as a local edition"},
    "facilitator.consensus.saved": {
        "da": "Gemt som lokal udgave: {title}",
        "en": "Saved as a local edition: {title}",
    },
    "facilitator.consensus.list": {
        "da": "Lokale udgaver gemt fra denne workshop",
        "en": "Local editions saved from this workshop",
    },
    "facilitator.consensus.saved_at": {"da": "Gemt", "en": "Saved"},
    "participant.heading": {"da": "Deltag i en workshop", "en": "Join a workshop"},
    "participant.code": {"da": "Workshopkode", "en": "Workshop code"},
    "participant.code.placeholder": {"da": "F.eks. ABCDE-FGHJK", "en": "E.g. ABCDE-FGHJK"},
    "participant.code.help": {
        "da": "Koden står på skærmen hos den, der leder workshoppen.",
        "en": "The code is on the screen of whoever leads the workshop.",
    },
    "participant.code.go": {"da": "Fortsæt", "en": "Continue"},
    "participant.name": {"da": "Dit navn (valgfrit)", "en": "Your name (optional)"},
    "participant.name.help": {
        "da": "Lad feltet stå tomt for at deltage anonymt. Dit navn vises ikke for de andre "
        "deltagere og kommer ikke med i resultatet.",
        "en": "Leave it empty to take part anonymously. Your name is not shown to the other "
        "participants and is not in the results.",
    },
    "participant.join": {"da": "Deltag", "en": "Join"},
    "participant.intro": {
        "da": "Placér hver teknologi på radaren, som du ser den fra din arbejdsplads. Du kan "
        "gå tilbage og ændre et svar, så længe workshoppen er åben.",
        "en": "Place each technology on the radar as you see it from your workplace. You can go "
        "back and change an answer while the workshop is open.",
    },
    "participant.joined_as": {"da": "Du deltager som {name}.", "en": "You take part as {name}."},
    "participant.joined_anonymous": {
        "da": "Du deltager anonymt.",
        "en": "You take part anonymously.",
    },
    "participant.position": {
        "da": "Teknologi {position} af {count}",
        "en": "Technology {position} of {count}",
    },
    "participant.progress": {
        "da": "{answered} af {count} besvaret",
        "en": "{answered} of {count} answered",
    },
    "participant.ring": {
        "da": "Hvor placerer du teknologien?",
        "en": "Where do you place the technology?",
    },
    "participant.ring.help": {
        "da": "Din egen vurdering, set fra din arbejdsplads. Ringene står indefra og ud: "
        "den første er mest klar til brug.",
        "en": "Your own view, from your workplace. The rings go from the inside out: the first "
        "is the most ready for use.",
    },
    "participant.phase": {
        "da": "Hvor er jeres arbejdsplads med teknologien?",
        "en": "Where is your workplace with the technology?",
    },
    "participant.phase.none": {
        "da": "Ved ikke / ikke relevant",
        "en": "Don't know / not relevant",
    },
    "participant.questions": {
        "da": "De fire spørgsmål (valgfrit)",
        "en": "The four questions (optional)",
    },
    "participant.question": {"da": "{theme}: {question}", "en": "{theme}: {question}"},
    "participant.save": {"da": "Gem svar", "en": "Save answer"},
    "participant.saved": {
        "da": "Gemt. Dit svar om {technology} er gemt.",
        "en": "Saved. Your answer about {technology} is saved.",
    },
    "participant.replaced": {
        "da": "Gemt. Dit nye svar om {technology} har erstattet det tidligere.",
        "en": "Saved. Your new answer about {technology} has replaced the earlier one.",
    },
    "participant.answered_before": {
        "da": "Du har svaret på denne. Gemmer du igen, erstatter det nye svar det tidligere.",
        "en": "You have answered this one. Saving again replaces your earlier answer.",
    },
    "participant.pick_ring": {
        "da": "Vælg en ring, før du gemmer.",
        "en": "Choose a ring before you save.",
    },
    "participant.previous": {"da": "Forrige", "en": "Previous"},
    "participant.next": {"da": "Næste", "en": "Next"},
    "participant.jump": {"da": "Gå til teknologi", "en": "Go to technology"},
    "participant.done": {
        "da": "Du har svaret på alle {count} teknologier. Tak! Du kan ændre dine svar, indtil "
        "workshoppen lukker.",
        "en": "You have answered all {count} technologies. Thank you! You can change your "
        "answers until the workshop closes.",
    },
    # --- editors: sign-in (radar/ui/auth.py, pages/sign_in.py) ---
    "page.sign_in": {"da": "Redaktør", "en": "Editor"},
    "page.edit": {"da": "Rediger", "en": "Edit"},
    "page.editions": {"da": "Udgaver", "en": "Editions"},
    "page.import": {"da": "Importér", "en": "Import"},
    "auth.title": {"da": "Log ind som redaktør", "en": "Sign in as editor"},
    "auth.intro": {
        "da": "Redaktører vedligeholder radaren: de retter teknologier og vurderinger, "
        "importerer og udgiver nye udgaver. Alle andre kan se radaren uden at logge ind.",
        "en": "Editors maintain the radar: they edit technologies and assessments, import data "
        "and publish new editions. Everyone else can view the radar without signing in.",
    },
    "auth.name": {"da": "Dit navn", "en": "Your name"},
    "auth.name_help": {
        "da": "Står i ændringsloggen ved hver ændring, du gemmer.",
        "en": "Shown in the change log next to every change you save.",
    },
    "auth.name_missing": {"da": "Skriv dit navn.", "en": "Enter your name."},
    "auth.password": {"da": "Redaktøradgangskode", "en": "Editor password"},
    "auth.sign_in": {"da": "Log ind", "en": "Sign in"},
    "auth.sign_in_oidc": {
        "da": "Log ind med organisationens konto",
        "en": "Sign in with your organisation account",
    },
    "auth.sign_out": {"da": "Log ud", "en": "Sign out"},
    "auth.signed_in_as": {
        "da": "Logget ind som redaktør: {name}",
        "en": "Signed in as editor: {name}",
    },
    "auth.wrong_password": {"da": "Forkert adgangskode.", "en": "Wrong password."},
    "auth.locked": {
        "da": "For mange forkerte forsøg. Vent {seconds} sekunder, og prøv igen.",
        "en": "Too many wrong attempts. Wait {seconds} seconds and try again.",
    },
    "auth.editors_only": {
        "da": "Denne side er kun for redaktører.",
        "en": "This page is for editors only.",
    },
    "auth.not_an_editor": {
        "da": "Du er logget ind, men din konto er ikke på listen over redaktører.",
        "en": "You are signed in, but your account is not on the list of editors.",
    },
    "auth.off": {
        "da": "Redigering er slået fra på denne installation. Driftsansvarlig kan slå den til "
        "med et af disse i .streamlit/secrets.toml (eller miljøvariablen RADAR_EDITOR_PASSWORD):",
        "en": "Editing is turned off on this installation. The operator can turn it on with one "
        "of these in .streamlit/secrets.toml (or the environment variable RADAR_EDITOR_PASSWORD):",
    },
    "auth.off_how": {
        "da": "# Log ind med organisationens konto (OpenID Connect):\n[auth]\n"
        'redirect_uri = "https://radar.kommune.dk/oauth2callback"\n'
        'cookie_secret = "..."\nclient_id = "..."\nclient_secret = "..."\n'
        'server_metadata_url = "https://login.microsoftonline.com/<tenant>/v2.0/'
        '.well-known/openid-configuration"\n\n[radar]\n'
        'editors = ["navn@kommune.dk"]  # kun disse må redigere\n'
        "# allow_all_signed_in = true  # eller: alle, der kan logge ind\n\n"
        "# ... eller en lokal redaktøradgangskode (mindst 12 tegn):\n[radar]\n"
        'editor_password = "..."',
        "en": "# Sign in with your organisation account (OpenID Connect):\n[auth]\n"
        'redirect_uri = "https://radar.example.org/oauth2callback"\n'
        'cookie_secret = "..."\nclient_id = "..."\nclient_secret = "..."\n'
        'server_metadata_url = "https://login.microsoftonline.com/<tenant>/v2.0/'
        '.well-known/openid-configuration"\n\n[radar]\n'
        'editors = ["name@example.org"]  # only these may edit\n'
        "# allow_all_signed_in = true  # or: everyone who can sign in\n\n"
        "# ... or a local editor password (at least 12 characters):\n[radar]\n"
        'editor_password = "..."',
    },
    "auth.password_too_short": {
        "da": "En redaktøradgangskode er sat, men den er kortere end 12 tegn og bruges derfor "
        "ikke.",
        "en": "An editor password is set, but it is shorter than 12 characters, so it is not used.",
    },
    "auth.signed_in": {
        "da": "Du er logget ind som redaktør. Redigeringssiderne står nu i menuen.",
        "en": "You are signed in as editor. The editing pages are now in the menu.",
    },
    "backup.title": {"da": "Sikkerhedskopi", "en": "Backup"},
    "backup.intro": {
        "da": "Hent hele databasen som en zip-fil med én Parquet-fil pr. tabel, ændringsloggen "
        "medregnet. Pak den ud, og genskab med 'python -m radar restore MAPPE'.",
        "en": "Download the whole database as a zip file with one Parquet file per table, the "
        "change log included. Unzip it and restore with 'python -m radar restore FOLDER'.",
    },
    "backup.make": {"da": "Lav sikkerhedskopi", "en": "Make a backup"},
    "backup.making": {"da": "Laver sikkerhedskopi …", "en": "Making a backup …"},
    "backup.download": {"da": "Hent sikkerhedskopien", "en": "Download the backup"},
    "about.editor_link": {
        "da": "Er du redaktør? Log ind her.",
        "en": "Are you an editor? Sign in here.",
    },
    # --- export ---
    "page.export": {"da": "Eksportér", "en": "Export"},
    "export.title": {"da": "Eksportér radaren", "en": "Export the radar"},
    "export.intro": {
        "da": "Lav en fil af en udgivet udgave af radaren: til møder, slides, redigering eller "
        "andre værktøjer. Vælg fagområde, udgave, sprog og format.",
        "en": "Make a file of a published edition of the radar: for meetings, slides, editing "
        "or other tools. Choose the area, edition, language and format.",
    },
    "export.lang": {"da": "Sprog i filen", "en": "Language of the file"},
    "export.format": {"da": "Format", "en": "Format"},
    "export.format.pdf": {"da": "PDF-håndout", "en": "PDF handout"},
    "export.format.pdf.use": {
        "da": "Til byråds- og udvalgsmøder: A4 med radaren, en nummereret oversigt, hvad "
        "ringene betyder, og teknologierne kategori for kategori.",
        "en": "For council and committee meetings: A4 with the radar, a numbered list, what the "
        "rings mean, and the technologies category by category.",
    },
    "export.format.png": {"da": "PNG-billede", "en": "PNG picture"},
    "export.format.png.use": {
        "da": "Til slides og præsentationer: radaren med titel, 2000 × 1600 pixels.",
        "en": "For slides and presentations: the radar with a title, 2000 × 1600 pixels.",
    },
    "export.format.svg": {"da": "SVG-billede", "en": "SVG picture"},
    "export.format.svg.use": {
        "da": "Til tryk og dokumenter: skarp i alle størrelser.",
        "en": "For print and documents: sharp at any size.",
    },
    "export.format.html": {"da": "Interaktiv HTML-side", "en": "Interactive HTML page"},
    "export.format.html.use": {
        "da": "Radaren som én fil, der virker uden net: hold musen over prikkerne.",
        "en": "The radar as one file that works offline: hover over the blips.",
    },
    "export.format.xlsx": {"da": "Excel", "en": "Excel"},
    "export.format.xlsx.use": {
        "da": "Til redigering: én række pr. teknologi og fagområde, på dansk og engelsk. Kan "
        "importeres igen.",
        "en": "For editing: one row per technology and welfare area, in Danish and English. "
        "Can be imported again.",
    },
    "export.format.csv": {"da": "CSV", "en": "CSV"},
    "export.format.csv.use": {
        "da": "Samme indhold som Excel, som tekstfil (UTF-8) til andre systemer.",
        "en": "The same as Excel, as a text file (UTF-8) for other systems.",
    },
    "export.format.json": {"da": "JSON", "en": "JSON"},
    "export.format.json.use": {
        "da": "Samme indhold som Excel, til programmer.",
        "en": "The same as Excel, for programs.",
    },
    "export.format.byor-csv": {"da": "BYOR CSV", "en": "BYOR CSV"},
    "export.format.byor-csv.use": {
        "da": "Til Thoughtworks' værktøj Build Your Own Radar: én radar.",
        "en": "For Thoughtworks' Build Your Own Radar tool: one radar.",
    },
    "export.all_areas": {
        "da": "Med Samlet får filen alle fagområder: én række pr. teknologi og fagområde.",
        "en": "With Combined the file has every welfare area: one row per technology and area.",
    },
    "export.published_only": {
        "da": "Kun udgivne udgaver kan eksporteres.",
        "en": "Only published editions can be exported.",
    },
    "export.make": {"da": "Lav filen", "en": "Make the file"},
    "export.making": {"da": "Laver {file} …", "en": "Making {file} …"},
    "export.ready": {"da": "{file} er klar", "en": "{file} is ready"},
    "export.download": {"da": "Hent {file}", "en": "Download {file}"},
    "export.failed": {"da": "Filen blev ikke lavet", "en": "The file was not made"},
    "export.error.chromium": {
        "da": "PNG, SVG og PDF tegnes af browseren Chromium, som ikke er installeret på "
        "serveren. Bed driften installere den (fx apt install chromium). De andre formater "
        "virker.",
        "en": "PNG, SVG and PDF are drawn by the Chromium browser, which is not installed on "
        "the server. Ask the operators to install it (e.g. apt install chromium). The other "
        "formats work.",
    },
    "export.error.nothing": {
        "da": "Der er ingen teknologier på denne radar i den valgte udgave.",
        "en": "There are no technologies on this radar in the chosen edition.",
    },
    "export.error.render": {
        "da": "Filen kunne ikke laves. Prøv igen; årsagen er skrevet i serverens log.",
        "en": "The file could not be made. Try again; the reason is in the server's log.",
    },
    "export.progress.reading": {"da": "Læser radaren", "en": "Reading the radar"},
    "export.progress.drawing": {"da": "Tegner radaren", "en": "Drawing the radar"},
    "export.progress.printing": {
        "da": "Sætter håndouten op som PDF",
        "en": "Setting the handout as a PDF",
    },
    "export.progress.writing": {"da": "Skriver filen", "en": "Writing the file"},
    "export.progress.done": {"da": "Færdig", "en": "Done"},
    "export.months": {
        "da": "januar,februar,marts,april,maj,juni,juli,august,september,oktober,november,december",
        "en": "January,February,March,April,May,June,July,August,September,October,November,"
        "December",
    },
    "export.date": {"da": "{day}. {month} {year}", "en": "{day} {month} {year}"},
    "export.handout.edition": {
        "da": "{title}, udgivet {published}",
        "en": "{title}, published {published}",
    },
    "export.handout.printed": {"da": "Udskrevet {date}", "en": "Printed {date}"},
    "export.handout.legend": {
        "da": "Teknologierne på radaren",
        "en": "The technologies on the radar",
    },
    "export.handout.legend_hint": {
        "da": "Numrene er dem på radaren: kategori for kategori, inderste ring først. Bag hvert "
        "navn står ringen, og hvordan teknologien har flyttet sig siden områdets sidste udgave "
        "(★ ny, ▲ rykket ind, ▼ rykket ud, ● uændret).",
        "en": "The numbers are those on the radar: category by category, innermost ring first. "
        "After each name come its ring and how it moved since the area's last edition "
        "(★ new, ▲ moved in, ▼ moved out, ● unchanged).",
    },
    "export.handout.rings": {"da": "Hvad ringene betyder", "en": "What the rings mean"},
    "export.handout.sectors": {
        "da": "Teknologierne kategori for kategori",
        "en": "The technologies category by category",
    },
    "export.html.made": {"da": "Eksporteret {date}", "en": "Exported {date}"},
    "export.html.hint": {
        "da": "Hold musen over en prik for at se navn, ring, kategori og beskrivelse.",
        "en": "Hover over a blip to see its name, ring, category and description.",
    },
    # --- import page (pages/import_data.py) ---
    "importpage.title": {"da": "Importér data", "en": "Import data"},
    "importpage.intro": {
        "da": "Upload en fil med en hel radar for en udgave. Du ser alle ændringer, før noget "
        "bliver skrevet, og filen erstatter radaren for de fagområder, den dækker. Er der fejl i "
        "filen, bliver intet skrevet, og du får hver fejl med række og kolonne.",
        "en": "Upload a file with a whole radar for one edition. You see every change before "
        "anything is written, and the file replaces the radar of the areas it covers. If the file "
        "has problems, nothing is written and you get every problem with its row and column.",
    },
    "importpage.formats": {
        "da": "Hvilke filer kan jeg importere?",
        "en": "Which files can I import?",
    },
    "importpage.formats_text": {
        "da": "- **Vores eget format** som CSV (UTF-8, komma eller semikolon), Excel (.xlsx, "
        "første ark) eller JSON, med kolonnerne nedenfor. En eksport herfra kan importeres igen.\n"
        "- **Thoughtworks Build Your Own Radar**, CSV eller JSON (`name, ring, quadrant, isNew, "
        "status, description`): adopt/trial/assess/hold (og caution) bliver KLAR/AFPRØV/HOLD "
        "ØJE/AFVENT, kvadranter bliver kategorier, og HTML i beskrivelser bliver ren tekst.\n"
        "- **Zalandos radar**, `config.json`.\n\n"
        "Bevægelse (ny, rykket ind/ud) regnes ud fra udgaverne og læses ikke fra filen.",
        "en": "- **Our own format** as CSV (UTF-8, comma or semicolon), Excel (.xlsx, first sheet) "
        "or JSON, with the columns below. An export from here imports back.\n"
        "- **Thoughtworks Build Your Own Radar**, CSV or JSON (`name, ring, quadrant, isNew, "
        "status, description`): adopt/trial/assess/hold (and caution) become KLAR/AFPRØV/HOLD "
        "ØJE/AFVENT, quadrants become categories, and HTML in descriptions becomes plain text.\n"
        "- **Zalando's radar**, `config.json`.\n\n"
        "Movement (new, moved in/out) is derived from the editions, not read from the file.",
    },
    "importpage.column": {"da": "Kolonne", "en": "Column"},
    "importpage.required": {"da": "Påkrævet", "en": "Required"},
    "importpage.file": {"da": "Fil", "en": "File"},
    "importpage.file_help": {
        "da": "CSV, Excel eller JSON, højst {limit} MB.",
        "en": "CSV, Excel or JSON, at most {limit} MB.",
    },
    "importpage.format": {"da": "Format", "en": "Format"},
    "importpage.format_auto": {"da": "Find selv formatet", "en": "Detect the format"},
    "importpage.edition": {"da": "Udgave", "en": "Edition"},
    "importpage.edition_help": {
        "da": "Årstallet for KL's årlige radar; for en radar, der udkommer flere gange om året, "
        "et løbenummer.",
        "en": "The year for KL's yearly radar; for a radar published several times a year, a "
        "running number.",
    },
    "importpage.area": {"da": "Fagområde", "en": "Welfare area"},
    "importpage.area_from_file": {
        "da": "Fra filens kolonne 'area'",
        "en": "From the file's 'area' column",
    },
    "importpage.draft": {
        "da": "Opret en ny udgave som kladde",
        "en": "Create a new edition as a draft",
    },
    "importpage.draft_help": {
        "da": "En kladde ses kun af redaktører, indtil den udgives på siden Udgaver.",
        "en": "A draft is seen by editors only until it is published on the Editions page.",
    },
    "importpage.into_draft": {
        "da": "Udgave {edition} er en kladde: importen ses kun af redaktører, indtil den udgives.",
        "en": "Edition {edition} is a draft: the import is seen by editors only until it is "
        "published.",
    },
    "importpage.into_published": {
        "da": "Udgave {edition} er udgivet: importen ændrer den radar, alle ser, så snart du "
        "bekræfter, og fjerner de vurderinger i de dækkede fagområder, som filen ikke har. Vælg "
        "et nyt årstal for at lave en kladde i stedet.",
        "en": "Edition {edition} is published: the import changes the radar everyone sees as "
        "soon as you confirm, and removes the assessments of the covered areas that the file "
        "lacks. Choose a new year to make a draft instead.",
    },
    "importpage.note_row": {"da": "række {row}", "en": "row {row}"},
    "importpage.note_column": {"da": "kolonne '{column}'", "en": "column '{column}'"},
    "importpage.pick_file": {
        "da": "Vælg en fil for at se, hvad den vil ændre.",
        "en": "Choose a file to see what it would change.",
    },
    "importpage.preview": {"da": "Vis ændringerne", "en": "Preview the changes"},
    "importpage.preview_title": {
        "da": "Det vil importen ændre",
        "en": "What the import will change",
    },
    "importpage.refused": {
        "da": "Filen kan ikke importeres: {count} problem(er). Intet er skrevet.",
        "en": "The file cannot be imported: {count} problem(s). Nothing was written.",
    },
    "importpage.problem_file": {"da": "Fil", "en": "File"},
    "importpage.problem_row": {"da": "Række", "en": "Row"},
    "importpage.problem_column": {"da": "Kolonne", "en": "Column"},
    "importpage.problem": {"da": "Problem", "en": "Problem"},
    "importpage.kind.added": {"da": "tilføjes", "en": "added"},
    "importpage.kind.changed": {"da": "ændres", "en": "changed"},
    "importpage.kind.removed": {"da": "fjernes", "en": "removed"},
    "importpage.change": {"da": "Ændring", "en": "Change"},
    "importpage.record": {"da": "Udgave/fagområde/teknologi", "en": "Edition/area/technology"},
    "importpage.technology": {"da": "Teknologi", "en": "Technology"},
    "importpage.reason": {
        "da": "Begrundelse (til ændringsloggen)",
        "en": "Reason (for the change log)",
    },
    "importpage.confirm": {"da": "Importér", "en": "Import"},
    "importpage.stale": {
        "da": "Databasen er ændret, siden du så ændringerne. Vis dem igen, før du importerer.",
        "en": "The database changed since you previewed. Preview again before importing.",
    },
    "importpage.done": {
        "da": "{file} er importeret; {rows} ændringer står i ændringsloggen.",
        "en": "{file} was imported; {rows} changes are in the change log.",
    },
    # --- import messages ---
    # The problems and notes of radar/importers.py: "file, row R, column 'C'"
    # comes before them, so each says what is wrong with that place and what is
    # expected. Advice to use a command-line option fits the page and the CLI.
    "importmsg.file_too_large": {
        "da": "filen er større end {limit} MiB",
        "en": "the file is larger than {limit} MiB",
    },
    "importmsg.file_empty": {"da": "filen er tom", "en": "the file is empty"},
    "importmsg.not_utf8": {
        "da": "er ikke UTF-8-tekst (byte {byte}); gem filen som 'CSV UTF-8'",
        "en": "not UTF-8 text (byte {byte}); save it as 'CSV UTF-8'",
    },
    "importmsg.control_character": {
        "da": "indeholder et kontroltegn (U+{code}); kun tekst, tabulatorer og linjeskift kan "
        "importeres",
        "en": "contains a control character (U+{code}); only text, tabs and line breaks can be "
        "imported",
    },
    "importmsg.no_header": {
        "da": "filen er tom; den skal begynde med en række med kolonnenavne",
        "en": "the file is empty; expected a header row",
    },
    "importmsg.declared_separator": {
        "da": "filen angiver '{separator}' som skilletegn; gem den med komma eller semikolon som "
        "skilletegn",
        "en": "the file declares '{separator}' as its separator; save it with commas or semicolons",
    },
    "importmsg.separated_by_tabs": {
        "da": "kolonnerne er adskilt af tabulatorer; gem filen som CSV med komma eller semikolon "
        "(i Excel: 'CSV UTF-8')",
        "en": "the columns are separated by tabs; save the file as CSV with commas or semicolons "
        "(in Excel: 'CSV UTF-8')",
    },
    "importmsg.separated_by": {
        "da": "kolonnerne er adskilt af '{separator}'; gem filen som CSV med komma eller "
        "semikolon (i Excel: 'CSV UTF-8')",
        "en": "the columns are separated by '{separator}'; save the file as CSV with commas or "
        "semicolons (in Excel: 'CSV UTF-8')",
    },
    "importmsg.one_column": {
        "da": "rækken med kolonnenavne har kun én kolonne ('{header}'); kolonnerne skal være "
        "adskilt af komma eller semikolon",
        "en": "the header has one single column ('{header}'); expected columns separated by "
        "commas or semicolons",
    },
    "importmsg.csv_unreadable": {
        "da": "kan ikke læses som CSV ({reason}); som regel et anførselstegn, der aldrig bliver "
        "lukket",
        "en": "cannot be read as CSV ({reason}); usually a double quote that is never closed",
    },
    "importmsg.csv.field_limit": {
        "da": "et felt er længere end {limit} tegn",
        "en": "field larger than field limit ({limit})",
    },
    "importmsg.too_many_rows": {
        "da": "har mere end {limit} rækker",
        "en": "has more than {limit} rows",
    },
    "importmsg.not_workbook": {
        "da": "er ikke en Excel-projektmappe (.xlsx)",
        "en": "not an Excel workbook (.xlsx)",
    },
    "importmsg.old_excel": {
        "da": "er en gammel Excel-fil (.xls); gem den som Excel-projektmappe (.xlsx) eller som "
        "'CSV UTF-8'",
        "en": "an old Excel file (.xls); save it as an Excel workbook (.xlsx) or as 'CSV UTF-8'",
    },
    "importmsg.workbook_too_large": {
        "da": "projektmappen fylder mere end {limit} MiB, når den pakkes ud",
        "en": "the workbook unpacks to more than {limit} MiB",
    },
    "importmsg.no_sheet": {
        "da": "projektmappen har intet ark",
        "en": "the workbook has no sheet",
    },
    "importmsg.workbook_unreadable": {
        "da": "er ikke en Excel-projektmappe (.xlsx), der kan læses ({error})",
        "en": "not an Excel workbook (.xlsx) that can be read ({error})",
    },
    "importmsg.column_no_name": {"da": "kolonnen har intet navn", "en": "the column has no name"},
    "importmsg.column_twice": {
        "da": "står to gange i rækken med kolonnenavne (kolonne {first} og {second})",
        "en": "appears twice in the header (columns {first} and {second})",
    },
    "importmsg.name_rejoined": {
        "da": "havde {fields} felter til {columns} kolonner; '{separator}' uden anførselstegn er "
        "læst som en del af navnet '{name}'",
        "en": "had {fields} fields for {columns} columns; read the unquoted '{separator}' as part "
        "of the name '{name}'",
    },
    "importmsg.value_without_column": {
        "da": "har en værdi i kolonne {column}, som ikke har noget navn i rækken med kolonnenavne",
        "en": "has a value in column {column}, which has no name in the header",
    },
    "importmsg.field_count": {
        "da": "har {fields} felter, men rækken med kolonnenavne har {columns} (står der "
        "'{separator}' i en tekst, skal teksten stå i dobbelte anførselstegn)",
        "en": "has {fields} fields, the header has {columns} (a '{separator}' inside a text needs "
        "the text in double quotes)",
    },
    "importmsg.no_rows": {
        "da": "har kolonnenavne, men ingen rækker under dem",
        "en": "has a header but no rows under it",
    },
    "importmsg.invalid_json": {
        "da": "er ikke gyldig JSON i linje {line}, kolonne {column}: {reason}",
        "en": "not valid JSON: {reason} at line {line}, column {column}",
    },
    "importmsg.invalid_json_number": {
        "da": "er ikke gyldig JSON: et tal har for mange cifre",
        "en": "not valid JSON: a number has too many digits",
    },
    "importmsg.invalid_json_nesting": {
        "da": "er ikke gyldig JSON: lister og objekter ligger i for mange lag inden i hinanden",
        "en": "not valid JSON: lists and objects are nested too deeply",
    },
    # What Python's JSON reader says is wrong; the English is its own words.
    "importmsg.json.expecting_value": {
        "da": "her mangler en værdi",
        "en": "Expecting value",
    },
    "importmsg.json.expecting_comma": {
        "da": "her mangler et komma",
        "en": "Expecting ',' delimiter",
    },
    "importmsg.json.expecting_colon": {
        "da": "her mangler et kolon",
        "en": "Expecting ':' delimiter",
    },
    "importmsg.json.expecting_property": {
        "da": "her mangler et feltnavn i dobbelte anførselstegn",
        "en": "Expecting property name enclosed in double quotes",
    },
    "importmsg.json.unterminated_string": {
        "da": "en tekst, der begynder her, bliver aldrig afsluttet med et anførselstegn",
        "en": "Unterminated string starting at",
    },
    "importmsg.json.control_character": {
        "da": "her står et kontroltegn, som ikke må stå i en tekst",
        "en": "Invalid control character at",
    },
    "importmsg.json.invalid_escape": {
        "da": "her står en ugyldig kode efter \\",
        "en": "Invalid \\escape",
    },
    "importmsg.json.invalid_unicode_escape": {
        "da": "her står en ugyldig \\uXXXX-kode",
        "en": "Invalid \\uXXXX escape",
    },
    "importmsg.json.extra_data": {
        "da": "her står mere efter JSON-dokumentets slutning",
        "en": "Extra data",
    },
    "importmsg.json.trailing_comma_object": {
        "da": "her står et komma for meget før slutningen af et objekt",
        "en": "Illegal trailing comma before end of object",
    },
    "importmsg.json.trailing_comma_array": {
        "da": "her står et komma for meget før slutningen af en liste",
        "en": "Illegal trailing comma before end of array",
    },
    "importmsg.json_not_a_list": {
        "da": "skal være en liste af objekter, ét pr. teknologi",
        "en": "expected a list of objects, one per technology",
    },
    "importmsg.entries_not_a_list": {
        "da": "'entries' skal være en liste af objekter",
        "en": "expected 'entries' to be a list of objects",
    },
    "importmsg.no_entries": {"da": "har ingen poster", "en": "has no entries"},
    "importmsg.too_many_entries": {
        "da": "har mere end {limit} poster",
        "en": "has more than {limit} entries",
    },
    "importmsg.entry_not_object": {
        "da": "er {kind}; hver post skal være et objekt",
        "en": "is {kind}; expected an object",
    },
    "importmsg.value_not_text": {
        "da": "er {kind}; værdien skal være tekst eller et tal",
        "en": "is {kind}; expected text or a number",
    },
    "importmsg.kind.list": {"da": "en liste", "en": "a list"},
    "importmsg.kind.object": {"da": "et objekt", "en": "an object"},
    "importmsg.kind.null": {"da": "null (tom)", "en": "null"},
    "importmsg.kind.boolean": {"da": "true eller false", "en": "true or false"},
    "importmsg.kind.number": {"da": "et tal", "en": "a number"},
    "importmsg.kind.text": {"da": "tekst", "en": "text"},
    "importmsg.ring_position": {
        "da": "'{value}' er ring nr. {position} fra midten, men denne radar har {count} ringe",
        "en": "'{value}' is ring {position} from the centre, but this radar has {count} rings",
    },
    "importmsg.not_a_ring": {
        "da": "'{value}' er ikke en ring; brug {expected}",
        "en": "'{value}' is not a ring; expected {expected}",
    },
    "importmsg.rings_expected": {
        "da": "en af ringene {rings} (store eller små bogstaver) eller {foreign}",
        "en": "one of the rings {rings} (in any case), or {foreign}",
    },
    "importmsg.ring_names": {
        "da": "{name_da}, {id} eller {name_en}",
        "en": "{id}, {name_da} or {name_en}",
    },
    "importmsg.combined_area": {
        "da": "'{value}' er den samlede radar, som beregnes ud fra fagområderne; importér til et "
        "af fagområderne: {areas}",
        "en": "'{value}' is the combined radar, which is computed from the areas; import into "
        "one of the areas: {areas}",
    },
    "importmsg.not_an_area": {
        "da": "'{value}' er ikke et fagområde; brug et af fagområderne {areas}",
        "en": "'{value}' is not an area; expected one of {areas}",
    },
    "importmsg.no_areas": {
        "da": "databasen har ingen fagområder at importere til",
        "en": "the database has no areas to import into",
    },
    "importmsg.no_area": {
        "da": "filen angiver ikke noget fagområde; vælg et af fagområderne {areas} ved importen "
        "(python -m radar import --area …)",
        "en": "the file names no area; give one with --area (the area argument): {areas}",
    },
    "importmsg.area_empty": {
        "da": "er tom; skriv fagområdets id ({areas}) eller vælg fagområdet ved importen "
        "(python -m radar import --area …)",
        "en": "is empty; give the area's id ({areas}) or import with --area",
    },
    "importmsg.area_mismatch": {
        "da": "er '{area}', men importen er til fagområdet '{chosen}'",
        "en": "is '{area}', but the import is into the area '{chosen}'",
    },
    "importmsg.name_empty": {
        "da": "er tom; hver teknologi skal have et navn",
        "en": "is empty; every technology needs a name",
    },
    "importmsg.name_too_long": {
        "da": "er {length} tegn lang; et navn må højst have {limit} tegn",
        "en": "is {length} characters long; a name has at most {limit}",
    },
    "importmsg.odd_values": {
        "da": "uventede værdier i {rows}; der skal stå {expected}. Værdierne bruges ikke: "
        "radaren regner selv bevægelse ud fra udgaverne",
        "en": "unexpected values in {rows}; expected {expected}. Ignored: the radar derives "
        "movement from the editions",
    },
    "importmsg.odd_value": {"da": "række {row} ('{value}')", "en": "row {row} ('{value}')"},
    "importmsg.and_more": {"da": "{shown} og {count} flere", "en": "{shown} and {count} more"},
    "importmsg.expected.is_new": {"da": "TRUE eller FALSE", "en": "TRUE or FALSE"},
    "importmsg.expected.status": {
        "da": "new, moved in, moved out eller no change",
        "en": "new, moved in, moved out or no change",
    },
    "importmsg.expected.moved": {
        "da": "-1 (rykket ud), 0, 1 (rykket ind) eller 2 (ny)",
        "en": "-1 (out), 0, 1 (in) or 2 (new)",
    },
    "importmsg.expected.active": {"da": "true eller false", "en": "true or false"},
    "importmsg.missing_columns": {
        "da": "mangler kolonne(r) {columns}",
        "en": "missing column(s) {columns}",
    },
    "importmsg.unknown_columns": {
        "da": "ukendte kolonne(r) {columns}",
        "en": "unknown column(s) {columns}",
    },
    "importmsg.own_columns": {
        "da": "kolonnerne er {columns} (påkrævet: {required})",
        "en": "the columns are {columns} (required: {required})",
    },
    "importmsg.byor_columns": {
        "da": "mangler kolonne(r) {missing}; en Build Your Own Radar-fil har kolonnerne {columns}",
        "en": "missing column(s) {missing}; a Build Your Own Radar file has the columns {columns}",
    },
    "importmsg.not_an_id": {
        "da": "'{value}' er ikke et id; et id består af små bogstaver, tal og bindestreger, "
        "f.eks. '{example}'",
        "en": "'{value}' is not an id; an id is lower case letters, digits and hyphens, e.g. "
        "'{example}'",
    },
    "importmsg.sector_empty": {
        "da": "er tom; skriv en af kategorierne {sectors}",
        "en": "is empty; expected one of {sectors}",
    },
    "importmsg.not_a_category": {
        "da": "'{value}' er ikke en kategori; skriv en kategoris id eller navn: {sectors}",
        "en": "'{value}' is not a category; expected an id or name: {sectors}",
    },
    "importmsg.no_categories": {
        "da": "'{value}' er ikke en kategori; databasen har ingen kategorier",
        "en": "'{value}' is not a category; the database has no categories",
    },
    "importmsg.ring_required": {
        "da": "er tom; uden scorer skal ringen angives: {expected}",
        "en": "is empty; without scores the ring is required: {expected}",
    },
    "importmsg.ring_empty": {
        "da": "er tom; brug {expected}",
        "en": "is empty; expected {expected}",
    },
    "importmsg.scores_partial": {
        "da": "er tom; udfyld alle fem scorer ({columns}) eller ingen (mangler: {missing})",
        "en": "is empty; give all five scores ({columns}) or none (missing: {missing})",
    },
    "importmsg.not_whole": {
        "da": "'{value}' er ikke et helt tal",
        "en": "'{value}' is not a whole number",
    },
    "importmsg.not_trl": {
        "da": "{value} er ikke en TRL fra 1 til 9",
        "en": "{value} is not a TRL from 1 to 9",
    },
    "importmsg.not_share": {
        "da": "{value} er ikke en andel fra 0 til 100 procent",
        "en": "{value} is not a share from 0 to 100 percent",
    },
    "importmsg.shares_sum": {
        "da": "de fire andele giver tilsammen {total}, ikke 100",
        "en": "the four shares add up to {total}, not 100",
    },
    "importmsg.quadrant_empty": {
        "da": "er tom; skriv kvadrantens navn",
        "en": "is empty; expected the quadrant's name",
    },
    "importmsg.quadrant_too_long": {
        "da": "er længere end {limit} tegn",
        "en": "is longer than {limit} characters",
    },
    "importmsg.zalando_date": {
        "da": "'{value}' er ikke en dato som 2026.05 eller 2026-05-31",
        "en": "'{value}' is not a date like 2026.05 or 2026-05-31",
    },
    "importmsg.zalando_config": {
        "da": "skal være en Zalando config.json: et JSON-objekt med 'entries' (en liste af poster "
        "med label, quadrant, ring)",
        "en": "expected a Zalando config.json: a JSON object with 'entries' (a list of entries "
        "with label, quadrant, ring)",
    },
    "importmsg.zalando_quadrants": {
        "da": 'skal være en liste af {{"name": "..."}}-objekter med navne på 1 til {limit} tegn',
        "en": 'expected a list of {{"name": "..."}} objects, names of 1 to {limit} characters',
    },
    "importmsg.zalando_quadrant": {
        "da": "'{value}' er ikke en kvadrant; brug 0 til {last} ({names})",
        "en": "'{value}' is not a quadrant; expected 0 to {last} ({names})",
    },
    "importmsg.zalando_ring": {
        "da": "'{value}' er ikke en ring; brug 0 (den inderste) til {last}",
        "en": "'{value}' is not a ring; expected 0 (the innermost) to {last}",
    },
    "importmsg.duplicate": {
        "da": "'{technology}' står også i række {row}: en teknologi kan kun stå én gang på "
        "radaren for {area}",
        "en": "'{technology}' is also in row {row}: a technology can be on the radar of {area} "
        "once",
    },
    "importmsg.differs": {
        "da": "afviger fra række {row} for samme teknologi '{technology}'; en teknologi har samme "
        "{column} i alle fagområder",
        "en": "differs from row {row} for the same technology '{technology}'; a technology has "
        "one {column} in every area",
    },
    "importmsg.reason_not_stored": {
        "da": "gemmes ikke: ringen {ring} er den beregnede, så den skal ikke begrundes",
        "en": "not stored: the ring {ring} is the computed one, so it needs no reason",
    },
    "importmsg.reason_missing": {
        "da": "er tom, men ringen {ring} afviger fra den beregnede ring {computed} (score "
        "{score}); skriv hvorfor, eller lad ringen stå tom",
        "en": "is empty, but the ring {ring} differs from the computed ring {computed} (score "
        "{score}); say why, or leave the ring empty",
    },
    "importmsg.not_an_edition": {
        "da": "'{value}' er ikke en udgave; brug et positivt helt tal (et årstal eller et "
        "løbenummer for en radar, der udkommer flere gange om året)",
        "en": "'{value}' is not an edition; expected a positive whole number (a year, or a "
        "running number for a radar published several times a year)",
    },
    "importmsg.not_a_format": {
        "da": "'{value}' er ikke et format; brug et af {formats}",
        "en": "'{value}' is not a format; expected one of {formats}",
    },
    "importmsg.title_length": {
        "da": "skal være 1 til {limit} tegn",
        "en": "must be 1 to {limit} characters",
    },
    "importmsg.not_a_date": {"da": "skal være en dato", "en": "expected a date"},
    "importmsg.kept_newer": {
        "da": "beholdt tekster og kategorier for {count} teknologier, der er vurderet i en nyere "
        "udgave end {edition}: {shown}",
        "en": "kept the texts and categories of {count} technologies assessed in an edition "
        "newer than {edition}: {shown}",
    },
    "importmsg.kept_for_draft": {
        "da": "beholdt de udgivne tekster og kategorier for {count} teknologier, fordi udgave "
        "{edition} er en kladde: {shown}. Ret dem på siden Rediger, når kladden er udgivet",
        "en": "kept the published texts and categories of {count} technologies, because edition "
        "{edition} is a draft: {shown}. Change them on the edit page when the draft is published",
    },
    "importmsg.too_many_categories": {
        "da": "importen kræver {count} nye kategorier ({names}) ud over de {existing}, databasen "
        "har; radaren kan højst vise {limit}. Importér sådan en radar i en database for sig "
        "(python -m radar import --db …)",
        "en": "the import needs {count} new categories ({names}) besides the {existing} the "
        "database has; the radar draws at most {limit}. Import such a radar into a database of "
        "its own with --db",
    },
    "importmsg.stale": {
        "da": "databasen er ændret, efter filen blev tjekket; tjek filen igen",
        "en": "the database changed after the file was checked; check the file again",
    },
    # --- import ---
    "import.summary": {
        "da": "Udgave {edition}, {area}: {added} tilføjet, {changed} ændret, {removed} fjernet, "
        "{unchanged} uændret",
        "en": "Edition {edition}, {area}: {added} added, {changed} changed, {removed} removed, "
        "{unchanged} unchanged",
    },
    "import.technologies": {
        "da": "Teknologier: {added} nye, {changed} ændrede, {unchanged} uændrede, {removed} ikke "
        "længere på radaren",
        "en": "Technologies: {added} new, {changed} changed, {unchanged} unchanged, {removed} no "
        "longer on the radar",
    },
    "import.edition_new": {
        "da": "Ny udgave {edition}: {title} ({status}, {published})",
        "en": "New edition {edition}: {title} ({status}, {published})",
    },
    "import.status.draft": {"da": "kladde", "en": "draft"},
    "import.status.published": {"da": "udgivet", "en": "published"},
    "import.sectors_new": {
        "da": "{count} nye kategorier: {names}",
        "en": "{count} new categories: {names}",
    },
    "import.note": {"da": "Bemærk: {note}", "en": "Note: {note}"},
    "import.dry_run": {
        "da": "Prøvekørsel: intet er skrevet.",
        "en": "Dry run: nothing was written.",
    },
    "import.nothing": {
        "da": "Intet at ændre: databasen har allerede filens indhold.",
        "en": "Nothing to change: the database already holds the file's content.",
    },
    "import.done": {
        "da": "Importeret fra {file} til {db}.",
        "en": "Imported from {file} into {db}.",
    },
    "import.created_db": {
        "da": "Ny, tom radardatabase oprettet: {db}",
        "en": "Created a new, empty radar database: {db}",
    },
    "import.problems": {
        "da": "fejl: {count} problem(er) i {file}; intet er importeret:",
        "en": "error: {count} problem(s) in {file}; nothing was imported:",
    },
    "import.no_file": {
        "da": "fejl: filen {file} findes ikke",
        "en": "error: the file {file} does not exist",
    },
    "import.unreadable": {
        "da": "fejl: filen {file} kan ikke læses: {reason}",
        "en": "error: cannot read the file {file}: {reason}",
    },
    # --- illustrative-data notice (pages/editions.py) ---
    "editing.illustrative.title": {"da": "Note om eksempeldata", "en": "Example-data notice"},
    "editing.illustrative.label": {
        "da": "Vis på radaren og i alle eksporter, at tallene er illustrative eksempeldata",
        "en": "Show on the radar and in every export that the figures are illustrative example "
        "data",
    },
    "editing.illustrative.help": {
        "da": "Slå den fra, når radaren rummer jeres egne, rigtige vurderinger.",
        "en": "Turn it off when the radar holds your own, real assessments.",
    },
    "editing.illustrative.reason": {"da": "Begrundelse", "en": "Reason"},
    "editing.illustrative.save": {"da": "Gem", "en": "Save"},
    "editing.illustrative.saved": {"da": "Gemt.", "en": "Saved."},
    # --- editing ---
    "editing.title": {"da": "Rediger radaren", "en": "Edit the radar"},
    "editing.pick": {"da": "Teknologi", "en": "Technology"},
    "editing.pick.placeholder": {
        "da": "Vælg en teknologi, eller opret en ny …",
        "en": "Choose a technology, or add a new one …",
    },
    "editing.pick.new": {"da": "＋ Ny teknologi", "en": "＋ New technology"},
    "editing.pick.retired": {"da": "{name} (udfaset)", "en": "{name} (retired)"},
    "editing.choose": {
        "da": "Vælg den teknologi, du vil rette, eller »Ny teknologi«.",
        "en": "Choose the technology to edit, or “New technology”.",
    },
    "editing.unknown": {
        "da": "Der findes ingen teknologi med id'et »{id}«.",
        "en": "There is no technology with the id “{id}”.",
    },
    "editing.retired_badge": {
        "da": "Udfaset: føres ikke med i nye udgaver.",
        "en": "Retired: not carried into new editions.",
    },
    "editing.tab.texts": {"da": "Tekster og kategori", "en": "Texts and category"},
    "editing.tab.assessments": {"da": "Vurderinger", "en": "Assessments"},
    "editing.tab.cases": {"da": "Eksempler", "en": "Examples"},
    "editing.tab.retire": {"da": "Udfasning", "en": "Retirement"},
    "editing.reason": {"da": "Begrundelse (påkrævet)", "en": "Reason (required)"},
    "editing.reason.help": {
        "da": "Hvorfor ændringen er lavet. Står i ændringsloggen.",
        "en": "Why the change is made. Shown in the change log.",
    },
    "editing.save": {"da": "Gem", "en": "Save"},
    "editing.saved": {"da": "Gemt.", "en": "Saved."},
    "editing.confirm": {"da": "Ja, jeg er sikker", "en": "Yes, I am sure"},
    "editing.confirm_missing": {
        "da": "Sæt flueben ved »Ja, jeg er sikker« for at fortsætte.",
        "en": "Tick “Yes, I am sure” to continue.",
    },
    "editing.conflict": {
        "da": "En anden har gemt en ændring, efter du åbnede posten. Intet er overskrevet: "
        "sammenlign de to versioner, hent den gemte version, og lav din ændring igen.",
        "en": "Someone else saved a change after you opened this record. Nothing was "
        "overwritten: compare the two versions, load the saved version and make your change "
        "again.",
    },
    "editing.conflict.removed": {
        "da": "En anden har fjernet posten, efter du åbnede den. Intet er gemt.",
        "en": "Someone else removed this record after you opened it. Nothing was saved.",
    },
    "editing.conflict.same": {
        "da": "Den gemte version er den samme som din.",
        "en": "The saved version is the same as yours.",
    },
    "editing.conflict.field": {"da": "Felt", "en": "Field"},
    "editing.conflict.theirs": {"da": "Gemt af en anden", "en": "Saved by someone else"},
    "editing.conflict.yours": {"da": "Din version", "en": "Your version"},
    "editing.conflict.reload": {"da": "Hent den gemte version", "en": "Load the saved version"},
    "editing.value.empty": {"da": "(tom)", "en": "(empty)"},
    "editing.value.removed": {"da": "(fjernet)", "en": "(removed)"},
    "editing.value.yes": {"da": "Ja", "en": "Yes"},
    "editing.value.no": {"da": "Nej", "en": "No"},
    # The technology's texts and category
    "editing.texts.help": {
        "da": "Engelske tekster kan stå tomme; så vises de danske.",
        "en": "English texts may be left empty; the Danish ones are shown instead.",
    },
    # A new technology
    "editing.new.title": {"da": "Ny teknologi", "en": "New technology"},
    "editing.new.id": {"da": "Id (valgfrit)", "en": "Id (optional)"},
    "editing.new.id.help": {
        "da": "Bruges i adresser (?tech=…). Tomt: dannes af det danske navn.",
        "en": "Used in addresses (?tech=…). Empty: made from the Danish name.",
    },
    "editing.new.save": {"da": "Opret teknologi", "en": "Add technology"},
    "editing.new.saved": {
        "da": "Teknologien »{name}« er oprettet.",
        "en": "The technology “{name}” has been added.",
    },
    # Assessments
    "editing.assess.edition": {"da": "Udgave", "en": "Edition"},
    "editing.assess.draft": {"da": "{year} (kladde)", "en": "{year} (draft)"},
    "editing.assess.overview": {
        "da": "Vurderinger i {edition}",
        "en": "Assessments in {edition}",
    },
    "editing.assess.none": {
        "da": "Teknologien er ikke vurderet i nogen fagområder i {edition}.",
        "en": "The technology is not assessed in any welfare area in {edition}.",
    },
    "editing.assess.area": {"da": "Fagområde", "en": "Welfare area"},
    "editing.assess.new": {
        "da": "Ikke vurderet her endnu. Udfyld og tilføj vurderingen.",
        "en": "Not assessed here yet. Fill in and add the assessment.",
    },
    "editing.assess.retired": {
        "da": "Teknologien er udfaset og kan ikke vurderes i nye fagområder. Genaktivér den "
        "under »Udfasning« først.",
        "en": "The technology is retired and cannot be assessed in new areas. Bring it back "
        "under “Retirement” first.",
    },
    "editing.assess.scored": {"da": "Vurderet med tal", "en": "Assessed with scores"},
    "editing.assess.scored.help": {
        "da": "Slået fra: ingen tal, kun en angiven ring (fx fra en importeret radar).",
        "en": "Off: no scores, only a stated ring (e.g. from an imported radar).",
    },
    "editing.assess.no_override": {
        "da": "Ingen (brug den beregnede ring)",
        "en": "None (use the computed ring)",
    },
    "editing.assess.stated_ring": {"da": "Ring", "en": "Ring"},
    "editing.assess.choose_ring": {"da": "Vælg ringen", "en": "Choose the ring"},
    "editing.assess.preview": {
        "da": "Tallene giver ringen {ring}.",
        "en": "The scores give the ring {ring}.",
    },
    "editing.assess.preview_override": {
        "da": "Med tilsidesættelsen vises teknologien i {ring}.",
        "en": "With the override the technology is shown in {ring}.",
    },
    "editing.assess.preview_stated": {
        "da": "Uden tal vises teknologien i den angivne ring: {ring}.",
        "en": "Without scores the technology is shown in the stated ring: {ring}.",
    },
    "editing.assess.preview_none": {
        "da": "Uden tal skal ringen angives.",
        "en": "Without scores the ring must be stated.",
    },
    "editing.assess.sum": {
        "da": "Andelene giver {total} %; de skal give 100 %.",
        "en": "The shares add up to {total} %; they must add up to 100 %.",
    },
    "editing.assess.add": {"da": "Tilføj vurdering", "en": "Add assessment"},
    "editing.assess.remove": {"da": "Fjern vurderingen", "en": "Remove the assessment"},
    "editing.assess.removed": {
        "da": "Vurderingen er fjernet.",
        "en": "The assessment was removed.",
    },
    "editing.assess.column.ring": {"da": "Ring", "en": "Ring"},
    "editing.assess.column.computed": {"da": "Beregnet ring", "en": "Computed ring"},
    # Example cases
    "editing.cases.none": {
        "da": "Teknologien har ingen eksempler endnu.",
        "en": "The technology has no examples yet.",
    },
    "editing.cases.new": {"da": "Nyt eksempel", "en": "New example"},
    "editing.cases.add": {"da": "Tilføj eksempel", "en": "Add example"},
    "editing.cases.added": {"da": "Eksemplet er tilføjet.", "en": "The example was added."},
    "editing.cases.remove": {"da": "Fjern eksemplet", "en": "Remove the example"},
    "editing.cases.removed": {"da": "Eksemplet er fjernet.", "en": "The example was removed."},
    # Retirement
    "editing.retire.explain": {
        "da": "En udfaset teknologi beholder sin offentliggjorte historik, men føres ikke med i "
        "nye udgaver, og dens vurderinger i kladder fjernes.",
        "en": "A retired technology keeps its published history, but is not carried into new "
        "editions, and its assessments in drafts are removed.",
    },
    "editing.retire.button": {"da": "Udfas teknologien", "en": "Retire the technology"},
    "editing.retire.done": {"da": "Teknologien er udfaset.", "en": "The technology is retired."},
    "editing.unretire.explain": {
        "da": "Teknologien er udfaset. Genaktiveret kan den igen vurderes i nye udgaver.",
        "en": "The technology is retired. Brought back, it can be assessed in new editions again.",
    },
    "editing.unretire.button": {"da": "Genaktivér teknologien", "en": "Bring the technology back"},
    "editing.unretire.done": {
        "da": "Teknologien er genaktiveret.",
        "en": "The technology is back.",
    },
    # Editions
    "editing.editions.title": {"da": "Udgaver", "en": "Editions"},
    "editing.editions.column.year": {"da": "Udgave", "en": "Edition"},
    "editing.editions.column.title": {"da": "Titel", "en": "Title"},
    "editing.editions.column.status": {"da": "Status", "en": "Status"},
    "editing.editions.column.published": {"da": "Udgivelsesdato", "en": "Publication date"},
    "editing.editions.column.assessments": {"da": "Vurderinger", "en": "Assessments"},
    "editing.editions.column.technologies": {"da": "Teknologier", "en": "Technologies"},
    "editing.status.draft": {"da": "Kladde", "en": "Draft"},
    "editing.status.published": {"da": "Udgivet", "en": "Published"},
    "editing.start.title": {
        "da": "Start udgave {year} som kladde",
        "en": "Start edition {year} as a draft",
    },
    "editing.start.explain": {
        "da": "Kladden kopierer alle vurderinger fra {source}, undtagen udfasede teknologier. "
        "Kun redaktører ser den, indtil den udgives.",
        "en": "The draft copies every assessment of {source}, except retired technologies. "
        "Only editors see it until it is published.",
    },
    "editing.start.no_source": {
        "da": "Der er ingen udgivet udgave med vurderinger at kopiere.",
        "en": "There is no published edition with assessments to copy.",
    },
    "editing.start.done": {
        "da": "Udgave {year} er startet som kladde.",
        "en": "Edition {year} has been started as a draft.",
    },
    "editing.draft.title": {"da": "Kladde: {title}", "en": "Draft: {title}"},
    "editing.draft.only_editors": {
        "da": "Kun redaktører kan se kladden. Seerne ser den først, når den er udgivet.",
        "en": "Only editors can see the draft. Viewers see it once it is published.",
    },
    "editing.draft.preview": {"da": "Forhåndsvisning", "en": "Preview"},
    "editing.draft.empty_area": {
        "da": "Kladden har ingen vurderinger i dette fagområde.",
        "en": "The draft has no assessments in this welfare area.",
    },
    "editing.draft.edit_link": {
        "da": "Rediger kladdens vurderinger",
        "en": "Edit the draft's assessments",
    },
    "editing.draft.publish": {"da": "Udgiv {year}", "en": "Publish {year}"},
    "editing.draft.publish.explain": {
        "da": "Når udgaven er udgivet, kan alle se den, og den bliver radarens nyeste udgave.",
        "en": "Once published, everyone can see the edition, and it becomes the radar's newest.",
    },
    "editing.draft.published": {
        "da": "Udgave {year} er udgivet.",
        "en": "Edition {year} has been published.",
    },
    "editing.draft.discard": {"da": "Kassér kladde", "en": "Discard draft"},
    "editing.draft.discard.explain": {
        "da": "Kladden og alle dens vurderinger fjernes. De udgivne udgaver røres ikke.",
        "en": "The draft and all its assessments are removed. Published editions are untouched.",
    },
    "editing.draft.discarded": {
        "da": "Kladden til {year} er kasseret.",
        "en": "The draft for {year} has been discarded.",
    },
    # The change log (pages/technology.py)
    "editing.log.title": {"da": "Ændringslog", "en": "Change log"},
    "editing.log.empty": {
        "da": "Der er ikke registreret nogen ændringer af denne teknologi.",
        "en": "No changes to this technology have been recorded.",
    },
    "editing.log.caption": {
        "da": "Nyeste først. Tidspunkter i dansk tid.",
        "en": "Newest first. Times in Danish time.",
    },
    "editing.log.when": {"da": "Tidspunkt", "en": "When"},
    "editing.log.what": {"da": "Hvad", "en": "What"},
    "editing.log.field": {"da": "Felt", "en": "Field"},
    "editing.log.old": {"da": "Før", "en": "Before"},
    "editing.log.new": {"da": "Efter", "en": "After"},
    "editing.log.reason": {"da": "Begrundelse", "en": "Reason"},
    "editing.log.editor": {"da": "Redaktør", "en": "Editor"},
    "editing.log.whole": {"da": "(hele posten)", "en": "(whole record)"},
    "editing.action.add": {"da": "Tilføjet", "en": "Added"},
    "editing.action.change": {"da": "Ændret", "en": "Changed"},
    "editing.action.retire": {"da": "Udfaset", "en": "Retired"},
    "editing.action.remove": {"da": "Fjernet", "en": "Removed"},
    "editing.action.publish": {"da": "Udgivet", "en": "Published"},
    "editing.entity.technology": {"da": "teknologi", "en": "technology"},
    "editing.entity.assessment": {
        "da": "vurdering {edition}, {area}",
        "en": "assessment {edition}, {area}",
    },
    "editing.entity.case": {"da": "eksempel {key}", "en": "example {key}"},
    "editing.entity.edition": {"da": "udgave {key}", "en": "edition {key}"},
    "editing.entity.draft": {"da": "{edition} (kladde)", "en": "{edition} (draft)"},
    # Field names, for errors, conflicts and the change log
    "editing.field.id": {"da": "Id", "en": "Id"},
    "editing.field.sector": {"da": "Kategori", "en": "Category"},
    "editing.field.name_da": {"da": "Navn (dansk)", "en": "Name (Danish)"},
    "editing.field.name_en": {"da": "Navn (engelsk)", "en": "Name (English)"},
    "editing.field.summary_da": {
        "da": "Beskrivelse på én linje (dansk)",
        "en": "One-line description (Danish)",
    },
    "editing.field.summary_en": {
        "da": "Beskrivelse på én linje (engelsk)",
        "en": "One-line description (English)",
    },
    "editing.field.description_da": {
        "da": "Uddybende tekst (dansk)",
        "en": "Longer description (Danish)",
    },
    "editing.field.description_en": {
        "da": "Uddybende tekst (engelsk)",
        "en": "Longer description (English)",
    },
    "editing.field.retired": {"da": "Udfaset", "en": "Retired"},
    "editing.field.edition": {"da": "Udgave", "en": "Edition"},
    "editing.field.area": {"da": "Fagområde", "en": "Welfare area"},
    "editing.field.technology": {"da": "Teknologi", "en": "Technology"},
    "editing.field.maturity_trl": {"da": "Modenhed (TRL 1-9)", "en": "Maturity (TRL 1-9)"},
    "editing.field.share_operation": {"da": "I drift (%)", "en": "In operation (%)"},
    "editing.field.share_pilot": {"da": "Afprøver (%)", "en": "Piloting (%)"},
    "editing.field.share_considering": {"da": "Overvejer (%)", "en": "Considering (%)"},
    "editing.field.share_not_considering": {
        "da": "Overvejer ikke (%)",
        "en": "Not considering (%)",
    },
    "editing.field.shares": {"da": "Andelene", "en": "The shares"},
    "editing.field.ring_override": {"da": "Tilsidesat ring", "en": "Ring override"},
    "editing.field.override_reason": {
        "da": "Begrundelse for ringen",
        "en": "Reason for the ring",
    },
    "editing.field.municipality": {"da": "Kommune", "en": "Municipality"},
    "editing.field.year": {"da": "År", "en": "Year"},
    "editing.field.title_da": {"da": "Titel (dansk)", "en": "Title (Danish)"},
    "editing.field.title_en": {"da": "Titel (engelsk)", "en": "Title (English)"},
    "editing.field.text_da": {"da": "Tekst (dansk)", "en": "Text (Danish)"},
    "editing.field.text_en": {"da": "Tekst (engelsk)", "en": "Text (English)"},
    "editing.field.source_url": {"da": "Kilde (link)", "en": "Source (link)"},
    "editing.field.published": {"da": "Udgivelsesdato", "en": "Publication date"},
    "editing.field.status": {"da": "Status", "en": "Status"},
    "editing.field.reason": {"da": "Begrundelse", "en": "Reason"},
    "editing.field.editor": {"da": "Redaktør", "en": "Editor"},
    "editing.field.changes": {"da": "Ændringer", "en": "Changes"},
    # Validation errors: {field} is the field's name above
    "editing.error.required": {"da": "{field}: skal udfyldes.", "en": "{field}: is required."},
    "editing.error.not_text": {"da": "{field}: skal være tekst.", "en": "{field}: must be text."},
    "editing.error.too_long": {
        "da": "{field}: må højst være {max} tegn.",
        "en": "{field}: may be at most {max} characters.",
    },
    "editing.error.not_integer": {
        "da": "{field}: skal være et helt tal.",
        "en": "{field}: must be a whole number.",
    },
    "editing.error.not_editable": {
        "da": "{field}: kan ikke ændres her.",
        "en": "{field}: cannot be changed here.",
    },
    "editing.error.not_slug": {
        "da": "{field}: kun små bogstaver a-z, tal og bindestreger, fx »{suggestion}«.",
        "en": "{field}: only lower-case letters a-z, digits and hyphens, e.g. “{suggestion}”.",
    },
    "editing.error.no_id": {
        "da": "{field}: skal indeholde bogstaver eller tal, så der kan dannes et id.",
        "en": "{field}: must contain letters or digits, so an id can be made from it.",
    },
    "editing.error.exists": {
        "da": "{field}: »{value}« findes allerede.",
        "en": "{field}: “{value}” exists already.",
    },
    "editing.error.unknown": {
        "da": "{field}: »{value}« findes ikke.",
        "en": "{field}: “{value}” does not exist.",
    },
    "editing.error.no_changes": {
        "da": "Der er ingen ændringer at gemme.",
        "en": "There are no changes to save.",
    },
    "editing.error.already_retired": {
        "da": "Teknologien er allerede udfaset.",
        "en": "The technology is retired already.",
    },
    "editing.error.not_retired": {
        "da": "Teknologien er ikke udfaset.",
        "en": "The technology is not retired.",
    },
    "editing.error.retired": {
        "da": "{field}: er udfaset og kan ikke vurderes. Genaktivér den først.",
        "en": "{field}: is retired and cannot be assessed. Bring it back first.",
    },
    "editing.error.scores_partial": {
        "da": "{field}: mangler. Giv enten alle fem tal (TRL og fire andele) eller ingen.",
        "en": "{field}: is missing. Give either all five scores (TRL and four shares) or none.",
    },
    "editing.error.trl_range": {
        "da": "{field}: skal være mellem {min} og {max}.",
        "en": "{field}: must be between {min} and {max}.",
    },
    "editing.error.share_range": {
        "da": "{field}: skal være mellem 0 og 100.",
        "en": "{field}: must be between 0 and 100.",
    },
    "editing.error.shares_sum": {
        "da": "{field} giver {total} %; de skal give 100 %.",
        "en": "{field} add up to {total} %; they must add up to 100 %.",
    },
    "editing.error.override_reason": {
        "da": "{field}: skal udfyldes, når ringen afviger fra den beregnede.",
        "en": "{field}: is required when the ring differs from the computed one.",
    },
    "editing.error.ring_required": {
        "da": "{field}: uden tal skal ringen angives.",
        "en": "{field}: without scores the ring must be stated.",
    },
    "editing.error.stated_reason": {
        "da": "{field}: uden tal skal det stå, hvor ringen kommer fra.",
        "en": "{field}: without scores, say where the ring comes from.",
    },
    "editing.error.year_range": {
        "da": "{field}: skal være mellem {min} og {max}.",
        "en": "{field}: must be between {min} and {max}.",
    },
    "editing.error.url": {
        "da": "{field}: skal være et link, der begynder med https:// eller http://.",
        "en": "{field}: must be a link starting with https:// or http://.",
    },
    "editing.error.not_date": {
        "da": "{field}: skal være en dato (ÅÅÅÅ-MM-DD).",
        "en": "{field}: must be a date (YYYY-MM-DD).",
    },
    "editing.error.edition_order": {
        "da": "{field}: en ny udgave skal ligge efter den nyeste, {latest}.",
        "en": "{field}: a new edition must come after the newest, {latest}.",
    },
    "editing.error.no_source": {
        "da": "Der er ingen udgivet udgave med vurderinger at kopiere.",
        "en": "There is no published edition with assessments to copy.",
    },
    "editing.error.not_draft": {
        "da": "Udgave {value} er ikke en kladde.",
        "en": "Edition {value} is not a draft.",
    },
    "editing.error.empty_draft": {
        "da": "Kladden til {value} har ingen vurderinger og kan ikke udgives.",
        "en": "The draft for {value} has no assessments and cannot be published.",
    },
}


def t(key: str, lang: Lang = DEFAULT_LANG, /, **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``.

    ``key`` and ``lang`` are positional-only, so a placeholder may be called
    ``key`` or ``lang`` without clashing with them.

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
