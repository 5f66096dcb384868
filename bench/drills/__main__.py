"""`python -m bench.drills`: the fault drills and the two-instance check (bench/drills/)."""

import sys

from bench.drills.cli import main

sys.exit(main())
