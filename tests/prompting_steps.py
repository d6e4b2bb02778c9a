"""What the prompting tests read off a normalization, written once: the steps of a free text, the step said with a
given surface, the surfaces or actions in order, and the terms' texts.

Every helper passes its other keyword arguments to ``normalize`` (``spec=``, ``craft=``); ``fields`` gives each step
as the tuple of those fields, in that order, instead of the whole dict (``("action", "tool", "material")``)."""
from generation.prompting import normalize


def _as(step_dict, fields):
    return step_dict if fields is None else tuple(step_dict[f] for f in fields)


def steps(text, *, fields=None, **kwargs):
    return [_as(s, fields) for s in normalize(text, **kwargs).to_dict()["steps"]]


def step(text, said, *, by="surface", fields=None, **kwargs):
    """The first step whose ``by`` field (the surface, or ``by="action"``) is ``said``; fails naming the steps
    there are when none is."""
    got = steps(text, **kwargs)
    found = next((s for s in got if s[by] == said), None)
    if found is None:
        raise AssertionError(f"no step with {by} {said!r} in {got}")
    return _as(found, fields)


def surfaces(text, **kwargs):
    return [s["surface"] for s in steps(text, **kwargs)]


def actions(text, **kwargs):
    return [s["action"] for s in steps(text, **kwargs)]


def step_starting(text, verb, **kwargs):
    """The first step whose action starts with ``verb`` (「抓住」 for 抓); fails naming the steps there are when none is."""
    got = steps(text, **kwargs)
    found = next((s for s in got if s["action"].startswith(verb)), None)
    if found is None:
        raise AssertionError(f"no step whose action starts with {verb!r} in {got}")
    return found


def terms(text, **kwargs):
    """The texts of the terms found, in the normalizer's order."""
    return [t["text"] for t in normalize(text, **kwargs).to_dict()["terms"]]
