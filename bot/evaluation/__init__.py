"""Measurements of the pipeline against the hand-labelled gold in shared/eval (for measuring only)."""
