"""The doors: one object per audience, each on one database.

- `learner.LearnerDoor`: study, own progress, banks, settings, learners on this database;
- `teacher.TeacherDoor`: classes, papers, results, exports, class progress, the demo;
- `student.StudentDoor`: sign in to a paper with a personal code, answer, submit, own result.

A front end imports the door it needs and gets no other; this file imports none of them, so the
student's take app never loads the teacher's modules by importing a door.
"""
