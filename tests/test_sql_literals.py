"""SQL text lives only under quiz/store: every string literal elsewhere is parsed and checked.

Plain strings, implicit concatenation (one constant once parsed), f-strings (their constant parts
joined, each `{...}` read as a name) and `"..." + x` sums; in any case. A string counts as SQL by
its shape, not by a keyword alone, so prose ("Select a bank", "delete from the list", "create table
of contents") and docstrings (which never run) do not count.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("question_bank", "quiz")
SQL_HOME = ROOT / "quiz" / "store"

HOLE = "v"  # an f-string's `{expr}` or a sum's non-literal operand, read as a name
WORD = r"[a-z_][\w$]*"
PLACEHOLDER = r"%s|%\(\w+\)s|\{\w*\}|\?|:\w+"  # a name filled in later: "from %s", "from {}"
NAME = rf'(?:{WORD}|"[^"]+"|`[^`]+`|\[[^\]]+\]|{PLACEHOLDER})(?:\.(?:{WORD}|"[^"]+"))?'
# A word English puts before a noun, and a preposition: never a table's name after FROM or INTO.
ENGLISH = frozenset(
    "a an the this that these those my your our their his her its some every each which what "
    "another any no all both either one of for to in on by with from it them you me us".split()
)
KEYWORDS = frozenset("as from and or is in not between like when then else end distinct over".split())
SHAPES = [
    # select ... from NAME, or select f(...), select 1, select *, select ?
    re.compile(rf"\bselect\s+(?:distinct\s+|all\s+)?(?P<cols>[^;]+?)\s+from\s+(?P<name>{NAME}|\()"),
    re.compile(rf"\bselect\s+(?:{WORD}\(|\*|\?|:{WORD}|\d+\s*(?:$|;|,|\)|as\b|union\b|from\b))"),
    re.compile(rf"\bwith\s+(?:recursive\s+)?(?P<name>{NAME})\s*(?:\([^)]*\)\s*)?as\s*(?:not\s+)?(?:materialized\s+)?\("),
    re.compile(rf"\b(?:insert|replace)\s+(?:or\s+{WORD}\s+)?into\s+(?P<name>{NAME})\s*(?:\(|values\b|select\b|default\s+values\b|with\b)"),
    re.compile(rf"\bupdate\s+(?:or\s+{WORD}\s+)?(?P<name>{NAME})\s+set\s+(?:{NAME}\s*=|\(|{HOLE}\b)"),
    re.compile(rf"\bdelete\s+from\s+(?P<name>{NAME})\s*(?:where\b|returning\b|;|$)"),
    re.compile(
        rf"\bcreate\s+(?:temp(?:orary)?\s+)?(?:unique\s+)?(?:virtual\s+)?(?:table|index|view|trigger)\s+"
        rf"(?:if\s+not\s+exists\s+)?(?P<name>{NAME})"
    ),
    re.compile(
        rf"\bcreate\s+(?:or\s+replace\s+)?(?:function|procedure|schema|sequence|type|extension)\s+"
        rf"(?:if\s+not\s+exists\s+)?(?P<name>{NAME})\s*(?:\(|as\b|;|$)"
    ),
    re.compile(rf"\b(?:drop|alter)\s+(?:table|index|view|trigger)\s+(?:if\s+exists\s+)?(?P<name>{NAME})"),
    # Clauses of a statement built in pieces: "... WHERE due <= ?", "ORDER BY due LIMIT 1", "VALUES (?, ?)"
    re.compile(rf"\bwhere\s+{NAME}\s*(?:=|<>|!=|<=|>=|<|>)\s*(?:{PLACEHOLDER}|\d|'|{NAME})"),
    re.compile(rf"\border\s+by\s+{NAME}(?:\s+(?:asc|desc|nulls|limit)\b|\s*,)"),
    re.compile(rf"\b{NAME}\s+is\s+not\s+null\b"),  # not "is null": "null and void"
    re.compile(rf"\bvalues\s*\(\s*(?:{PLACEHOLDER})"),
    re.compile(r"\bon\s+conflict\s*(?:\(|do\b)"),
    re.compile(rf"\bjoin\s+(?P<name>{NAME})\s+(?:{WORD}\s+)?(?:on|using)\s+(?:{NAME}\s*=|\()"),
    re.compile(rf"\bpragma\s+(?:{WORD}\.)?{WORD}\s*(?:=|\(|;|$)"),
    re.compile(r"\bbegin\s+(?:immediate|exclusive|deferred|transaction)\b|^\s*begin\s*;"),
    re.compile(rf"^\s*(?:savepoint\s+{WORD}|release\s+(?:savepoint\s+)?{WORD}|rollback\s+(?:transaction\s+)?to\b)\s*;?\s*$"),
]


def _normal(text: str) -> str:
    text = re.sub(r"--[^\n]*", " ", text)
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return " ".join(text.lower().split())


def _english(match: re.Match[str]) -> bool:
    """A match prose makes: FROM/INTO/... followed by 'the', or 'select a bank from'."""
    groups = match.groupdict()
    name = groups.get("name")
    if name and name.strip('"`[]') in ENGLISH:
        return True
    cols = groups.get("cols")
    if cols:
        words = cols.split()
        return any(w in ENGLISH and nxt not in KEYWORDS and re.fullmatch(WORD, nxt)
                   for w, nxt in zip(words, words[1:], strict=False))
    return False


def looks_like_sql(text: str) -> bool:
    if text.strip() == "BEGIN":  # a bare transaction start, written as SQL is; "Begin" is a label
        return True
    normal = _normal(text)
    return any(not _english(m) for shape in SHAPES for m in shape.finditer(normal))


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                found.add(id(first.value))
    return found


def _text(node: ast.AST) -> str:
    """A string expression's text, each part that is not a literal read as a name."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(_text(part) if isinstance(part, ast.Constant) else f" {HOLE} " for part in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return _text(node.left) + (_text(node.right) if isinstance(node.op, ast.Add) else "")
    return f" {HOLE} "


