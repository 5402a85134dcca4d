"""Colours and sizes: every visual constant of the radar lives here.

The palette is Okabe-Ito, chosen because it stays distinguishable under the
common forms of colour blindness; colour is never the only cue (blips carry a
number, sit in a labelled wedge and are listed in the legend by sector).
"""

from __future__ import annotations

from typing import Final

# --- Sector colours (Okabe-Ito), assigned by sector position, not by id, so
# an imported radar with other sector ids still gets distinct colours.
SECTOR_COLOURS: Final[tuple[str, ...]] = (
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#F0E442",  # yellow
    "#000000",  # black
    # Beyond Okabe-Ito's eight (radars of up to 12 categories, as the layout
    # draws): Paul Tol's muted colours, told apart from the eight above.
    "#882255",  # wine
    "#44AA99",  # teal
    "#999933",  # olive
    "#332288",  # indigo
)

# --- Ring bands: light to dark grey from the outside in, so the mature centre
# reads as "closest" even in greyscale print.
RING_FILLS: Final[tuple[str, ...]] = (
    "#DDE3EA",
    "#E6EAEF",
    "#EEF1F4",
    "#F5F7F9",
    "#FAFBFC",
    "#FFFFFF",
)
# Dark enough for 3:1 against every ring band (WCAG 1.4.11, graphics).
RING_LINE: Final[str] = "#6B7785"
SECTOR_LINE: Final[str] = "#FFFFFF"
TEXT: Final[str] = "#1F2933"
MUTED_TEXT: Final[str] = "#52606D"
BACKGROUND: Final[str] = "#FFFFFF"
BLIP_TEXT: Final[str] = "#FFFFFF"
BLIP_OUTLINE: Final[str] = "#1F2933"
SELECTED_OUTLINE: Final[str] = "#000000"
OVERFLOW_FILL: Final[str] = "#52606D"

# Opacity of blips that do not match the free-text search: dimmed, still there,
# so the radar never re-lays out while someone types.
DIMMED_OPACITY: Final[float] = 0.18

# --- Layout geometry, in radar units (outer edge of the radar = 1.0).
# Blip radius used when a cell has room; crowded cells shrink their blips
# step by step down to MIN_BLIP_RADIUS, then hide the rest behind "+N".
DEFAULT_BLIP_RADIUS: Final[float] = 0.032
MIN_BLIP_RADIUS: Final[float] = 0.012
# Clearance kept between a blip and the ring and sector borders of its cell,
# as a fraction of the blip radius.
BORDER_CLEARANCE: Final[float] = 0.35
# Smallest gap between two blips of a cell, as a fraction of the blip radius,
# so that neighbouring outlines never touch.
BLIP_GAP: Final[float] = 0.15
# Half-width of the ring-label band along one sector border (radar units): no
# blip may lie in it, so nothing covers the ring names. A figure whose labels
# need more (a phone's 11 px names) lays its blips out with a wider band.
LABEL_BAND_HALF_WIDTH: Final[float] = 0.03

