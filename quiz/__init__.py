"""quiz: a terminal study tool for fact-heavy subjects."""

__version__ = "0.1.0"
