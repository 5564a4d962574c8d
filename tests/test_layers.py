"""The house's import rules: the import-linter contracts in pyproject.toml, run by pytest as well.

`lint-imports` sees `import` statements. This test adds what it cannot see: a module named in a
string (`importlib.import_module("quiz.tui.app")`, `__import__`, a lazy re-export table such as the
desk's `_LAZY`, the CLI's `COMMANDS`) is an import of that module, and the same contracts must hold
with those imports added. An `if not TYPE_CHECKING:` import is a run-time import (grimp counts it;
checked below on a small package). SQL text outside quiz/store: tests/test_sql_literals.py.
"""

from __future__ import annotations

import ast
import copy
import json
import re
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import grimp
import pytest
from importlinter import api
from importlinter.contracts.acyclic_siblings import AcyclicSiblingsContract
from importlinter.contracts.forbidden import ForbiddenContract
from importlinter.contracts.independence import IndependenceContract
from importlinter.contracts.layers import LayersContract
from importlinter.contracts.protected import ProtectedContract
from importlinter.domain.contract import Contract

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
CONTRACT_TYPES: dict[str, type[Contract]] = {
    c.type_name: c  # type: ignore[attr-defined]
    for c in (ForbiddenContract, LayersContract, IndependenceContract, ProtectedContract, AcyclicSiblingsContract)
}
IMPORTERS = {"import_module", "__import__", "find_spec"}  # importlib's, the builtin, importlib.util's
DOTTED = re.compile(r"[A-Za-z_]\w*(\.[A-Za-z_]\w*)+")

# Imports named in strings that break a contract, each with why it is tolerated for now. A line
# whose import is gone fails `test_every_known_string_import_still_exists`: remove it then.
KNOWN_STRING_IMPORTS = {
    ("quiz.tui.screens.study", "question_bank.answers.check"):
        "VIOLATION (front ends go through a door): warms up the answer checker (dateparser) while "
        "the first question is read; the door should offer that instead of the screen naming the domain",
}


@dataclass(frozen=True)
class StringImport:
    importer: str
    imported: str
    line: int


# --- the detector: modules named in strings -----------------------------------------------------


def _leading_text(node: ast.AST) -> str | None:
    """The constant text a string expression starts with: "quiz.x", f"quiz.x.{name}", "quiz." + name."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr) and node.values:
        first = node.values[0]
        return first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _leading_text(node.left)
    return None


def _is_importer_call(node: ast.Call) -> bool:
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    return name in IMPORTERS


def named_modules(source: str, roots: tuple[str, ...] = ("quiz", "question_bank")) -> list[tuple[int, str]]:
    """(line, name) for each module a source names as a string to be imported.

    Any string that is exactly a dotted name under one of `roots` ("quiz.cli.study" in a lazy
    table); and the first argument of `import_module`/`__import__`/`find_spec`, whatever it names
    (`import_module("textual.app")`), an f-string or a sum counting up to its last dot
    (f"quiz.exports.{name}" names quiz.exports). Prose ("module 'quiz.desk' has no ...") is not
    a dotted name, so it names nothing.
    """
    found: list[tuple[int, str]] = []
    tree = ast.parse(source)
    in_calls: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _is_importer_call(node) and node.args:
            arg = node.args[0]
            text = _leading_text(arg)
            if text is None:
                continue  # a variable: its value is a string literal somewhere, found below
            in_calls.update(id(n) for n in ast.walk(arg))
            if not isinstance(arg, ast.Constant):
                text = text.rpartition(".")[0]
            if DOTTED.fullmatch(text) or re.fullmatch(r"[A-Za-z_]\w*", text):
                found.append((node.lineno, text))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in in_calls
            and DOTTED.fullmatch(node.value) and node.value.split(".")[0] in roots
        ):
            found.append((node.lineno, node.value))
    return sorted(found)


def _existing(name: str, modules: set[str]) -> str | None:
    """`name`, or its nearest ancestor in the graph ("quiz.exports.gone" counts as quiz.exports)."""
    parts = name.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in modules:
            return candidate
        parts.pop()
    return None


# --- the graph and the contracts ---------------------------------------------------------------


@cache
def configuration() -> dict[str, Any]:
    return api.read_configuration(str(PYPROJECT))


@cache
def static_graph() -> grimp.ImportGraph:
    """The graph `lint-imports` builds from pyproject's options (no cache: never a stale graph)."""
    options = configuration()["session_options"]
    return grimp.build_graph(
        *options["root_packages"],
        include_external_packages=str(options.get("include_external_packages")).lower() == "true",
        exclude_type_checking_imports=str(options.get("exclude_type_checking_imports")).lower() == "true",
        cache_dir=None,
    )


