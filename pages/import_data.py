"""Import (editors only): upload a file, see every change it would make, then confirm."""

from radar.ui.screens import import_data

import_data.render()
