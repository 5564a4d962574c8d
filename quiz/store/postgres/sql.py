"""The store's SQL in psycopg's placeholder style: `?` -> `%s`, `:name` -> `%(name)s`, `%` -> `%%`.

Quoted text ('...', "...", $$...$$) and `::type` casts are left alone. Statements are few and
repeated, so each is translated once.
"""

from __future__ import annotations

import re
from functools import lru_cache

_TOKEN = re.compile(r"""('(?:[^']|'')*'|"[^"]*"|\$\$.*?\$\$|::|\?|%|:[A-Za-z_]\w*)""", re.S)


@lru_cache(maxsize=1024)
def to_psycopg(sql: str) -> str:
    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "?":
            return "%s"
        if token == "%":
            return "%%"
        if token.startswith(":") and token != "::":
            return f"%({token[1:]})s"
        return token

    return _TOKEN.sub(replace, sql)
