"""An action table made into django-fsm transitions: the one mechanism behind review/workflow.py (``Review``)
and archive/signer_workflow.py (``SignerChange``).

Each table is a dict of rows by name; a row has ``name``, ``sources``, ``target`` (None: the state does not
change) and ``guards`` (``guard(obj) -> None`` raising the table's refusal type). ``install_transitions`` puts
one ``@transition`` method per row on the model: its django-fsm condition asks ``first_refusal`` (so the
condition and the refusal's message are one function), its permission asks the table's own rule, and its body
calls the row's work. Rows are looked up by name when a transition runs, so a row replaced in the table (a
test's ``monkeypatch.setitem``) is the one that runs.
"""
from __future__ import annotations

from typing import Any, Callable, Mapping

from django_fsm import transition


def first_refusal(guards, obj, refused: type[Exception]) -> Exception | None:
    """The refusal of the first of ``guards`` that stops on ``obj`` now, or None."""
    for guard in guards:
        try:
            guard(obj)
        except refused as exc:
            return exc
    return None


def install_transitions(model, field_name: str, table: Mapping[str, Any], *, refused: type[Exception],
                        permitted: Callable[[str, Any, Any], bool], call: Callable[..., Any],
                        custom: Callable[[Any], dict] = lambda row: {}) -> None:
    """One django-fsm ``@transition`` method on ``model`` per row of ``table``.

    ``permitted(name, obj, user)`` is the row's permission; ``call(row, obj, *args, **kwargs)`` runs the row's
    work when the transition is taken. django-fsm collects a model's transitions when the class is prepared;
    these are added after it, so they are collected again here (django-fsm's ``_collect_transitions``, the
    version pinned in requirements.txt)."""
    state = model._meta.get_field(field_name)
    for row in table.values():
        setattr(model, row.name, _transition(model, state, table, row, refused, permitted, call, custom(row)))
    state._collect_transitions(sender=model)


def _transition(model, state, table, row, refused, permitted, call, custom):
    name = row.name

    def guards_pass(obj) -> bool:
        return first_refusal(table[name].guards, obj, refused) is None

    def has_right(obj, user) -> bool:
        return permitted(name, obj, user)

    def move(self, *args, **kwargs):
        return call(table[name], self, *args, **kwargs)

    guards_pass.__name__ = guards_pass.__qualname__ = f"{name}_guards_pass"
    move.__name__, move.__qualname__ = name, f"{model.__name__}.{name}"  # django-fsm names a transition by its method
    method = transition(
        field=state, source=[str(s) for s in row.sources],
        target=str(row.target) if row.target is not None else None,
        conditions=[guards_pass], permission=has_right, custom=custom,
    )(move)
    method.alters_data = True  # a template never calls it
    return method
