"""Helpers the normalizer's rule tests share: the steps of a text, and the step whose action starts with a verb."""
from generation.prompting import normalize


def steps_of_text(text, craft=None):
    return normalize(text, craft=craft).to_dict()["steps"]


def step_starting(text, verb, craft=None):
    """The first step whose action starts with ``verb``; fails the test, listing the steps, when there is none."""
    steps = steps_of_text(text, craft)
    for s in steps:
        if s["action"].startswith(verb):
            return s
    raise AssertionError(f"no step {verb} in {steps}")
