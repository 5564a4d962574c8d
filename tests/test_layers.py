"""The house rules, read off the code: which room may import which, where SQL lives, no loops.

question_bank imports nothing of quiz or textual; quiz/store imports only the leaves (errors,
model, clock, settings); features sit on store, scheduling and library, never on a front end;
cli and tui import the desk and value types only; only quiz/tui imports Textual; SQL text appears
only under quiz/store; the import graph has no cycle.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("question_bank", "quiz")
LEAVES = {"quiz.errors", "quiz.model", "quiz.clock", "quiz.settings", "quiz.paths", "quiz.files"}
VALUE_TYPES = LEAVES | {"quiz.study.items", "quiz.desk"}
FEATURES = ("quiz.scheduling", "quiz.library", "quiz.study", "quiz.classroom", "quiz.stats", "quiz.exports", "quiz.demo")
SQL = re.compile(r"^\s*(SELECT \S|INSERT (OR \w+ )?INTO|UPDATE \w+ SET|DELETE FROM|CREATE (TABLE|INDEX)|DROP (TABLE|INDEX)|ALTER TABLE|PRAGMA \w|BEGIN( IMMEDIATE)?\b)")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules() -> dict[str, Path]:
    return {module_name(p): p for package in PACKAGES for p in (ROOT / package).rglob("*.py")}


def _type_checking_only(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


@cache
def imports(name: str) -> frozenset[str]:
    """Every module `name` imports at run time (module level or inside functions)."""
    tree = ast.parse(modules()[name].read_text(encoding="utf-8"))
    skipped = {id(n) for block in ast.walk(tree) if _type_checking_only(block) for n in ast.walk(block)}
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.add(full if full in modules() else node.module)
    return frozenset(found)


def _in(name: str, *rooms: str) -> bool:
    return any(name == room or name.startswith(room + ".") for room in rooms)


def violations(rule: str, check) -> list[str]:  # type: ignore[no-untyped-def]
    return [f"{rule}: {m} imports {i}" for m in sorted(modules()) for i in sorted(imports(m)) if not check(m, i)]


def test_question_bank_is_pure_domain() -> None:
    assert violations("domain", lambda m, i: not (_in(m, "question_bank") and _in(i, "quiz", "textual"))) == []


def test_only_the_tui_imports_textual() -> None:
    assert violations("textual", lambda m, i: _in(m, "quiz.tui") or not _in(i, "textual")) == []


def test_the_store_stands_on_the_leaves_only() -> None:
    def ok(m: str, i: str) -> bool:
        if not _in(m, "quiz.store") or not _in(i, "quiz", "question_bank"):
            return True
        return _in(i, "quiz.store") or i in LEAVES - {"quiz.paths"}

    assert violations("store", ok) == []


def test_features_never_reach_a_front_end() -> None:
    def ok(m: str, i: str) -> bool:
        return not (_in(m, *FEATURES, "quiz.store") and _in(i, "quiz.cli", "quiz.tui", "quiz.desk"))

    assert violations("feature", ok) == []


def test_front_ends_go_through_the_desk() -> None:
    def ok(m: str, i: str) -> bool:
        if not _in(m, "quiz.cli", "quiz.tui") or not _in(i, "quiz", "question_bank"):
            return True
        return _in(i, "quiz.cli", "quiz.tui") or i in VALUE_TYPES

    assert violations("front end", ok) == []


def test_sql_text_only_in_the_store() -> None:
    found = []
    for name, path in modules().items():
        if _in(name, "quiz.store"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.match(node.value):
                found.append(f"{name}:{node.lineno}: {node.value[:40]!r}")
    assert found == []


def test_no_import_cycles() -> None:
    graph = {m: sorted(i for i in imports(m) if i in modules() and i != m) for m in modules()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    sys.setrecursionlimit(10000)
    for module in graph:
        if module not in index:
            visit(module)
    assert cycles == []


def test_the_core_loads_without_textual() -> None:
    """Importing the desk (all the core a front end needs) in a fresh interpreter loads no Textual."""
    code = "import json, sys, quiz.desk, quiz.cli; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    loaded = json.loads(out.stdout)
    assert [m for m in loaded if m == "textual" or m.startswith("textual.")] == []
