"""Start making what the build is missing from its cache, in another Python, before it reads the pages.

The diary table, the live studio's brushes and the figures all train or draw with torch: one
Python makes them, in the order the build needs them, while this one reads and renders the pages
(and the notebook runs in its own kernel, notebook_page.py). Each hook still asks the cache for its
thing where it needs it, and waits there if it is not made yet.
"""

import brushes
import cache
import diary
import figures
import live_gallery


def on_pre_build(config):
    cache.ahead(diary, brushes, live_gallery, figures)
