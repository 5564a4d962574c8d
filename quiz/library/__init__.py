"""Banks, card sync, learners and their preferences: the library the features stand on."""