# --- Figure sizes in pixels.
FIGURE_HEIGHT: Final[int] = 700
FIGURE_MARGIN: Final[int] = 10
RING_LABEL_SIZE: Final[int] = 13
SECTOR_LABEL_SIZE: Final[int] = 15
BLIP_NUMBER_SIZE: Final[int] = 10
# Hover/click targets are at least this many pixels across, for fingertips.
MIN_TOUCH_TARGET: Final[int] = 14
# Phones get a shorter figure (when the caller does not give its width) and a
# key of the sectors under the disc, in type this much smaller.
COMPACT_FIGURE_HEIGHT: Final[int] = 560
COMPACT_SCALE: Final[float] = 0.8
# No label or number is drawn smaller than this many pixels (blip numbers
# included: a crowded cell hides blips behind "+N" rather than shrink them).
MIN_FONT: Final[float] = 11.0
# Labels grow with the disc: at LABEL_BASE_DISC pixels across they have their
# base sizes above, scaled within LABEL_GROWTH for smaller and larger discs.
LABEL_BASE_DISC: Final[float] = 560.0
LABEL_GROWTH: Final[tuple[float, float]] = (0.85, 1.5)
# Room round the disc (radar units) for the outer ring line and outlines.
DISC_RIM: Final[float] = 0.012
# A figure whose width the caller does not know is this much wider than high.
FIGURE_ASPECT: Final[float] = 1.5 / 1.3
# Each side of the disc keeps a column of this many em of the sector label
# font for the sector names; a narrower figure shrinks the disc, to at least
# MIN_DISC_SHARE of its height.
SECTOR_COLUMN_EM: Final[float] = 7.0
MIN_DISC_SHARE: Final[float] = 0.5
# Gap (pixels) between the disc and the sector names beside it.
SECTOR_LABEL_GAP: Final[float] = 8.0
# The compact key under the disc: line height in em, gap above it in pixels.
KEY_LINE_EM: Final[float] = 1.45
KEY_GAP: Final[float] = 8.0
# Ring names in their band: room (pixels) kept from the ring lines; the inner
# ring's name starts this far out of the centre (fraction of its radius),
# where the wedges have room.
RING_LABEL_PAD: Final[float] = 3.0
RING_LABEL_START: Final[float] = 0.3
# The widest band (radar units) a figure may reserve for its ring names.
MAX_LABEL_BAND: Final[float] = 0.12
# Blip numbers: the share of the blip's inner circle a number's box may fill,
# and the largest font per pixel of blip radius (so one digit does not dwarf
# its blip).
NUMBER_FIT: Final[float] = 0.92
NUMBER_MAX_EM_PER_RADIUS: Final[float] = 2.0
# Blips whose fill has less than 3:1 contrast with the ring band get a dark
# outline of this width (WCAG 1.4.11); the others a thin white one.
BLIP_OUTLINE_WIDTH: Final[float] = 1.5
GRAPHIC_CONTRAST: Final[float] = 3.0

# --- Movement since the previous edition: each kind has its own blip shape,
# drawn inside the blip's circle so the layout's no-overlap guarantee holds.
# Text marks for the legend, the table and the command line; the radar points
# its triangles at (in) or away from (out) the centre.
MOVEMENT_MARKS: Final[dict[str, str]] = {
    "new": "★",
    "in": "▲",
    "out": "▼",
    "same": "●",
    "dropped": "✕",
}
# Outer size of each shape in blip radii. A triangle inscribed in the blip's
# circle has a quarter of its area, too small to read a number in. At 1.3 a
# shape stays inside the border clearance (1 + BORDER_CLEARANCE) and at most
# touches a neighbouring circle (centres are 2 * (1 + BLIP_GAP) radii apart);
# only two tips pointing straight at each other could overlap, by a sliver.
SHAPE_SIZE: Final[dict[str, float]] = {"new": 1.3, "in": 1.3, "out": 1.3, "same": 1.0}
# A star's inner corners as a fraction of its outer radius: fat enough to hold
# a number.
STAR_INNER_RATIO: Final[float] = 0.62
# Numbers in stars and triangles sit in a smaller inner circle than in a disc.
SHAPE_NUMBER_SCALE: Final[dict[str, float]] = {"new": 0.85, "in": 0.8, "out": 0.8, "same": 1.0}
# Trails from a blip's earlier position on the comparison page.
TRAIL_COLOUR: Final[str] = "#52606D"
TRAIL_WIDTH: Final[float] = 1.5
TRAIL_HEAD_SIZE: Final[float] = 9.0

