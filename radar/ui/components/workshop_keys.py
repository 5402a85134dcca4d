"""The URL parameters and element keys of the workshop pages.

Stable keys for tests and the load benchmark (a key ``k`` is the CSS class
``st-key-k`` in the browser): :data:`LIVE_SUMMARY` (the facilitator's summary
line, "12 svar fra 3 af 4 deltagere"). The participants' page is not
Streamlit's: it is the phone page, :mod:`radar.web.participant`.
"""

from __future__ import annotations

from typing import Final

# URL parameters.
#: Which workshop the signed-in facilitator means; grants nothing by itself.
ID: Final = "id"
#: The projector's key (not the id): shows the code and the live view, nothing more.
PROJECTOR_KEY: Final = "projector"
#: The facilitator page's url_path (dashboard.py), for the projector's link.
FACILITATOR_PATH: Final = "workshop"

# Element keys of the facilitator's page.
LIVE_SUMMARY: Final = "live_summary"
LIVE_CHART: Final = "live_chart"
CODE_BOX: Final = "ws_code"
WALL_CARD: Final = "wall_card"
WALL_FILTER: Final = "wall_technology"
FORM_TITLE: Final = "ws_title"
FORM_AREA: Final = "ws_area"
FORM_EDITION: Final = "ws_edition"
FORM_TECHNOLOGIES: Final = "ws_technologies"
FORM_CLOSES: Final = "ws_closes"
FORM_CLOSE_DATE: Final = "ws_close_date"
FORM_CLOSE_TIME: Final = "ws_close_time"
FORM_CREATE: Final = "ws_create"
NEW_WORKSHOP: Final = "ws_new"
PROJECTOR_LINK: Final = "ws_projector_link"
MY_WORKSHOPS: Final = "ws_mine"
OPEN_WORKSHOP: Final = "ws_open"
DELETE_CONFIRM: Final = "ws_delete_confirm"
LOCAL_PICK: Final = "ws_local_pick"
LOCAL_CHART: Final = "ws_local_chart"
LOCAL_PUBLISH: Final = "ws_local_publish"
LOCAL_DELETE_CONFIRM: Final = "ws_local_delete_confirm"
CLOSE_CONFIRM: Final = "ws_close_confirm"
#: The facilitator's "Vis resultater" / "Skjul resultater" button.
RESULTS_SWITCH: Final = "ws_results_switch"
#: The line saying the results are hidden from the projector (both views have it).
RESULTS_HIDDEN: Final = "ws_results_hidden"
#: The facilitator's "Åbn prioriteringen" / "Luk prioriteringen" button.
VOTING_SWITCH: Final = "ws_voting_switch"
#: The prioritising round's line of counts ("12 point fra 4 af 6 deltagere"), both views.
VOTING_SUMMARY: Final = "ws_voting_summary"
VOTING_CHART: Final = "ws_voting_chart"
#: The ranking's table (technology, points, voters), next to its chart.
VOTING_TABLE: Final = "ws_voting_table"
#: The consequence ratings' table (technology × dimension), the facilitator's view only.
CONSEQUENCES_TABLE: Final = "ws_consequences_table"
EXPORT_SUMMARY: Final = "ws_export_summary"
EXPORT_COMMENTS: Final = "ws_export_comments"
EXPORT_XLSX: Final = "ws_export_xlsx"
EXPORT_REPORT: Final = "ws_export_report"
CONSENSUS_TITLE: Final = "ws_consensus_title"
CONSENSUS_SAVE: Final = "ws_consensus_save"
#: The create form's "Godkend kommentarer før de vises" checkbox.
FORM_MODERATED: Final = "ws_moderated"
#: The facilitator's button that turns holding comments for approval on or off.
MODERATION_SWITCH: Final = "ws_moderation_switch"
#: The line saying comments wait for approval (the projector's wall and the facilitator's).
MODERATION_NOTICE: Final = "ws_moderation_notice"
#: The facilitator's queue of comments; its cards are ``f"{PENDING_CARD}_{comment.key}"``
#: and ``f"{REVIEWED_CARD}_{comment.key}"``, their buttons ``f"{APPROVE}_{comment.key}"``
#: and ``f"{HIDE}_{comment.key}"``.
MODERATION_QUEUE: Final = "ws_moderation_queue"
PENDING_CARD: Final = "ws_pending"
REVIEWED_CARD: Final = "ws_reviewed"
APPROVE: Final = "ws_approve"
HIDE: Final = "ws_hide"

#: Session state (not a widget): the workshop this session just created, whose
#: "created" message is shown once.
JUST_CREATED: Final = "_ws_just_created"
#: Session state (not a widget): what this session just deleted, said once.
JUST_DELETED: Final = "_ws_just_deleted"

# Pacing, the phone remote and co-facilitators.
#: The co-facilitator invitation's URL parameter (its key; signing in is still needed).
JOIN_AS: Final = "join_as"
#: "Jeg styrer tempoet": the key ends in ``_on`` or ``_off``, what it showed when
#: drawn, so a change from the phone remote draws it afresh.
PACING_LEAD: Final = "ws_pacing_lead"
PACING_CURRENT: Final = "ws_pacing_current"
PACING_PREVIOUS: Final = "ws_pacing_previous"
PACING_NEXT: Final = "ws_pacing_next"
#: One per technology, ``ws_pacing_gate_0`` for the first: "Luk …" / "Åbn …".
PACING_GATE: Final = "ws_pacing_gate"
COUNTDOWN_TECHNOLOGY: Final = "ws_countdown_technology"
COUNTDOWN_LENGTH: Final = "ws_countdown_length"
COUNTDOWN_START: Final = "ws_countdown_start"
#: The projector's large view of the technology the room is led to.
PROJECTOR_CURRENT: Final = "ws_projector_current"
REMOTE_MAKE: Final = "ws_remote_make"
REMOTE_RENEW: Final = "ws_remote_renew"
TEAM_MAKE: Final = "ws_team_make"
TEAM_RENEW: Final = "ws_team_renew"
TEAM_LINK: Final = "ws_team_link"
#: One per co-facilitator, ``ws_team_remove_0`` for the first.
TEAM_REMOVE: Final = "ws_team_remove"
#: Session state (not a widget): the workshop this session just joined as a
#: co-facilitator, said once; or why the invitation did not work.
JUST_JOINED: Final = "_ws_just_joined"
