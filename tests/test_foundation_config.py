"""Configuration is read once, in heritage/settings/ (django-environ): no other module reads the
environment, importing the settings creates nothing on disk, and README.md lists every variable."""
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("heritage", "archive", "generation", "review", "records", "gallery")
# Entry points that must choose the settings module before Django starts; heritage/celery.py also hands
# its environment to the workers gpu_workers starts (worker_environment).
ALLOWED = {ROOT / "manage.py", ROOT / "heritage" / "wsgi.py", ROOT / "heritage" / "celery.py"}
READS = re.compile(r"\bos\.environ\b|\bgetenv\s*\(|\benviron\.get\s*\(")


def _sources():
    yield ROOT / "manage.py"
    for pkg in PACKAGES:
        for path in (ROOT / pkg).rglob("*.py"):
            if "settings" in path.relative_to(ROOT).parts[:2]:
                continue
            yield path


def test_only_settings_and_entry_points_read_the_environment():
    offenders = []
    for path in _sources():
        if path in ALLOWED:
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if READS.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert offenders == [], "read the setting instead:\n" + "\n".join(offenders)


def test_no_hand_written_env_helpers():
    text = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "heritage" / "settings").glob("*.py"))
    assert "def env_bool" not in text and "def env_int" not in text and "environ.Env()" in text


def test_importing_the_settings_creates_no_folder(tmp_path):
    var = tmp_path / "var-not-yet"
    code = "import heritage.settings.base, heritage.settings.local, heritage.settings.test"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env={"HERITAGE_VAR_DIR": str(var), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert not var.exists()


def test_readme_lists_every_variable_the_settings_read():
    names = set()
    for path in (ROOT / "heritage" / "settings").glob("*.py"):
        names |= set(re.findall(r"\benv(?:\.\w+)?\(\s*\"([A-Z0-9_]+)\"", path.read_text(encoding="utf-8")))
    assert len(names) > 30
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = sorted(n for n in names if f"`{n}`" not in readme and not re.search(rf"\b{n}\b", readme))
    assert missing == [], f"add to README.md, Configuration: {missing}"
