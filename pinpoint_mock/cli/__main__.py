"""``python -m pinpoint_mock.cli``: the same as ``pinpoint-mock``."""

import sys

from . import main

sys.exit(main())
