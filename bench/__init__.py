"""The benchmark suite: `python -m bench [--only NAME] [--json]` from the repository root."""
