"""Scoring against the development gold sets: one module per task, run by `storyline eval`."""
