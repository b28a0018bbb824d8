"""`python -m standards_site`: the same as the `standards-site` command."""

import sys

from standards_site.cli import main

sys.exit(main())
