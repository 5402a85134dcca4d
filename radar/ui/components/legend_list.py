"""The legend's clickable list as one browser component, linked both ways with the radar.

About 110 ``st.pills`` re-rendered on every filter change made the radar page
half again as slow as a bare page drawing the same points. This component
draws the whole list in the browser from one JSON payload: a category heading,
a small heading per ring ("KLAR 1–2") and one real ``<button>`` per
technology, so the list is the keyboard route to every blip (Tab, then Enter
or Space opens the details; ``aria-pressed`` marks the open one).

Hovering or focusing an entry draws a ring over its blip on every radar of the
page (computed from plotly's own axis mapping); hovering a blip marks its entry.

The JavaScript is static code. Names and every other text arrive in ``data``
and are inserted with ``textContent``, never as HTML.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

import streamlit as st
from streamlit.components.v2 import component

from radar import theme

#: The trigger the browser sends with the clicked entry's technology id.
PICK: Final = "pick"
#: Data attribute of an entry whose blip the pointer is over (for styling and tests).
HOT_ATTRIBUTE: Final = "data-hot"
#: Class of the highlight ring drawn over the radar.
HIGHLIGHT_CLASS: Final = "radar-legend-highlight"


@dataclass(frozen=True)
class Entry:
    """One technology in the list, as the browser draws it."""

    id: str
    number: int
    name: str
    #: The movement mark shown after the name ("▲"), or "" when unchanged.
    mark: str
    sector: str
    ring: str
    #: What a screen reader says: "12. Name, AFPRØV, rykket ind".
    label: str

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "number": self.number,
            "name": self.name,
            "mark": self.mark,
            "sector": self.sector,
            "ring": self.ring,
            "label": self.label,
        }


@dataclass(frozen=True)
class RingGroup:
    """A ring's entries within a category, under a heading such as "KLAR 1–2"."""

    heading: str | None
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class SectorGroup:
    """A category's rings, under its heading and its colour on the radar."""

    heading: str | None
    colour: str | None
    rings: tuple[RingGroup, ...]


@dataclass(frozen=True)
class ListData:
    """Everything one list shows: its groups, its accessible name, the open entry."""

    #: Which list this is ("legend", "overflow"): keeps keyboard focus across reruns.
    name: str
    label: str
    groups: tuple[SectorGroup, ...]
    selected: str | None
    #: A heading above the list ("Teknologier"), or None when the page has one.
    title: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "label": self.label,
            "title": self.title,
            "selected": self.selected,
            "groups": [
                {
                    "heading": group.heading,
                    "colour": group.colour,
                    "rings": [
                        {"heading": ring.heading, "entries": [e.as_json() for e in ring.entries]}
                        for ring in group.rings
                    ],
                }
                for group in self.groups
            ],
        }


_CSS: Final = f"""
:host {{ display: block; }}
.legend {{ font-size: {theme.LEGEND_TEXT_SIZE}; color: {theme.TEXT}; line-height: 1.35; }}
.sector + .sector {{ margin-top: 0.9rem; }}
h2 {{ font-size: 1rem; font-weight: 600; margin: 0 0 0.6rem; padding: 0; }}
h3 {{
  display: flex; align-items: center; gap: 0.45rem;
  font-size: {theme.LEGEND_HEADING_SIZE}; font-weight: 600; margin: 0 0 0.2rem; padding: 0;
}}
.swatch {{
  flex: none; width: 0.8rem; height: 0.8rem; border-radius: 2px;
  background: var(--swatch, transparent); forced-color-adjust: none;
}}
h4 {{
  font-size: {theme.LEGEND_RING_HEADING_SIZE}; font-weight: 600; letter-spacing: 0.04em;
  color: {theme.MUTED_TEXT}; margin: 0.4rem 0 0.2rem; padding: 0;
}}
ul {{ list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.3rem; }}
button {{
  font: inherit; color: {theme.TEXT}; background: {theme.BACKGROUND};
  border: 1px solid {theme.LEGEND_BORDER}; border-radius: 999px;
  padding: 0.15rem 0.65rem; min-height: 1.75rem; cursor: pointer; text-align: left;
}}
button:hover, button[{HOT_ATTRIBUTE}] {{
  background: {theme.LEGEND_HOT_FILL}; border-color: {theme.LEGEND_HOT_BORDER};
}}
button[aria-pressed="true"] {{
  background: {theme.LEGEND_PRESSED_FILL}; color: {theme.LEGEND_PRESSED_TEXT};
  border-color: {theme.LEGEND_PRESSED_FILL};
}}
button:focus-visible {{
  outline: {theme.LEGEND_FOCUS_WIDTH}px solid {theme.LEGEND_FOCUS}; outline-offset: 2px;
}}
.mark {{ margin-left: 0.25em; }}
"""