def _is_string(node: ast.AST) -> bool:
    return (isinstance(node, ast.Constant) and isinstance(node.value, str)) or isinstance(node, ast.JoinedStr)


def string_texts(source: str) -> list[tuple[int, str]]:
    """(line, text) of every string a source writes: each f-string and each `+` sum of strings once,
    as a whole, docstrings left out."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    texts = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and any(
            _is_string(n) for n in ast.walk(node) if not isinstance(n, ast.BinOp)
        ):
            skip.update(id(n) for n in ast.walk(node) if n is not node)
            texts.append((node.lineno, _text(node)))
        elif isinstance(node, ast.JoinedStr):
            skip.update(id(n) for n in ast.walk(node) if n is not node)
            texts.append((node.lineno, _text(node)))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            texts.append((node.lineno, node.value))
    return sorted(texts)


def sql_in(source: str) -> list[tuple[int, str]]:
    return [(line, text) for line, text in string_texts(source) if looks_like_sql(text)]


def _sources(inside_store: bool) -> list[Path]:
    paths = sorted(p for package in PACKAGES for p in (ROOT / package).rglob("*.py"))
    return [p for p in paths if p.is_relative_to(SQL_HOME) == inside_store]


def test_sql_text_only_in_the_store() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}: {' '.join(text.split())[:60]!r}"
        for path in _sources(inside_store=False)
        for line, text in sql_in(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_stores_sql_is_found() -> None:
    """The detector reads the store's own SQL: if it found none, the test above would prove nothing."""
    found = [hit for path in _sources(inside_store=True) for hit in sql_in(path.read_text(encoding="utf-8"))]
    assert len(found) >= 30


