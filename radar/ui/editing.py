"""What other screens take from the editing screens: the technology page's change log.

The edit and editions screens themselves are :mod:`radar.ui.screens.edit` and
:mod:`radar.ui.screens.editions`, built from the ``editing_*`` components.
"""

from radar.ui.components.change_log import CHANGE_LOG, change_log, log_table

__all__ = ["CHANGE_LOG", "change_log", "log_table"]
