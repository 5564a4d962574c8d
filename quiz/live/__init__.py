"""Live review (issue #22): a whole-class game built from the class's own weak facts.

`model` holds the views a host (the teacher's screen) and a player (a student's) are given;
`service` runs a game on the store: its questions from the class's memory (weakest, most due) or
a paper, each answer stamped and judged by the store's clock, one answer per student and question,
every answer counted as a review of that student's card.
"""