@pytest.mark.parametrize(
    "source",
    [
        'db.execute("SELECT id FROM cards WHERE due <= ?")',
        'db.execute("select id, due from cards")',
        'q = "select count(*) as n from reviews r join cards c on c.id = r.card_id"',
        'q = "select a.id from cards a"',  # a one-letter alias is not the article
        'q = "SELECT 1"',
        'q = "select changes()"',
        'q = """\n    WITH due AS (\n        SELECT id FROM cards\n    )\n    SELECT * FROM due\n"""',
        'q = "with recursive n(x) as (select 1 union all select x + 1 from n) select x from n"',
        'q = "insert into learners (name) values (?)"',
        'q = "INSERT OR IGNORE INTO cards(id) VALUES (?)"',
        'q = "insert into learners default values"',
        'q = "update cards set due = ? where id = ?"',
        'q = "UPDATE OR ROLLBACK cards SET due = ?"',
        'q = "delete from reviews where learner = ?"',
        'q = "DELETE FROM reviews"',
        'q = "create table if not exists t (id integer primary key)"',
        'q = "CREATE UNIQUE INDEX ix ON t(a)"',
        'q = "drop table t"',
        'q = "alter table cards add column note text"',
        'q = "PRAGMA foreign_keys = ON"',
        'q = "pragma user_version"',
        'q = "PRAGMA table_info(cards)"',
        'q = "BEGIN IMMEDIATE"',
        'q = "begin immediate"',
        'q = "BEGIN"',
        'q = "savepoint undo"',
        'q = f"UPDATE cards SET {assignments} WHERE id = ?"',
        'q = f"SELECT due {cond} AND due IS NOT NULL ORDER BY due LIMIT 1"',  # a piece of a statement
        'where = "WHERE learner = ? AND due <= ?"',
        'tail = "order by due desc"',
        'q = "VALUES (?, ?, ?)"',
        'q = "on conflict (id) do nothing"',
        'q = "join cards c on c.id = r.card_id"',
        'q = "CREATE OR REPLACE FUNCTION f(x TEXT) RETURNS TEXT AS $$ select x $$"',
        'q = f"SELECT {columns} FROM {table} WHERE id = ?"',  # f-string: constant parts joined
        'q = f"select * from {table}"',
        'q = f"update {table} set {column} = ?"',
        'q = f"delete from {table}"',
        'q = ("SELECT id "\n     "FROM cards")',  # implicit concatenation
        'q = "SELECT id " + "FROM cards"',
        'q = "select id from " + table',
        'q = "SELECT id FROM %s" % table',
        'q = "SELECT id FROM {}".format(table)',
        'q = "-- the due cards\\nselect id from cards"',
        'def f():\n    x = 1\n    return "select id from cards"',  # not a docstring: not first
    ],
)
def test_sql_is_found(source: str) -> None:
    assert sql_in(source), source


@pytest.mark.parametrize(
    "source",
    [
        'label = "Select a bank"',
        'hint = "Select a bank from the list"',
        'hint = "select the cards from your deck to study"',
        'msg = "Pick one, then select from the options"',
        'msg = "Delete from the database? (y/n)"',
        'msg = "Insert into the box"',
        'msg = "update your set of banks"',
        'msg = "Create table of contents"',
        'msg = "Begin"',
        'msg = "begin the paper when ready"',
        'msg = "a pragma is a compiler hint"',
        'msg = "with it as (optional) note"',
        'msg = f"Selected {n} cards from {bank}"',
        'msg = "We update the set each day"',
        'msg = "Select 1-4 to rate"',
        'msg = "Cards where the answer was wrong"',
        'msg = "sorted in order by due date"',
        'msg = "Join the class on Monday"',
        'msg = "The values (dates, units) are checked"',
        'msg = "the note is null and void"',
        'msg = "Create type errors on purpose"',
        'def f():\n    """Select the due cards from the store (SELECT id FROM cards), oldest first."""',
        '"""Module docstring: runs INSERT INTO reviews (...) VALUES (...) in the store."""',
        'class C:\n    """UPDATE cards SET due = ? is the store\'s job."""',
    ],
)
def test_prose_is_not_sql(source: str) -> None:
    assert sql_in(source) == [], source


def test_line_numbers_point_at_the_string() -> None:
    assert sql_in('x = 1\n\nq = f"select * from {t}"\n') == [(3, f"select * from  {HOLE} ")]
