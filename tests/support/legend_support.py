"""The legend's list under AppTest: what it would draw, and a click on one of its entries.

The list is a browser component, whose JavaScript AppTest cannot run. What
it would draw is the JSON payload the page sends it; a click is the trigger
value the browser would send back, which :func:`click_entry` sends the same
way, so the page's own callback handles it.
"""

from __future__ import annotations

import json
from typing import Any

from streamlit.components.v2.bidi_component.constants import EVENT_DELIM
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.runtime.state.session_state import STREAMLIT_INTERNAL_KEY_PREFIX
from streamlit.testing.v1 import AppTest

from radar.ui.components.legend import LEGEND_KEY
from radar.ui.components.legend_list import PICK


def list_element(at: AppTest, key: str = LEGEND_KEY) -> Any | None:
    """The list component with ``key`` on the page, or None."""
    found = [e for e in at.get("bidi_component") if e.key == key]
    return found[0] if found else None


def list_data(at: AppTest, key: str = LEGEND_KEY) -> dict[str, Any] | None:
    """The payload the list component was given (groups, entries, selected), or None."""
    element = list_element(at, key)
    if element is None:
        return None
    proto = element.proto
    payload = proto.mixed.json if proto.WhichOneof("data") == "mixed" else proto.json
    data: dict[str, Any] = json.loads(payload)
    return data


def entries(at: AppTest, key: str = LEGEND_KEY) -> list[dict[str, Any]]:
    """Every entry of the list, in the order shown."""
    data = list_data(at, key)
    if data is None:
        return []
    return [
        entry for group in data["groups"] for ring in group["rings"] for entry in ring["entries"]
    ]


def shown(entry: dict[str, Any]) -> str:
    """An entry as the button shows it: "12. Name ▲"."""
    text = f"{entry['number']}. {entry['name']}"
    return f"{text} {entry['mark']}" if entry["mark"] else text


def click_entry(at: AppTest, technology_id: str, key: str = LEGEND_KEY) -> AppTest:
    """Run the page as after a click on ``technology_id``'s entry in the browser."""
    element = list_element(at, key)
    assert element is not None, f"no list {key!r} on the page"
    states = at._tree.get_widget_states()
    # The trigger Streamlit's frontend sends for setTriggerValue(PICK, id):
    # the component's events widget with a list of {event, value}.
    states.widgets.append(
        WidgetState(
            id=f"{STREAMLIT_INTERNAL_KEY_PREFIX}_{element.proto.id}{EVENT_DELIM}events",
            json_trigger_value=json.dumps([{"event": PICK, "value": technology_id}]),
        )
    )
    at._run(states)
    return at
