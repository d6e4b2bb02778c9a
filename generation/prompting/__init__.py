"""Normalization of oral-history transcripts into structured action descriptions and T2V prompts.

Pure-Python core (no Django needed)::

    from generation.prompting import normalize, render_prompt
    result = normalize("哎呀那个针要斜一点进去,不然容易断。", technique="suxiu-zhengqiang")
    result.to_dict()          # the CLI's JSON object
    render_prompt(result.to_dict(), camera="macro")

The Django app (label ``prompting``) adds the curator-edited spec tables, the admin, the curator
screen and the ``normalize_transcript`` command.

When ``make native`` has compiled the current sources with Cython, the compiled modules are loaded instead
of the plain ones (``native.py`` says when and why; ``HERITAGE_NATIVE=0`` turns it off).
"""
from . import native as _native

_native.activate(__path__)


def normalize(text, technique=None, **kwargs):
    from .core import normalize as _normalize

    return _normalize(text, technique, **kwargs)


def render_prompt(description_dict, camera=None, **kwargs):
    from .render import render_prompt as _render_prompt

    return _render_prompt(description_dict, camera, **kwargs)


def __getattr__(name):
    if name == "Normalization":
        from .core import Normalization

        return Normalization
    raise AttributeError(name)
