"""What the prompting tests read off a normalization, written once: the steps of a free text, the step said with a
given surface, and the surfaces or actions in order."""
from generation.prompting import normalize


def steps(text, **kwargs):
    return normalize(text, **kwargs).to_dict()["steps"]


def step(text, surface):
    return next(s for s in steps(text) if s["surface"] == surface)


def surfaces(text):
    return [s["surface"] for s in steps(text)]


def actions(text):
    return [s["action"] for s in steps(text)]
