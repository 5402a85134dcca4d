"""The editions (``/udgaver``): their status, a new draft copied from the latest
edition, and each draft's preview, publication and discarding. Editors only.
"""

from radar.ui.screens import editions

editions.render()
