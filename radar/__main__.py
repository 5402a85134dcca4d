"""``python -m radar``: see :mod:`radar.cli`."""

import sys

from radar.cli import main

sys.exit(main())
