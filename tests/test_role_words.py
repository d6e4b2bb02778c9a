"""One Chinese word for one role. The README calls the curators 馆员, as the inheritor's signing screens do;
the staff pages, API messages and the catalogue said 策展人 for the same people (walk11), so an elderly
inheritor told to 「联系馆员」 met a 策展人 on the next screen. Every user-facing source (code messages,
templates, the English catalogue's msgids, the docs) now says 馆员."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("archive", "review", "records", "gallery", "generation", "heritage", "templates", "static", "locale",
           "docs")
SUFFIXES = {".py", ".html", ".js", ".po", ".md", ".txt"}
OTHER_WORD = "策展人"


def _texts():
    yield ROOT / "README.md"
    for top in SOURCES:
        for path in (ROOT / top).rglob("*"):
            if path.suffix in SUFFIXES and path.is_file():
                yield path


def test_the_curator_is_called_guanyuan_everywhere():
    found = [f"{p.relative_to(ROOT)}:{n}" for p in _texts()
             for n, line in enumerate(p.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
             if OTHER_WORD in line]
    assert not found, f"{OTHER_WORD} where the role is called 馆员 (README): {found[:20]}"
    assert "馆员" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_a_curator_only_refusal_names_the_role_in_the_one_word():
    from django.utils import translation

    from review.workflow import ACTIONS

    with translation.override("zh-hans"):
        refusals = [str(a.refusal) for a in ACTIONS.values()]
    assert any("只有馆员" in r for r in refusals) and not any(OTHER_WORD in r for r in refusals)
