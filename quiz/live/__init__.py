"""Live review (issue #22): a whole-class game built from the class's own weak facts.

`model` holds the views a host (the teacher's screen) and a player (a student's) are given;
`service` (the teacher's `LiveHost`) runs a game on the store: its questions from the class's
memory (weakest, most due: `choice`) or a paper, each question opened for a countdown, revealed,
and the game ended and reported; `player` (a student's `LivePlayer`, which imports no teacher
module) joins and answers, each answer stamped and judged by the store's clock, one answer per
student and question, every answer counted as a review of that student's card; `game` is what both
sides read of a game (its questions, points, standings).

This file imports nothing, so that importing `quiz.live.player` loads no teacher module.
"""
