"""`python -m bench`: the page benchmark (bench/pages.py)."""

import sys

from bench.pages import main

sys.exit(main())
