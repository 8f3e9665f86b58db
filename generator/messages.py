"""The problems as the terminal shows them: each one, except the many of one kind.

A dossier of wire copy can have hundreds of files with a headline another file has, or the
same text as another: printed one by one, they bury the problems that need a look (a file
skipped, an encoding guessed). So past GROUP_AT problems of one kind, the terminal shows the
first SHOWN of them and one line for the rest; the build report page lists every one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from generator.models import Problem

GROUP_AT = 10  # more problems of one kind than this are summed up
SHOWN = 3  # of which the first this many are shown in full


def problem_lines(problems: Sequence[Problem], report: str) -> list[str]:
    """Return the warning lines for `problems`; `report` names the page that lists them all."""
    counts = Counter(p.kind for p in problems if p.kind)
    grouped = {kind for kind, n in counts.items() if n > GROUP_AT}
    shown: Counter[str] = Counter()
    lines = []
    for problem in problems:
        if problem.kind in grouped:
            shown[problem.kind] += 1
            if shown[problem.kind] > SHOWN:
                continue
        lines.append(f"warning: {problem}")
    for kind in sorted(grouped):
        rest = counts[kind] - SHOWN
        lines.append(f"warning: {rest} more files {kind}; kept; {report} lists them all")
    return lines
