"""The indexed event dictionary answers as the plain one does, only faster."""

from __future__ import annotations

from generator.extract.events.kinds import event_types
from generator.index.events.lookup import indexed
from generator.knowledge import Knowledge


def test_indexed_types_agree(knowledge: Knowledge) -> None:
    types = event_types(knowledge)
    fast = indexed(types)
    names = [t.name for t in types.types] + ["not-a-type", "another"]
    for a in names:
        assert fast.get(a) == types.get(a)
        assert fast.span_days(a) == types.span_days(a)
        for b in names:
            assert fast.related(a, b) == types.related(a, b), (a, b)
            assert fast.first(a, b) == types.first(a, b), (a, b)
