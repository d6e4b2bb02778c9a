"""``tokens.Step`` and ``quantities.Quantity`` define its own ``__init__`` (compiled with the rest of the module; the one dataclass generates is
exec'd and runs interpreted): it must take the fields' names in the fields' order and give each field its declared
default, a fresh list or dict for a field with a default factory. Fails when a field is added, removed, reordered or
given another default without the same change in ``__init__``."""
from __future__ import annotations

import dataclasses
import inspect

import pytest

from generation.prompting.quantities import Quantity
from generation.prompting.tokens import Step


def _declared_default(f: dataclasses.Field):
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    return f.default


@pytest.mark.parametrize("cls", [Step, Quantity])
def test_init_takes_every_field_in_order_with_its_default(cls):
    fields = dataclasses.fields(cls)
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    assert [p.name for p in params] == [f.name for f in fields]
    for p, f in zip(params, fields):
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            assert p.default is inspect.Parameter.empty, f.name
        elif f.default is not dataclasses.MISSING:
            assert p.default == f.default and type(p.default) is type(f.default), f.name


def test_a_bare_step_holds_every_declared_default():
    step = Step()
    for f in dataclasses.fields(Step):
        assert getattr(step, f.name) == _declared_default(f), f.name
        assert type(getattr(step, f.name)) is type(_declared_default(f)), f.name


def test_list_and_dict_fields_are_fresh_per_step():
    a, b = Step(), Step()
    for f in dataclasses.fields(Step):
        if f.default_factory is not dataclasses.MISSING:
            assert getattr(a, f.name) is not getattr(b, f.name), f.name


def test_given_values_are_kept_and_equality_is_the_dataclass_one():
    kw = {f.name: f"v{i}" for i, f in enumerate(dataclasses.fields(Step))}
    step = Step(**kw)
    assert all(getattr(step, k) == v for k, v in kw.items())
    assert Step(**kw) == step and Step() != step
    assert Step(action="拍", params={"count": 3}) == Step(action="拍", params={"count": 3})