# --- Technology page charts (radar.drawing.charts): a technology's ring and scores
# over the editions. Areas get Okabe-Ito colours by area position, so colour
# never depends on area ids; the combined radar is the thick dashed black line.
AREA_COLOURS: Final[tuple[str, ...]] = SECTOR_COLOURS[:7]  # black is the combined line
COMBINED_COLOUR: Final[str] = "#000000"
COMBINED_LINE_WIDTH: Final[float] = 3.5
COMBINED_DASH: Final[str] = "dash"
AREA_LINE_WIDTH: Final[float] = 2.0
TIMELINE_MARKER_SIZE: Final[int] = 9
# Areas in the same ring would draw on top of each other: each is lifted by
# this much (in ring bands; a band is 1.0), centred on the band's middle.
TIMELINE_AREA_OFFSET: Final[float] = 0.07
# Every other ring band is shaded, so a line's ring reads at a glance.
TIMELINE_BAND_FILL: Final[str] = "#F0F3F6"
TIMELINE_HEIGHT: Final[int] = 380
SCORE_CHART_HEIGHT: Final[int] = 340
CHART_MARGIN: Final[dict[str, int]] = {"l": 10, "r": 10, "t": 10, "b": 10}
# Maturity, spread and their average (the score that sets the ring).
SCORE_COLOURS: Final[dict[str, str]] = {
    "maturity": "#0072B2",
    "spread": "#D55E00",
    "score": "#000000",
}
SCORE_DASHES: Final[dict[str, str]] = {"maturity": "dot", "spread": "dashdot", "score": "solid"}
# The rings' score cut-offs: faint guides, not data.
CUTOFF_LINE: Final[str] = "#9AA5B1"
CUTOFF_LINE_WIDTH: Final[float] = 1.0
CUTOFF_LABEL_SIZE: Final[int] = 11
CHART_TITLE_SIZE: Final[int] = 14
# Top margin of a chart with a title: room for one line of CHART_TITLE_SIZE.
CHART_TITLE_MARGIN: Final[int] = 40

# --- Overview across areas (pages/overview.py). The heatmap of blips per area
# and ring uses a sequential blue scale (ColorBrewer "Blues"), light to dark and
# monotonic in lightness, so more reads as darker in greyscale print too; the
# count is written in every cell.
HEATMAP_COLOURS: Final[tuple[str, ...]] = ("#F7FBFF", "#C6DBEF", "#6BAED6", "#2171B5", "#08306B")
HEATMAP_ROW_HEIGHT: Final[int] = 48
# Room above the cells for the ring names, which sit on top like a table header.
HEATMAP_HEADER_HEIGHT: Final[int] = 36
HEATMAP_TEXT_SIZE: Final[int] = 16
# Area and ring names beside and above the cells, and the hover label.
HEATMAP_LABEL_SIZE: Final[int] = 13
# White lines between cells, in pixels, so neighbouring equal shades stay apart.
HEATMAP_CELL_GAP: Final[int] = 3
# The matrix of rings tints each cell by its ring, darkest in the centre ring,
# so a row whose rings differ stands out; the ring's name is always in the cell.
# Light enough for TEXT to stay readable (contrast above 7:1 on the darkest).
MATRIX_RING_FILLS: Final[tuple[str, ...]] = (
    "#9ECAE1",
    "#BCD9EC",
    "#D6E7F4",
    "#E9F2FA",
    "#F4F8FC",
    "#FAFCFE",
)