# Static code, never built from data (the f-string only brings in theme
# constants). Streamlit calls the default export again with the same
# ``parentElement`` whenever ``data`` changes and never runs the previous
# call's cleanup, so one state object lives on the parent and each call only
# hands it the new data.
_JS: Final = f"""
const HOT = "{HOT_ATTRIBUTE}";
const HIGHLIGHT = "{HIGHLIGHT_CLASS}";
// The last click per list, so a list Streamlit drew anew gets its focus back.
const lastPick = new Map();

function blipsOf(gd) {{
  const trace = (gd._fullData || []).find((t) => t.name === "blips");
  return trace && trace.customdata ? trace : null;
}}

// Where a technology's blip is on each radar of the page, in the pixels of the
// plot's own container.
function blipSpots(id) {{
  const spots = [];
  for (const gd of document.querySelectorAll(".js-plotly-plot")) {{
    const trace = blipsOf(gd);
    const layout = gd._fullLayout;
    if (!trace || !layout || !layout.xaxis || !layout.yaxis) continue;
    const i = Array.prototype.indexOf.call(trace.customdata, id);
    if (i < 0) continue;
    const size = Array.isArray(trace.marker.size) ? trace.marker.size[i] : trace.marker.size;
    spots.push({{
      gd,
      x: layout.xaxis._offset + layout.xaxis.l2p(trace.x[i]),
      y: layout.yaxis._offset + layout.yaxis.l2p(trace.y[i]),
      size: Number(size) || 14,
    }});
  }}
  return spots;
}}

function hideHighlights() {{
  for (const ring of document.querySelectorAll("." + HIGHLIGHT)) ring.style.display = "none";
}}

function showHighlights(id) {{
  hideHighlights();
  for (const spot of blipSpots(id)) {{
    const host = spot.gd.querySelector(".svg-container") || spot.gd;
    let ring = host.querySelector(":scope > ." + HIGHLIGHT);
    if (!ring) {{
      ring = document.createElement("div");
      ring.className = HIGHLIGHT;
      ring.setAttribute("aria-hidden", "true");
      Object.assign(ring.style, {{
        position: "absolute", pointerEvents: "none", borderRadius: "50%", zIndex: "10",
        boxSizing: "border-box",
        border: "{theme.BLIP_HIGHLIGHT_WIDTH}px solid {theme.BLIP_HIGHLIGHT}",
        boxShadow:
          "0 0 0 2px {theme.BLIP_HIGHLIGHT_HALO}, inset 0 0 0 2px {theme.BLIP_HIGHLIGHT_HALO}",
      }});
      host.appendChild(ring);
    }}
    const d = spot.size + 2 * ({theme.BLIP_HIGHLIGHT_GAP} + {theme.BLIP_HIGHLIGHT_WIDTH});
    ring.dataset.id = id;
    Object.assign(ring.style, {{
      display: "block", width: d + "px", height: d + "px",
      left: spot.x - d / 2 + "px", top: spot.y - d / 2 + "px",
    }});
  }}
}}

// The nearest ancestor that scrolls, across the shadow root's boundary.
function scroller(node) {{
  let el = node;
  while (el) {{
    el = el.parentElement || (el.getRootNode && el.getRootNode().host) || null;
    if (!el || el === document.documentElement) return null;
    const style = getComputedStyle(el);
    if (/(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight) return el;
  }}
  return null;
}}

// Bring a marked entry into view, but only where that cannot move the radar:
// the list must be on screen, and its scrolling box must not hold the plot.
function reveal(state, button, gd) {{
  const list = state.box.getBoundingClientRect();
  if (list.bottom <= 0 || list.top >= window.innerHeight) return;
  const box = scroller(state.box);
  if (!box || (gd && box.contains(gd))) return;
  const r = button.getBoundingClientRect();
  const b = box.getBoundingClientRect();
  if (r.top < b.top) box.scrollTop -= b.top - r.top + 8;
  else if (r.bottom > b.bottom) box.scrollTop += r.bottom - b.bottom + 8;
}}

function markEntry(state, id, gd) {{
  for (const b of state.box.querySelectorAll("[" + HOT + "]")) b.removeAttribute(HOT);
  const button = id ? state.buttons.get(id) : null;
  if (!button) return;
  button.setAttribute(HOT, "");
  reveal(state, button, gd);
}}

// Plotly redraws the radar on every rerun (and may replace it): listen on each
// plot anew whenever its layout object changed.
function attachPlots(state) {{
  for (const gd of document.querySelectorAll(".js-plotly-plot")) {{
    if (typeof gd.on !== "function" || state.attached.get(gd) === gd._fullLayout) continue;
    if (typeof gd.removeListener === "function") {{
      gd.removeListener("plotly_hover", state.onHover);
      gd.removeListener("plotly_unhover", state.onUnhover);
    }}
    gd.on("plotly_hover", state.onHover);
    gd.on("plotly_unhover", state.onUnhover);
    state.attached.set(gd, gd._fullLayout);
  }}
}}

function button(entry) {{
  const b = document.createElement("button");
  b.type = "button";
  b.dataset.id = entry.id;
  b.setAttribute("aria-label", entry.label);
  b.textContent = entry.number + ". " + entry.name;
  if (entry.mark) {{
    const mark = document.createElement("span");
    mark.className = "mark";
    mark.setAttribute("aria-hidden", "true");
    mark.textContent = entry.mark;
    b.appendChild(mark);
  }}
  return b;
}}

function build(state, data) {{
  const focused = state.root.activeElement;
  const focusedId = focused && focused.dataset ? focused.dataset.id : null;
  state.buttons = new Map();
  const box = state.box;
  box.replaceChildren();
  box.setAttribute("aria-label", data.label || "");
  if (data.title) {{
    const h = document.createElement("h2");
    h.textContent = data.title;
    box.appendChild(h);
  }}
  for (const group of data.groups || []) {{
    const section = document.createElement("div");
    section.className = "sector";
    if (group.heading) {{
      const h = document.createElement("h3");
      const swatch = document.createElement("span");
      swatch.className = "swatch";
      swatch.setAttribute("aria-hidden", "true");
      if (group.colour) swatch.style.setProperty("--swatch", group.colour);
      h.appendChild(swatch);
      h.appendChild(document.createTextNode(group.heading));
      section.appendChild(h);
    }}
    for (const ring of group.rings || []) {{
      if (ring.heading) {{
        const h = document.createElement("h4");
        h.textContent = ring.heading;
        section.appendChild(h);
      }}
      const ul = document.createElement("ul");
      for (const entry of ring.entries || []) {{
        const li = document.createElement("li");
        const b = button(entry);
        state.buttons.set(entry.id, b);
        li.appendChild(b);
        ul.appendChild(li);
      }}
      section.appendChild(ul);
    }}
    box.appendChild(section);
  }}
  if (focusedId && state.buttons.has(focusedId)) {{
    state.buttons.get(focusedId).focus({{ preventScroll: true }});
  }}
}}

function press(state, selected) {{
  for (const [id, b] of state.buttons) b.setAttribute("aria-pressed", String(id === selected));
}}

function setUp(parentElement) {{
  const box = document.createElement("div");
  box.className = "legend";
  box.setAttribute("role", "group");
  parentElement.appendChild(box);
  const state = {{
    root: parentElement, box, buttons: new Map(), signature: null, name: null,
    pick: null, attached: new WeakMap(), frame: 0,
  }};
  state.onHover = (event) => {{
    const point = (event.points || []).find((p) => p.data && p.data.name === "blips");
    if (point) markEntry(state, String(point.customdata), event.event && event.event.target
      ? event.event.target.closest(".js-plotly-plot") : null);
  }};
  state.onUnhover = () => markEntry(state, null, null);
  const entryOf = (event) => {{
    const target = event.target instanceof Element ? event.target.closest("button[data-id]") : null;
    return target && box.contains(target) ? target : null;
  }};
  box.addEventListener("click", (event) => {{
    const b = entryOf(event);
    if (!b || !state.pick) return;
    lastPick.set(state.name, {{ id: b.dataset.id, at: Date.now() }});
    state.pick("{PICK}", b.dataset.id);
  }});
  const show = (event) => {{
    const b = entryOf(event);
    if (b) showHighlights(b.dataset.id);
  }};
  box.addEventListener("pointerover", show);
  box.addEventListener("focusin", show);
  box.addEventListener("pointerout", (event) => {{
    if (entryOf(event)) hideHighlights();
  }});
  box.addEventListener("focusout", hideHighlights);
  const observer = new MutationObserver(() => {{
    if (state.frame) return;
    state.frame = requestAnimationFrame(() => {{
      state.frame = 0;
      attachPlots(state);
    }});
  }});
  observer.observe(document.body, {{ childList: true, subtree: true }});
  state.teardown = () => {{
    observer.disconnect();
    cancelAnimationFrame(state.frame);
    hideHighlights();
    for (const gd of document.querySelectorAll(".js-plotly-plot")) {{
      if (typeof gd.removeListener !== "function") continue;
      gd.removeListener("plotly_hover", state.onHover);
      gd.removeListener("plotly_unhover", state.onUnhover);
    }}
    box.remove();
    delete parentElement.__radarLegend;
  }};
  parentElement.__radarLegend = state;
  return state;
}}

export default function ({{ data, parentElement, setTriggerValue }}) {{
  const fresh = !parentElement.__radarLegend;
  const state = parentElement.__radarLegend || setUp(parentElement);
  const given = data || {{ groups: [] }};
  state.pick = setTriggerValue;
  state.name = given.name || "";
  const signature = JSON.stringify([given.label, given.title, given.groups]);
  if (signature !== state.signature) {{
    build(state, given);
    state.signature = signature;
  }}
  press(state, given.selected || null);
  attachPlots(state);
  // A rerun that drew the list anew lost the focus of the entry just clicked.
  const recent = lastPick.get(state.name);
  if (fresh && recent && Date.now() - recent.at < 10000 && state.buttons.has(recent.id)) {{
    const active = document.activeElement;
    if (!active || active === document.body) {{
      state.buttons.get(recent.id).focus({{ preventScroll: true }});
    }}
  }}
  return state.teardown;
}}
"""

_list = component("radar_legend_list", css=_CSS, js=_JS)


def entry_list(
    content: ListData,
    *,
    key: str,
    on_pick: Callable[[str], None],
) -> None:
    """Draw ``content`` as the clickable list; a click calls ``on_pick`` with the entry's id."""
    _list(
        data=content.as_json(),
        key=key,
        on_pick_change=lambda: _picked(key, on_pick),
    )


def _picked(key: str, on_pick: Callable[[str], None]) -> None:
    result = st.session_state.get(key)
    picked = result.get(PICK) if result is not None else None
    if isinstance(picked, str) and picked:
        on_pick(picked)
