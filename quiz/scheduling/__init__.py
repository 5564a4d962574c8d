"""Scheduling: FSRS for one card, today's queue, and a learner's personal fit."""