# --- Presenter mode (pages/present.py): one radar on a 1920 × 1080 projector,
# read from the back of a room. Every label at least 24 px, dark on white.
PRESENTER_FIGURE_HEIGHT: Final[int] = 1000
# Multiplies the figure's fonts: ring labels 13 → 25 px, sector labels 15 → 28.5 px.
PRESENTER_SCALE: Final[float] = 1.9
# How far the presenter's type follows the figure's height away from PRESENTER_FIGURE_HEIGHT:
# down to 1024 × 768 and up past a 3840 × 2160 screen's 2,136 px.
PRESENTER_GROWTH_RANGE: Final[tuple[float, float]] = (0.7, 2.5)
# Half-width of the view in radar units: wider than the page's, for the larger
# sector labels beside the radar.
PRESENTER_X_EXTENT: Final[float] = 1.8
# Room around a focused (zoomed) sector's wedge, in radar units.
PRESENTER_FOCUS_MARGIN: Final[float] = 0.14
# The spotlighted blip: everything else fades, it gets a thick dark outline.
SPOTLIGHT_DIM_OPACITY: Final[float] = 0.15
# Numbers of the dimmed blips then fade too (MUTED_TEXT at low opacity).
SPOTLIGHT_DIM_NUMBER: Final[str] = "rgba(82, 96, 109, 0.3)"
SPOTLIGHT_OUTLINE: Final[str] = "#000000"
SPOTLIGHT_OUTLINE_WIDTH: Final[float] = 5.0
# The spotlighted blip is drawn this much larger (it may cover dimmed
# neighbours), with its name in a label beside it.
SPOTLIGHT_GROWTH: Final[float] = 1.6
SPOTLIGHT_LABEL_SIZE: Final[float] = 16.0
SPOTLIGHT_LABEL_BORDER: Final[str] = "#1F2933"
# High contrast (projectors wash colours out): darker, thicker ring lines,
# wider sector gaps and ring names in the text colour.
CONTRAST_RING_LINE: Final[str] = "#3E4C59"
CONTRAST_RING_LINE_WIDTH: Final[float] = 2.5
CONTRAST_SECTOR_LINE_WIDTH: Final[float] = 6.0
# The big-type panel beside the radar, in pixels.
PRESENTER_TITLE_SIZE: Final[int] = 48
PRESENTER_SUBTITLE_SIZE: Final[int] = 36
PRESENTER_BODY_SIZE: Final[int] = 32
PRESENTER_KICKER_SIZE: Final[int] = 26
PRESENTER_BUTTON_HEIGHT: Final[int] = 76
PRESENTER_BUTTON_TEXT_SIZE: Final[int] = 32
PRESENTER_CONTROL_TEXT_SIZE: Final[int] = 22
# Widths of the radar and the big-type panel beside it: at 1920 px the radar
# gets the about 1,380 px that PRESENTER_X_EXTENT asks for at full height.
PRESENTER_COLUMNS: Final[tuple[float, float]] = (2.9, 1.0)
# No sector or ring name on a projector (high contrast) below this many pixels:
# the disc shrinks first.
PRESENTER_MIN_LABEL: Final[float] = 24.0
# Blip numbers a little larger than their blips: readable across the room.
PRESENTER_NUMBER_SCALE: Final[float] = 1.3

# --- Data. Each dashboard process asks the database this often whether another
# process (a replica, the command line) changed the radar, and then reads it anew.
CONTENT_CHECK_SECONDS: Final[float] = 2.0

# --- Workshops (pages/workshop.py, pages/join.py). The facilitator's live view
# reads the answers afresh this often, without reloading the page.
WORKSHOP_REFRESH_SECONDS: Final[float] = 2.0
# The join code in big type, read off a laptop screen or a projector across a room.
WORKSHOP_CODE_SIZE: Final[int] = 44
WORKSHOP_PROJECTOR_CODE_SIZE: Final[int] = 60
# The QR code's width in pixels; a phone reads it from a few metres off a projector.
WORKSHOP_QR_WIDTH: Final[int] = 220
WORKSHOP_PROJECTOR_QR_WIDTH: Final[int] = 380
# The live chart of answers per ring: one row per technology.
WORKSHOP_CHART_ROW_HEIGHT: Final[int] = 30
WORKSHOP_PROJECTOR_ROW_HEIGHT: Final[int] = 40
WORKSHOP_CHART_HEADER_HEIGHT: Final[int] = 36
WORKSHOP_CHART_TEXT_SIZE: Final[int] = 14
WORKSHOP_PROJECTOR_TEXT_SIZE: Final[int] = 22
# Room right of the cells for the group's ring and the verdict, per text size.
WORKSHOP_VERDICT_MARGIN: Final[int] = 260
WORKSHOP_PROJECTOR_VERDICT_MARGIN: Final[int] = 420
# The official ring's cell is framed: a dark outline, readable in greyscale too.
WORKSHOP_OFFICIAL_OUTLINE: Final[str] = "#1F2933"
WORKSHOP_OFFICIAL_OUTLINE_WIDTH: Final[float] = 3.0
# The verdict beside each row, a mark and a colour per kind; the text says it
# too, so colour is never the only cue. Dark enough for 4.5:1 on white.
WORKSHOP_VERDICT_COLOURS: Final[dict[str, str]] = {
    "agrees": "#00684A",
    "split": "#A64B00",
    "too_few": "#52606D",
}
WORKSHOP_VERDICT_MARKS: Final[dict[str, str]] = {"agrees": "✓", "split": "↔", "too_few": "…"}
# The wall of comments: cards in columns, at most this many at once (the
# export has them all), so a big workshop does not slow the refresh.
WORKSHOP_WALL_COLUMNS: Final[int] = 3
WORKSHOP_WALL_LIMIT: Final[int] = 60
# Type sizes on the projector: the summary line and the comment cards.
WORKSHOP_PROJECTOR_SUMMARY_SIZE: Final[int] = 40
WORKSHOP_PROJECTOR_COMMENT_SIZE: Final[int] = 24
WORKSHOP_PROJECTOR_CAPTION_SIZE: Final[int] = 20
# The projector's live view and, beside it, the code and QR code: at 1920 px
# the side gets about 540 px, room for the code on one line.
WORKSHOP_PROJECTOR_COLUMNS: Final[tuple[float, float]] = (5.0, 2.0)
# The participant's page on a phone: one narrow column, finger-sized targets
# (at least 48 px, as the platform guidelines ask) and readable type.
WORKSHOP_PHONE_MAX_WIDTH: Final[int] = 640
WORKSHOP_TOUCH_TARGET: Final[int] = 48
WORKSHOP_PHONE_TEXT_SIZE: Final[int] = 18
#: The phone page's notice behind a message that nothing was saved (text on it 12:1).
WORKSHOP_PHONE_PROBLEM_FILL: Final[str] = "#FFF4E5"

