"""Homework (issue #21): a bank's cards set to a class, at a daily pace, before an exam date.
`Homework` (service.py) is the teacher's side; the study session reads active homework itself."""