def _module_path(module: str) -> Path:
    base = ROOT.joinpath(*module.split("."))
    return base / "__init__.py" if base.is_dir() else base.with_suffix(".py")


@cache
def string_imports() -> tuple[StringImport, ...]:
    graph = static_graph()
    internal = {m for m in graph.modules if m.split(".")[0] in configuration()["session_options"]["root_packages"]}
    found = []
    for module in sorted(internal):
        path = _module_path(module)
        for line, name in named_modules(path.read_text(encoding="utf-8")):
            target = _existing(name, internal) if name.split(".")[0] in {"quiz", "question_bank"} else name.split(".")[0]
            if target and target != module:
                found.append(StringImport(module, target, line))
    return tuple(found)


@cache
def full_graph() -> grimp.ImportGraph:
    """The static graph plus every import named in a string (but the known, listed exceptions)."""
    graph = copy.deepcopy(static_graph())
    for imp in string_imports():
        if (imp.importer, imp.imported) not in KNOWN_STRING_IMPORTS:
            graph.add_import(
                importer=imp.importer, imported=imp.imported, line_number=imp.line,
                line_contents=f"<named in a string: {imp.imported}>",
            )
    return graph


def contract(contract_id: str) -> Contract:
    options = next(c for c in configuration()["contracts_options"] if c.get("id") == contract_id)
    return CONTRACT_TYPES[options["type"]](
        name=options["name"], session_options=configuration()["session_options"], contract_options=options,
    )


def broken(contract_id: str, graph: grimp.ImportGraph) -> str | None:
    """None when the contract holds on `graph`, else what breaks it."""
    check = contract(contract_id).check(copy.deepcopy(graph), verbose=False)
    return None if check.kept else json.dumps(check.metadata, default=str, indent=1)[:4000]


CONTRACT_IDS = [c["id"] for c in api.read_configuration(str(PYPROJECT))["contracts_options"]]


# --- the rules hold ----------------------------------------------------------------------------


@pytest.mark.parametrize("contract_id", CONTRACT_IDS)
def test_contract_holds_with_string_imports_added(contract_id: str) -> None:
    assert broken(contract_id, full_graph()) is None


def test_lint_imports_passes() -> None:
    """Exactly what CI runs, so a contract that only `lint-imports` reads wrongly fails here too."""
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]


def test_every_known_string_import_still_exists() -> None:
    present = {(i.importer, i.imported) for i in string_imports()}
    assert [pair for pair in KNOWN_STRING_IMPORTS if pair not in present] == []


def test_string_imports_are_found_in_the_code() -> None:
    """The detector reads the real lazy tables: the CLI's commands and the desk's re-exports."""
    pairs = {(i.importer, i.imported) for i in string_imports()}
    assert ("quiz.cli", "quiz.cli.study") in pairs
    assert any(importer == "quiz.doors" or importer.startswith("quiz.doors.") for importer, _ in pairs)


def test_no_import_cycle_between_modules() -> None:
    """acyclic_siblings sees cycles between siblings; this also sees a package and its own module
    importing each other, and counts the imports named in strings."""
    graph = full_graph()
    internal = sorted(m for m in graph.modules if m.split(".")[0] in {"quiz", "question_bank"})
    edges = {m: sorted(i for i in graph.find_modules_directly_imported_by(m) if i in graph.modules and i != m)
             for m in internal}
    assert cycles(edges) == []


