"""One record for every problem the checker finds, and the catalogue of their codes.

A check never raises: it yields :class:`Problem` records. Loading errors (unreadable files,
YAML syntax, wrong encoding) are problems too, so a run always collects everything.
"""

from generator.problems.catalogue import CATALOGUE, ProblemCode, Severity
from generator.problems.record import Problem, make

__all__ = ["CATALOGUE", "Problem", "ProblemCode", "Severity", "make"]