# --- Exports (radar.exporting): pictures for slides and print, the web page and
# the PDF handout. The radar is laid out at about its size on the page and
# pictures rendered at twice that, so they look like the screen, sharp on a
# projector and on paper (the slide's own size: EXPORT_SLIDE_HEIGHT). Wider than tall: the category
# names beside the radar need the room (a square cuts them off or shrinks the radar).
EXPORT_FIGURE_WIDTH: Final[int] = 1000
EXPORT_FIGURE_HEIGHT: Final[int] = 800
EXPORT_IMAGE_SCALE: Final[int] = 2
# Title (area and edition) and subtitle (the illustrative-data notice) above it.
EXPORT_TITLE_SIZE: Final[int] = 20
EXPORT_SUBTITLE_SIZE: Final[int] = 13
EXPORT_TITLE_MARGIN: Final[int] = 80
# The page's font first; the fallbacks are fonts Debian installs with Chromium,
# all with æ, ø and å.
EXPORT_FONT_FAMILY: Final[str] = "Source Sans Pro, Arial, Liberation Sans, DejaVu Sans, sans-serif"
# The interactive web page: the radar at full width, this tall.
EXPORT_HTML_FIGURE_HEIGHT: Final[int] = 800
# The A4 handout: margins any office printer prints, type readable on paper,
# the radar almost the width of the page.
HANDOUT_PAGE_MARGIN_MM: Final[int] = 14
HANDOUT_BODY_PT: Final[float] = 10.0
HANDOUT_FONTS: Final[str] = '"Source Sans Pro", "Liberation Sans", Arial, "DejaVu Sans", sans-serif'
HANDOUT_RADAR_WIDTH_MM: Final[int] = 175

