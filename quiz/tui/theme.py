"""The app's own colours, shared by the study app and the student's take app."""

from __future__ import annotations

from textual.theme import Theme

QUIZ_THEME = Theme(
    name="quiz",
    primary="#5FA8D3",
    secondary="#8AB17D",
    accent="#E9C46A",
    warning="#F4A261",
    error="#E76F51",
    success="#8AB17D",
    foreground="#E6E6E6",
    background="#1B2430",
    surface="#222D3B",
    panel="#2B394A",
    dark=True,
)
