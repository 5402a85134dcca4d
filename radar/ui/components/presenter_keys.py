"""Clicker keys for presenter mode: PageDown / PageUp, Space and the arrows always step.

Presentation clickers send PageDown and PageUp (some Space or the arrows). A
button's own shortcut only fires when nothing else takes the key: after a
click on a category pill the arrows move between the pills. So a small
component listens on the whole window, in the capture phase, before any
element sees the key, and reports each press to the server.

Presses are numbered. The component reports the presses the server has not
yet confirmed (``seq``, the number of the last one, and ``dirs``, one ``+`` or
``-`` per press), and the server remembers the last number it applied and
hands it back (``ack``). Two presses that arrive in one rerun are both
applied; a press reported twice is applied once.

The place lives in the URL, and every rerun starts from the URL the browser
sends with it. So the component sends its next report only once the last one
is confirmed: the confirmation is drawn after the new URL, so by then the
browser has it. Presses made meanwhile wait and go together.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import streamlit as st
from streamlit.components.v2 import component

#: Element key of the component (its CSS class is ``st-key-`` + this).
KEYS_KEY: Final = "radar_presenter_keys"
#: Session key (not a widget): the number of the last press applied.
APPLIED_KEY: Final = "_radar_presenter_keys_applied"
#: The most presses one report carries: a clicker held down for a minute is not a talk.
MAX_PENDING: Final = 50
#: A report not confirmed within this long is sent again (a lost rerun).
RESEND_MS: Final = 3000
FORWARD: Final = "+"
BACK: Final = "-"

# Static code, never built from data. Its state lives on ``window`` so a redraw
# of the component keeps the presses not yet confirmed, and one listener serves
# however many times the component is drawn.
_JS: Final = f"""
export default function ({{ data, setStateValue }}) {{
  const keys = (window.radarPresenterKeys ||= {{
    seq: 0, pending: [], sent: 0, ack: 0, timer: null, listener: null,
  }});
  keys.ack = data && Number.isInteger(data.ack) ? data.ack : 0;
  keys.seq = Math.max(keys.seq, keys.ack);
  keys.pending = keys.pending.filter((press) => press[0] > keys.ack);
  keys.flush = () => {{
    clearTimeout(keys.timer);
    keys.timer = null;
    if (!keys.pending.length) return;
    if (keys.sent > keys.ack) {{
      // A report is on its way; if it is never confirmed, send anyway.
      keys.timer = setTimeout(() => {{ keys.sent = keys.ack; keys.flush(); }}, {RESEND_MS});
      return;
    }}
    keys.sent = keys.seq;
    setStateValue("moves", {{
      seq: keys.seq,
      dirs: keys.pending.map((press) => press[1]).join(""),
    }});
  }};
  keys.flush();
  const direction = (event) => {{
    if (event.altKey || event.ctrlKey || event.metaKey) return null;
    switch (event.key) {{
      case "PageDown": case "ArrowRight": case "ArrowDown": return "{FORWARD}";
      case "PageUp": case "ArrowLeft": case "ArrowUp": return "{BACK}";
      case " ": return event.shiftKey ? "{BACK}" : "{FORWARD}";
      default: return null;
    }}
  }};
  // Typing in a field (the settings' selectboxes) or working inside the
  // settings popover keeps its keys.
  const typing = (target) => target instanceof Element && target.closest(
    'input, textarea, select, [contenteditable="true"], [contenteditable=""], '
    + '[role="listbox"], [role="combobox"], [data-testid="stPopoverBody"]'
  ) !== null;
  if (!keys.listener) {{
    keys.listener = (event) => {{
      const dir = direction(event);
      if (dir === null || typing(event.target)) return;
      // Neither the focused pill nor a focused button gets the key.
      event.preventDefault();
      event.stopPropagation();
      if (event.repeat) return;
      keys.seq += 1;
      keys.pending.push([keys.seq, dir]);
      keys.pending = keys.pending.slice(-{MAX_PENDING});
      keys.flush();
    }};
    window.addEventListener("keydown", keys.listener, true);
  }}
  return () => {{
    window.removeEventListener("keydown", keys.listener, true);
    keys.listener = null;
  }};
}}
"""

_HIDE_CSS: Final = f"<style>.st-key-{KEYS_KEY} {{ display: none; }}</style>"

_keys = component("radar_presenter_keys", js=_JS)


def unapplied(report: object, applied: int) -> tuple[list[bool], int]:
    """The presses in ``report`` after press number ``applied``, True for forward.

    Returns them with the number of the last press now applied. A report whose
    numbers restart below ``applied`` comes from a freshly loaded page: all of
    its presses are new. Anything malformed is ignored.
    """
    if not isinstance(report, Mapping):
        return [], applied
    seq, dirs = report.get("seq"), report.get("dirs")
    if not isinstance(seq, int) or isinstance(seq, bool) or not isinstance(dirs, str):
        return [], applied
    if len(dirs) > MAX_PENDING or set(dirs) - {FORWARD, BACK}:
        return [], applied
    first = seq - len(dirs) + 1
    if seq < applied:
        applied = first - 1
    fresh = [d == FORWARD for number, d in enumerate(dirs, start=first) if number > applied]
    return fresh, max(applied, seq)


def clicker_presses() -> list[bool]:
    """The presses not yet applied, True for forward, in order; marks them applied.

    Call once per run of the presenter page, then write the new place to the
    URL, then :func:`listen`. Nothing may be drawn in between (a rerun can cut
    in wherever something is drawn).
    """
    applied = st.session_state.get(APPLIED_KEY, 0)
    applied = applied if isinstance(applied, int) else 0
    # The component's state, as the browser sent it with this rerun.
    state = st.session_state.get(KEYS_KEY)
    report = state.get("moves") if isinstance(state, Mapping) else getattr(state, "moves", None)
    fresh, st.session_state[APPLIED_KEY] = unapplied(report, applied)
    return fresh


def listen() -> None:
    """Mount the key listener, confirming the presses applied so far.

    Call after the URL has its new place: the confirmation reaches the browser
    after the URL, and only then does the listener send the next presses.
    """
    # The listener draws nothing; its empty element must not take a row.
    st.html(_HIDE_CSS)
    _keys(
        data={"ack": st.session_state.get(APPLIED_KEY, 0)},
        key=KEYS_KEY,
        default={"moves": None},
        on_moves_change=lambda: None,
    )