# --- page: the radar page's layout (radar.ui.screens.radar), in CSS pixels.
# Side padding of the page: Streamlit's 5rem on each side is room the radar needs.
PAGE_PADDING: Final[int] = 24
# Top padding of the page below Streamlit's fixed header (top menu), which is 60 px.
PAGE_TOP_PADDING: Final[int] = 68
# Height of everything above the radar on a desktop (menu, title row, filter
# row, gaps), measured in Chromium: the radar takes the rest of the window.
PAGE_ABOVE_RADAR: Final[int] = 196
# Room kept free under the radar, so the page never scrolls on a desktop.
PAGE_BELOW_RADAR: Final[int] = 12
# Share of the page's width for the radar column; the side panel gets the rest.
RADAR_COLUMN_SHARE: Final[float] = 0.64
# Gap between the radar column and the side panel (Streamlit's "medium" gap).
PAGE_COLUMN_GAP: Final[int] = 32
# The figure never gets smaller than this, even in a very low window.
PAGE_MIN_FIGURE_HEIGHT: Final[int] = 420
# Figure sizes are rounded to this many pixels, so windows of about the same
# size share one cached figure.
PAGE_SIZE_STEP: Final[int] = 8
# A phone's radar: the disc fills the width, the category key sits under it.
PHONE_FIGURE_KEY_SHARE: Final[float] = 0.45
# Page title on the radar page: smaller than Streamlit's 2.75rem, the radar needs the room.
PAGE_TITLE_SIZE: Final[str] = "1.9rem"
# The details panel takes at most this share of the side panel's height; the
# list under it scrolls on its own.
DETAILS_MAX_SHARE: Final[float] = 0.62
# The embedded radar (?embed=1) fills its frame, less this much for the notice under it.
EMBED_BELOW_RADAR: Final[int] = 44
# --- legend: the numbered list beside the radar (radar/ui/components/legend_list.py).
# Entries are buttons; every colour keeps WCAG 2.1 AA against white: text 4.5:1,
# borders, focus ring and the blip highlight 3:1 (1.4.11).
LEGEND_TEXT_SIZE: Final[str] = "0.875rem"
LEGEND_HEADING_SIZE: Final[str] = "0.95rem"
LEGEND_RING_HEADING_SIZE: Final[str] = "0.75rem"
# The entry's outline: #7B8794 is 3.6:1 on white.
LEGEND_BORDER: Final[str] = "#7B8794"
# The open technology's entry: white on near-black.
LEGEND_PRESSED_FILL: Final[str] = "#1F2933"
LEGEND_PRESSED_TEXT: Final[str] = "#FFFFFF"
# An entry whose blip is hovered, or that is hovered itself: a light blue fill
# (TEXT on it is above 12:1) and a blue outline.
LEGEND_HOT_FILL: Final[str] = "#DCEAF7"
LEGEND_HOT_BORDER: Final[str] = "#0B5CAD"
# Keyboard focus: a thick blue ring outside the entry (6.4:1 on white).
LEGEND_FOCUS: Final[str] = "#0B5CAD"
LEGEND_FOCUS_WIDTH: Final[int] = 3
# The ring drawn over the radar around the blip of a hovered or focused entry:
# black with a white halo, so it shows on every sector colour and ring band.
BLIP_HIGHLIGHT: Final[str] = "#000000"
BLIP_HIGHLIGHT_HALO: Final[str] = "#FFFFFF"
BLIP_HIGHLIGHT_WIDTH: Final[int] = 3
# Room between the blip's edge and the highlight ring, in pixels.
BLIP_HIGHLIGHT_GAP: Final[int] = 4
# --- presenter: presenter mode laid out for any projector, 1024 × 768 to 3840 × 2160.
# The screen the PRESENTER_*_SIZE and _HEIGHT pixels are for. On any other screen the panel's
# type, the buttons and the pills scale with the smaller of width / 1920 and
# height / 1080 (CSS vw / vh units, so a resize needs no rerun), never below
# PRESENTER_MIN_TEXT_SIZE; the radar is drawn for the room its column has.
PRESENTER_DESIGN_WIDTH: Final[int] = 1920
PRESENTER_DESIGN_HEIGHT: Final[int] = 1080
PRESENTER_MIN_TEXT_SIZE: Final[int] = 14
# Streamlit's own type (captions, labels, the settings) and its gaps follow the
# page's root size, 16 px on the design screen, never below the minimum.
PRESENTER_ROOT_TEXT_SIZE: Final[int] = 16
PRESENTER_MIN_ROOT_TEXT_SIZE: Final[int] = 11
# The panel's small print (the keys, the illustrative-data notice), at least.
PRESENTER_MIN_CAPTION_SIZE: Final[int] = 12
# The page's padding (top, sides) and the gap between the two columns, in
# pixels; the radar's box is the window less these.
PRESENTER_PAD_TOP: Final[int] = 8
PRESENTER_PAD_SIDE: Final[int] = 24
PRESENTER_COLUMN_GAP: Final[int] = 16
# Kept free under the radar so that rounding never makes the page scroll.
PRESENTER_PAD_BOTTOM: Final[int] = 16
# --- access: WCAG 2.1 AA across the app (radar/ui/components/page_style.py).
# Streamlit draws captions and widget help in the text colour at 60 % opacity,
# 4.04:1 on white; these are solid colours of at least 4.5:1 on both page
# backgrounds (white and SECONDARY_BACKGROUND), which a unit test checks.
CAPTION_TEXT: Final[str] = "#4A5561"
# .streamlit/config.toml's secondaryBackgroundColor (the filters, the code blocks).
SECONDARY_BACKGROUND: Final[str] = "#F3F5F7"
# Keyboard focus: a ring of at least 3:1 against every background it is drawn
# on (WCAG 2.4.7 and 1.4.11), wide enough to see from across a meeting room.
FOCUS_RING: Final[str] = "#0B4F8A"
FOCUS_RING_WIDTH_PX: Final[int] = 3
FOCUS_RING_OFFSET_PX: Final[int] = 2
# The footer's line above the statement link.
FOOTER_RULE: Final[str] = "#CBD2D9"
# The overview's table (radar/ui/screens/overview.py): Streamlit's row and header
# heights, and the phone's taller rows, where a long name wraps onto a second line.
OVERVIEW_ROW_HEIGHT: Final[int] = 35
OVERVIEW_HEADER_HEIGHT: Final[int] = 38
OVERVIEW_PHONE_ROW_HEIGHT: Final[int] = 66
# A phone's "largest differences": three columns of this width fit 390 px.
OVERVIEW_PHONE_GAP_WIDTH: Final[int] = 106
# Room for four lines: "Ready in Day care and school, Social and health".
OVERVIEW_PHONE_GAP_ROW_HEIGHT: Final[int] = 88
# --- exports
# The comparison's mark for a technology back after a pause (on neither the
# earlier radar nor as new: it was on one before).
RETURNED_MARK: Final[str] = "↺"
# The handout's page foot: "Side 2 af 3" and the illustrative-data notice, small.
HANDOUT_FOOTER_PT: Final[float] = 8.0
# Tighter settings the handout is printed with, one after the other, when its
# last page would hold only a few lines: (body pt, list pt, radar mm, margin mm).
# The first is the handout as designed; the last still reads on paper (8 pt).
HANDOUT_FITS: Final[tuple[tuple[float, float, int, int], ...]] = (
    (HANDOUT_BODY_PT, 9.0, HANDOUT_RADAR_WIDTH_MM, HANDOUT_PAGE_MARGIN_MM),
    (9.5, 8.5, 165, 13),
    (9.0, 8.0, 155, 12),
)
# A last page with less text than this share of the fullest page's is "nearly
# empty", and a tighter fit is tried.
HANDOUT_LAST_PAGE_SHARE: Final[float] = 0.2
# The slide picture (PNG, SVG): the radar with its numbered names beside it,
# category by category and ring by ring, in columns as many as the names need.
# Sized in the picture's own pixels (1x; the PNG doubles them): names of 14 px
# read on a projector as the page's list does.
EXPORT_SLIDE_HEIGHT: Final[int] = 1080
EXPORT_LIST_FONT_SIZE: Final[int] = 14
# Plotly sets multi-line text 1.3 lines apart.
EXPORT_LIST_LINE_HEIGHT: Final[float] = 1.3 * EXPORT_LIST_FONT_SIZE
EXPORT_LIST_COLUMN_WIDTH: Final[int] = 330
EXPORT_LIST_GAP: Final[int] = 24
# A longer name wraps, its second line indented under the name.
EXPORT_LIST_WRAP: Final[int] = 36
# Printing a page (Ctrl+P): the paper's margin, the page title's size, and the
# radar no taller than fits under the title and caption on an A4 sheet on its
# side (210 mm less the margins, the title and the caption).
PRINT_PAGE_MARGIN_MM: Final[int] = 12
PRINT_TITLE_PT: Final[int] = 18
PRINT_RADAR_MAX_HEIGHT_MM: Final[int] = 135
