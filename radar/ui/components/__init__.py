"""The parts the screens are built from, one job per module.

Import the module you need (``from radar.ui.components import legend``); this
package re-exports nothing, so that loading one part (the sign-in's use of
:mod:`~radar.ui.components.text`) never loads the others and the cache they read.

Modules
-------
text
    ``plain``, ``plain_lines``: data shown as typed, never as markup.
labels
    ``area_label``, ``technology_name``, ``movement_label``, ``language_name``
    and the literal text-key mappings behind them.
navigation
    The page files (``RADAR_PAGE``, ``TECHNOLOGY_PAGE``, ...) and ``pages``, the menu.
language
    ``language_toggle``: the Dansk / English switch.
filters
    ``view_filters``, ``sector_select``, ``ring_select``, ``url_selectbox``,
    ``view_switch``, ``MAX_QUERY``.
chart
    ``radar_chart``, the interactive radar, and ``chart_config``.
table
    ``table_view``: the radar as a table.
legend
    ``legend``, ``movement_key``, ``overflow_list``.
legend_list
    ``entry_list``: the legend's clickable list as one browser component,
    linked with the radar's blips both ways.
details
    ``details_panel``, ``cases``.
technology
    ``technology_picker``, ``technology_rings``.
compare
    ``edition_pickers``, ``comparison_chart``, ``change_groups``, ``ring_counts``.
projector
    ``apply_chrome``, ``caption_block``, ``big_button``, ``CAPTION_KEY``, ``BUTTON_KEY``:
    large type for any page shown on a projector.
presenter
    Presenter mode: ``presenting``, ``ensure_presenting``, ``open_presenter``,
    ``position``, ``publish``, ``settings``, ``radar``, ``spotlight_panel``,
    ``controls``, ``exit_link``, ``PRESENT``, ``STEP``, ``FOCUS``.
"""

__all__ = [
    "chart",
    "compare",
    "details",
    "filters",
    "labels",
    "language",
    "legend",
    "legend_list",
    "navigation",
    "presenter",
    "projector",
    "table",
    "technology",
    "text",
]
