"""`python -m gpseeker`: the same as the `gpseeker` command."""

import sys

from gpseeker.cli import main

sys.exit(main())
