"""Run the benchmarks: a table of figures, or one JSON object of named figures with --json.

Each benchmark module exposes `run() -> dict[str, float]`; targets are printed beside figures
and never asserted.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time

# name -> (module, {figure: (target, unit, "max"|"min")})
BENCHMARKS: dict[str, tuple[str, dict[str, tuple[float | None, str]]]] = {
    "generate": ("bench.generate", {"generate_10k_facts_s": (1.0, "s"), "questions_generated": (None, "")}),
    "study": ("bench.study", {
        "queue_ms": (20.0, "ms"), "answer_median_us": (250.0, "µs"), "answer_p99_us": (None, "µs"),
        "open_first_card_ms": (100.0, "ms"), "peak_rss_mb": (200.0, "MB"),
    }),
    "classroom": ("bench.classroom", {
        "paper_new_ms": (None, "ms"), "results_ms": (50.0, "ms"), "concurrent_takers_s": (None, "s"),
        "concurrent_answer_p99_ms": (None, "ms"), "concurrent_answers_lost": (0.0, ""),
    }),
    "startup": ("bench.startup", {"tui_first_question_s": (None, "s"), "textual_baseline_s": (None, "s"),
                                  "tui_vs_baseline": (1.5, "×")}),
    "serve": ("bench.serve", {"serve_rss_mb_per_tab": (40.0, "MB"), "serve_pss_mb_per_tab": (None, "MB"), "serve_stop_s": (None, "s")}),
    "server": ("bench.server", {
        "server_key_to_screen_p50_ms": (None, "ms"), "server_key_to_screen_p99_ms": (150.0, "ms"),
        "server_answers_lost": (0.0, ""), "server_cpu_ms_per_answer": (None, "ms"),
        "server_rss_mb_per_tab": (40.0, "MB"), "server_rss_mb_server": (None, "MB"),
        "server_sign_in_all_s": (None, "s"), "server_answering_s": (None, "s"),
    }),
    "live": ("bench.live", {
        "live_answers_lost_35": (0.0, ""), "live_reveal_to_screen_p50_ms_35": (None, "ms"),
        "live_reveal_to_screen_p99_ms_35": (1000.0, "ms"), "live_server_cpu_ms_per_answer_35": (None, "ms"),
        "live_rss_mb_per_tab_35": (None, "MB"), "live_answers_lost_150": (0.0, ""),
        "live_reveal_to_screen_p50_ms_150": (None, "ms"), "live_reveal_to_screen_p99_ms_150": (None, "ms"),
        "live_server_cpu_ms_per_answer_150": (None, "ms"), "live_rss_mb_per_tab_150": (None, "MB"),
        "live_db_cpu_ms_per_answer_150": (None, "ms"),
    }),
    "exports": ("bench.exports", {"export_all_formats_s": (2.0, "s")}),
    "optimize": ("bench.optimize", {"optimize_s": (10.0, "s"), "optimize_reviews": (None, ""),
                                    "log_loss_default": (None, ""), "log_loss_fitted": (None, "")}),
    "stats": ("bench.stats", {"stats_learner_ms": (100.0, "ms"), "stats_class_ms": (300.0, "ms"), "demo_s": (15.0, "s")}),
    "postgres": ("bench.postgres", {
        "sqlite_answer_median_us": (None, "µs"), "pg_answer_median_us": (2000.0, "µs"),
        "pg_concurrent_takers_s": (None, "s"), "pg_concurrent_answer_p99_ms": (None, "ms"),
        "pg_concurrent_answers_lost": (0.0, ""), "pg_stats_learner_ms": (None, "ms"),
        "pg_stats_class_ms": (None, "ms"), "pg_stats_vs_sqlite": (1.5, "×"),
    }),
    "extract": ("bench.extract", {"extract_article_s": (2.0, "s"), "extract_article_warm_s": (None, "s"), "extract_1mb_s": (2.0, "s"),
                                  "extract_1mb_sentences_s": (None, "s"), "extract_1mb_finds_s": (None, "s"),
                                  "extract_1mb_draft_s": (None, "s"),
                                  **{f"corpus_{run}_{kind}_{figure}": (None, "")  # target >= 0.9 (docs/extraction-quality.md)
                                     for run in ("first_run", "now") for kind in ("dates", "actors", "places")
                                     for figure in ("recall", "precision")}}),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--only", action="append", choices=sorted(BENCHMARKS), help="run only NAME (repeatable)")
    parser.add_argument("--json", action="store_true", help="print one JSON object of named figures")
    args = parser.parse_args(argv)
    figures: dict[str, float] = {}
    for name in args.only or list(BENCHMARKS):
        module_name, targets = BENCHMARKS[name]
        started = time.perf_counter()
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            print(f"{name}: skipped ({error})", file=sys.stderr)
            continue
        result = module.run()
        figures.update(result)
        if not args.json:
            print(f"\n{name}  ({time.perf_counter() - started:.1f} s)")
            for key, value in result.items():
                target, unit = targets.get(key, (None, ""))
                verdict = ""
                if target is not None:
                    verdict = f"target ≤ {target:g} {unit}  " + ("ok" if value <= target else "MISSED")
                print(f"  {key:<33} {value:>12.3f} {unit:<3} {verdict}")
    if args.json:
        print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
