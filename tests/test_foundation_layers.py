"""The import contract (.importlinter): layers flow one way, core (heritage) → archive → generation →
review → records → gallery, and the engine imports no Django. It holds for the repository, and a
deliberate backwards import in a copy of the sources breaks it."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("heritage", "archive", "generation", "review", "records", "gallery")
LINT = Path(sys.executable).with_name("lint-imports")


def _lint(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(LINT), "--no-cache", "--config", str(cwd / ".importlinter")], cwd=cwd,
                          env={"PYTHONPATH": str(cwd), "PATH": "/usr/bin:/bin"}, capture_output=True, text=True,
                          timeout=600)


def _copy_sources(dest: Path) -> None:
    for pkg in PACKAGES:
        shutil.copytree(ROOT / pkg, dest / pkg, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "data"))
    shutil.copy(ROOT / ".importlinter", dest / ".importlinter")


@pytest.mark.slow
def test_contract_holds_for_the_repository(tmp_path):
    _copy_sources(tmp_path)
    result = _lint(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.slow
@pytest.mark.parametrize("module, line, broken", [
    ("archive/_probe.py", "from review import models\n", "archive is not allowed to import review"),
    ("review/_probe.py", "import records.selectors\n", "review is not allowed to import records"),
    ("generation/engine/_probe.py", "import django.conf\n", "generation.engine is not allowed to import django"),
])
def test_a_backwards_import_breaks_it(tmp_path, module, line, broken):
    _copy_sources(tmp_path)
    (tmp_path / module).write_text(line, encoding="utf-8")
    result = _lint(tmp_path)
    assert result.returncode != 0
    assert broken in result.stdout, result.stdout
