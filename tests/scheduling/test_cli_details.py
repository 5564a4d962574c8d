"""What a person meets around `quiz optimize` and `quiz simulate`: a typo in --learner makes no
learner, the parameters a simulation used are named, the undo hint works as written."""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner, Result

from quiz.cli import main
from tests.scheduling.simulated import simulated_histories
from tests.support.history import store_history

ROOT = Path(__file__).resolve().parents[2]


def quiz(db: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", str(db), *args])


def test_a_typo_in_the_learner_makes_no_learner(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    store_history(db, simulated_histories(3, 10))
    for command in ("optimize", "simulate"):
        result = quiz(db, command, "--learner", "anne")
        assert result.exit_code == 2
        assert result.stderr.strip() == "quiz: no learner 'anne' (see `quiz learner list`)"
    assert [p["name"] for p in json.loads(quiz(db, "learner", "list", "--json").output)] == ["ann"]


def test_simulate_names_the_parameters_it_used(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    store_history(db, simulated_histories(300, 200))
    args = ("simulate", "--learner", "ann", "--retention", "0.9", "--days", "30", "--cards", "50")
    before = quiz(db, *args)
    assert "With FSRS's default parameters (ann has no fit yet" in " ".join(before.output.split())
    assert json.loads(quiz(db, *args, "--json").output)["parameters"] == "default"
    saved = quiz(db, "optimize", "--learner", "ann")
    hint = saved.output.split("(undo: ", 1)[1].split(")")[0]
    assert json.loads(quiz(db, *args, "--json").output)["parameters"] == "fitted"
    assert quiz(db, *shlex.split(hint)[1:]).exit_code == 0  # the hint, run as printed
    assert json.loads(quiz(db, *args, "--json").output)["parameters"] == "default"


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    """`quiz bank questions … | head -1`: no 'Broken pipe' line once the reader has enough."""
    command = (f"{shlex.quote(sys.executable)} -m quiz --db {shlex.quote(str(tmp_path / 'q.db'))} "
               "bank questions belgrade-offensive --mode mc | head -1")
    done = subprocess.run(["bash", "-c", command], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.stdout.startswith("[") and done.stderr == ""