def cycles(edges: dict[str, list[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in edges:
        if start in index:
            continue
        work = [(start, iter(edges.get(start, [])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(edges.get(child, []))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        top = stack.pop()
                        on_stack.discard(top)
                        component.append(top)
                        if top == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return found


def test_the_core_loads_without_textual() -> None:
    """Importing the doors (all the core a front end needs) and the CLI in a fresh interpreter loads
    no Textual: this also sees imports inside other packages, which the graph does not follow."""
    doors = [m for m in static_graph().modules if m == "quiz.doors" or m.startswith("quiz.doors.")]
    code = f"import json, sys; import {', '.join([*doors, 'quiz.cli'])}; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    loaded = json.loads(out.stdout)
    assert [m for m in loaded if m == "textual" or m.startswith("textual.")] == []


TEACHER_MODULES = ("quiz.classroom.papers", "quiz.classroom.results", "quiz.classroom.analysis",
                   "quiz.classroom.classes", "quiz.classroom.service", "quiz.stats", "quiz.exports", "quiz.demo",
                   "quiz.doors.teacher")


def _teacher_modules(loaded: list[str]) -> list[str]:
    return [m for m in loaded if any(m == t or m.startswith(t + ".") for t in TEACHER_MODULES)]


def test_the_take_app_loads_no_teacher_module() -> None:
    """What the graph cannot see: importing `quiz.classroom.x` runs quiz/classroom/__init__.py first,
    and that imports the whole service, papers and results included."""
    student = [m for m in static_graph().modules if m in {"quiz.tui.take_app", "quiz.doors.student", "quiz.live.player"}]
    code = f"import json, sys; import {', '.join(student)}; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert _teacher_modules(json.loads(out.stdout)) == []


# Runs a tab's command line (`python -m quiz.tab …`, argv from the module on) with each app made as
# for a student and never started: the app classes are patched as their modules are imported, so
# nothing is imported before the entry runs (it keeps ssl and hashlib's libcrypto out, first thing).
# Prints the modules loaded (a module kept out is None in sys.modules: not listed).
TAB_ENTRY = """\
import importlib.machinery, json, runpy, sys
APPS = {"quiz.tui.take_app": "TakeApp", "quiz.tui.student_app": "StudentApp", "quiz.tui.teacher_app": "TeacherApp"}
class NeverRun(importlib.machinery.PathFinder):
    @classmethod
    def find_spec(cls, name, path=None, target=None):
        spec = super().find_spec(name, path, target) if name in APPS else None
        if spec is not None:
            load = spec.loader.exec_module
            def exec_module(module):
                load(module)
                getattr(module, APPS[name]).run = lambda self: None
            spec.loader.exec_module = exec_module
        return spec
sys.meta_path.insert(0, NeverRun)
module, sys.argv = sys.argv[1], sys.argv[1:]
try:
    runpy.run_module(module, run_name="__main__")
except SystemExit as done:
    assert not done.code, done.code
print(json.dumps(sorted(name for name, loaded in sys.modules.items() if loaded is not None)))
"""
NOT_IN_A_TAB = ("click", "click_default_group", "quiz.cli", "_hashlib", "ssl", "_ssl")


def _tab(argv: list[str]) -> list[str]:
    """The modules a tab's command line loads (TAB_ENTRY)."""
    assert argv[:3] == ["exec", sys.executable, "-m"] and argv[3] == "quiz.tab"
    out = subprocess.run([sys.executable, "-c", TAB_ENTRY, *argv[3:]], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-3000:]
    loaded: list[str] = json.loads(out.stdout.splitlines()[-1])
    assert [m for m in loaded if any(m == n or m.startswith(n + ".") for n in NOT_IN_A_TAB)] == []
    return loaded


@pytest.mark.parametrize("with_code", [True, False])
def test_the_take_command_loads_no_teacher_module(tmp_path: Path, with_code: bool) -> None:
    """The real entry: `python -m quiz.tab --db DB paper take [CODE]`, the command every served tab
    runs (quiz.cli.serve.take_command), through the student's door and the take app's construction:
    no teacher module and no teacher's door is in the process, nor click, ssl or hashlib's libcrypto."""
    from quiz.cli.serve import take_command
    from quiz.doors.teacher import TeacherDoor

    db = tmp_path / "quiz.db"
    teacher = TeacherDoor(db, "teacher")
    code = teacher.classroom.new_paper("belgrade-offensive", "Check", count=2, seed=1).code
    teacher.close()
    loaded = _tab(take_command(db, code if with_code else None).split())
    app = "quiz.tui.take_app" if with_code else "quiz.tui.student_app"  # without a paper: the student's home
    assert "quiz.doors.student" in loaded and app in loaded  # the path was really taken
    assert "hashlib" in loaded and "quiz.classroom.codes" in loaded  # hashlib, without its OpenSSL part
    assert _teacher_modules(loaded) == []


def test_the_student_home_command_loads_no_teacher_module(tmp_path: Path) -> None:
    """`quiz serve` without --paper runs `python -m quiz.tab --db DB student` per tab: the student's
    home app is made (its door, home, study and take screens imported) and no teacher module is in
    the process, nor the learner's door."""
    from quiz.cli.serve import take_command
    from quiz.doors.teacher import TeacherDoor

    db = tmp_path / "quiz.db"
    TeacherDoor(db, "teacher").close()
    argv = take_command(db, None).split()
    assert argv[-1] == "student"
    loaded = _tab(argv)
    for module in ("quiz.tui.student_app", "quiz.tui.screens.student_home",
                   "quiz.tui.screens.student_study", "quiz.tui.screens.take", "quiz.doors.student"):
        assert module in loaded
    assert _teacher_modules(loaded) == []
    assert "quiz.doors.learner" not in loaded and "quiz.homework.service" not in loaded


def test_the_teacher_tab_command_loads_no_study_app_writes_or_exports(tmp_path: Path) -> None:
    """`quiz serve --teachers` runs `python -m quiz.tab --db DB teacher-tab` per /teacher tab: the
    teacher's app and its screens are made, and no study app, palette, writer, export or learner's
    door is in the process."""
    from quiz.cli.serve import teacher_command
    from quiz.doors.teacher import TeacherDoor

    db = tmp_path / "quiz.db"
    TeacherDoor(db, "teacher").close()
    argv = teacher_command(db).split()
    assert argv[-1] == "teacher-tab"
    loaded = _tab(argv)
    assert {"quiz.doors.teacher", "quiz.tui.teacher_app", "quiz.tui.screens.teacher_tab"} <= set(loaded)
    banned = ("quiz.tui.app", "quiz.tui.commands", "quiz.tui.writer", "quiz.exports", "quiz.demo", "quiz.doors.learner")
    assert [m for m in loaded if any(m == b or m.startswith(b + ".") for b in banned)] == []


# --- each rule can fail: a violating import added to the real graph breaks its contract ---------

VIOLATIONS = [
    ("domain", "question_bank", "quiz.doors.learner"),
    ("textual", "quiz.study", "textual"),
    ("textual", "quiz.cli", "textual"),  # the CLI reaches Textual only through quiz.tui
    ("textual", "question_bank", "textual"),
    ("textual-serve", "quiz.tui", "textual_serve"),
    ("engines", "quiz.library", "sqlite3"),
    ("engines", "quiz.tui", "sqlite_utils"),
    ("engines", "quiz.classroom", "psycopg"),
    ("layers", "quiz.store", "quiz.study"),  # the store above a feature
    ("layers", "quiz.tui", "quiz.cli"),
    ("layers", "quiz.study", "quiz.classroom"),  # features are independent
    ("layers", "quiz.classroom", "quiz.live"),  # a live game stands on the classroom, never the reverse
    ("layers", "quiz.library", "quiz.scheduling"),
    ("layers", "quiz.errors", "quiz.settings"),
    ("front-ends", "quiz.tui", "quiz.store"),
    ("front-ends", "quiz.cli", "quiz.classroom"),
    ("front-ends", "quiz.tui", "question_bank"),
    ("store-leaves", "quiz.store", "quiz.paths"),
    ("student-door", "quiz.tui.take_app", "quiz.classroom.papers"),
    ("student-door", "quiz.tui.take_app", "quiz.stats"),
    ("student-door", "quiz.tui.screens.take_sign_in", "quiz.classroom.service"),  # any chain from the app
    ("student-command", "quiz.cli.take", "quiz.doors.teacher"),
    ("student-door-chains", "quiz.doors.student", "quiz.classroom.papers"),
    ("student-door-chains", "quiz.classroom.taking", "quiz.classroom.results"),  # any chain from the door
    ("student-door-chains", "quiz.doors.student", "quiz.doors.teacher"),
    ("student-door-chains", "quiz.live.player", "quiz.classroom.papers"),  # a chain through a live game
    ("teacher-tab", "quiz.tui.teacher_app", "quiz.tui.writer"),
    ("teacher-tab", "quiz.tui.screens.progress", "quiz.exports"),
    ("acyclic", "quiz.errors", "quiz.settings"),  # quiz.settings imports quiz.errors
]


@pytest.mark.parametrize(("contract_id", "importer", "imported"), VIOLATIONS)
def test_a_violating_import_breaks_the_contract(contract_id: str, importer: str, imported: str) -> None:
    graph = copy.deepcopy(static_graph())
    assert broken(contract_id, graph) is None
    graph.add_import(importer=importer, imported=imported, line_number=1, line_contents=f"import {imported}")
    assert broken(contract_id, graph) is not None


def test_every_contract_is_shown_to_fail() -> None:
    assert {c for c, _, _ in VIOLATIONS} == set(CONTRACT_IDS)


def test_a_string_import_breaks_a_contract_the_statements_keep() -> None:
    """A feature that loads the TUI by name is as wrong as one that imports it."""
    graph = copy.deepcopy(static_graph())
    source = 'import importlib\n\ndef show():\n    return importlib.import_module("quiz.tui.app")\n'
    for line, name in named_modules(source):
        graph.add_import(importer="quiz.study", imported=name, line_number=line, line_contents=name)
    assert broken("layers", graph) is not None


# --- the detector, on small sources --------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('importlib.import_module("quiz.tui.app")', [(1, "quiz.tui.app")]),
        ('import_module("textual.widgets")', [(1, "textual.widgets")]),
        ('__import__("quiz.tui")', [(1, "quiz.tui")]),
        ('importlib.util.find_spec("quiz.cli.take")', [(1, "quiz.cli.take")]),
        ('importlib.import_module(f"quiz.exports.{name}")', [(1, "quiz.exports")]),
        ('importlib.import_module("quiz.exports." + name)', [(1, "quiz.exports")]),
        ('_LAZY = {"Exports": ("quiz.exports.service", "Exports")}', [(1, "quiz.exports.service")]),
        ('COMMANDS = {\n    "study": ("quiz.cli.study", "study"),\n}', [(2, "quiz.cli.study")]),
        ('x = ("quiz."\n     "tui.app")', [(1, "quiz.tui.app")]),  # implicit concatenation
        ('raise AttributeError(f"module \'quiz.desk\' has no attribute {name!r}")', []),
        ('"""See quiz.desk for the doors."""', []),
        ('prog = "quiz"', []),
        ('version = "1.2.3"', []),
        ('importlib.import_module(module)', []),  # the name is a literal elsewhere, found there
    ],
)
def test_named_modules(source: str, expected: list[tuple[int, str]]) -> None:
    assert named_modules(source) == expected


def test_an_import_under_if_not_type_checking_is_a_run_time_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the contracts' options, grimp keeps `if not TYPE_CHECKING:` and `else:` imports and
    drops only those a type checker alone sees."""
    package = tmp_path / "layered_probe"
    package.mkdir()
    (package / "__init__.py").write_text("")
    for name in ("runtime", "runtime_else", "checker", "checker_attr"):
        (package / f"{name}.py").write_text("")
    (package / "feature.py").write_text(textwrap.dedent("""\
        import typing
        from typing import TYPE_CHECKING

        if not TYPE_CHECKING:
            import layered_probe.runtime
        if TYPE_CHECKING:
            import layered_probe.checker
        else:
            import layered_probe.runtime_else
        if typing.TYPE_CHECKING:
            import layered_probe.checker_attr
        """))
    monkeypatch.syspath_prepend(str(tmp_path))
    options = configuration()["session_options"]
    assert str(options["exclude_type_checking_imports"]).lower() == "true"
    graph = grimp.build_graph("layered_probe", exclude_type_checking_imports=True, cache_dir=None)
    assert graph.find_modules_directly_imported_by("layered_probe.feature") == {
        "layered_probe.runtime", "layered_probe.runtime_else",
    }
