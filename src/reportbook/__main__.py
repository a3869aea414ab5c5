"""`python -m reportbook ...`: the same command line as the `reportbook` script."""

import sys

from .cli import main

if __name__ == "__main__":  # not when a batch's worker processes re-import the main module
    sys.exit(main())
