"""Import the scraped Scientific Spaces pages as the example site's blog posts.

    .venv/bin/python site_example/import_seeds.py ../shared/seeds/*.txt

Reads every seed file and articles.json (beside the first seed file unless --articles says
otherwise) before writing anything, so bad input leaves the site untouched. Prints what it
repaired, dropped and could not decide.
"""

import sys

from seed_import.cli import main

if __name__ == "__main__":
    sys.exit(main())
