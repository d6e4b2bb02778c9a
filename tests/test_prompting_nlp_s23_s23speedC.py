"""s23-speedC: ``quantities.Quantity`` built by position (``QuantityFinder._number_unit``, ``_heat``,
``_bare_corrections``) holds what the keyword arguments gave."""
from __future__ import annotations

from generation.prompting.quantities import Quantity


def test_quantity_by_position_holds_the_keyword_fields():
    q = Quantity(3, 6, "count", 3, "三下", None, True, 1.0, "")
    assert (q.start, q.end, q.name, q.value, q.raw, q.keep, q.one_event, q.scale, q.counted) == \
        (3, 6, "count", 3, "三下", None, True, 1.0, "")
    q = Quantity(0, 2, "count", 2, "两个", None)
    assert (q.one_event, q.scale, q.counted) == (False, 0.0, "")
