"""What the tests share: a hand-moved clock, sample banks, predictable questions, screen readers."""
