"""Settings for every test: property tests are reproducible.

Hypothesis draws the same examples on every run and every machine (``derandomize``), and keeps no example
database between runs, so CI sees exactly what a developer saw. Cases it once found are pinned with
``@example`` beside each property.
"""

from hypothesis import settings

settings.register_profile("reproducible", derandomize=True, database=None, print_blob=True)
settings.load_profile("reproducible")
