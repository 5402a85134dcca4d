"""Edit the radar (``/rediger``): a technology's texts and category, its assessments
per area and edition (drafts too), its example cases, and retiring it. Editors only.

URL: ``/rediger?tech=<id>`` (and ``edition``, to open a draft's assessments).
"""

from radar.ui.screens import edit

edit.render()
