"""Change history of the data from its git log: per-procedure entries, recent changes, sheets to replace."""

from generator.history.git import last_changed

__all__ = ["last_changed"]
