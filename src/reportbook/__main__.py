"""`python -m reportbook ...`: the same command line as the `reportbook` script."""

import sys

from .cli import main

sys.exit(main())
