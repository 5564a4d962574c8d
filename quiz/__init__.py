"""quiz: a terminal study tool for fact-heavy subjects."""

import sys

__version__ = "0.1.0"

# sqlite-utils imports numpy whenever it is installed (only to store numpy values, which quiz never
# has), and lemminflect brings numpy in: 17 MB and a quarter of a second on every start, and in
# every served browser tab. Importing sqlite-utils first with numpy hidden skips that; numpy stays
# importable for whoever needs it later.
if "numpy" not in sys.modules and "sqlite_utils" not in sys.modules:
    sys.modules["numpy"] = None  # type: ignore[assignment]
    try:
        import sqlite_utils  # noqa: F401
    finally:
        del sys.modules["numpy"]
