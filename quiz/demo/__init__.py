"""`quiz demo`: a simulated class so every statistics and results screen has real-looking content."""

from quiz.demo.simulate import DemoResult, run_demo

__all__ = ["DemoResult", "run_demo"]
