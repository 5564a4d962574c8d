"""A study session and what it hands the screens: items, advice, read-only overviews."""
