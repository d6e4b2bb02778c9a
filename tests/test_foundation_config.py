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
# generation/prompting/native.py chooses the compiled or the plain normalizer when the package is imported, before
# any settings exist (HERITAGE_NATIVE=0; the core also runs without Django).
ALLOWED = {ROOT / "manage.py", ROOT / "heritage" / "wsgi.py", ROOT / "heritage" / "celery.py",
           ROOT / "generation" / "prompting" / "native.py"}
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


def _settings_variables() -> set[str]:
    names = set()
    for path in (ROOT / "heritage" / "settings").glob("*.py"):
        names |= set(re.findall(r"\benv(?:\.\w+)?\(\s*\"([A-Z0-9_]+)\"", path.read_text(encoding="utf-8")))
    return names


def test_compose_passes_real_settings_and_every_model_folder():
    """docker-compose.yml sets only variables the settings read (a misspelt name is silently ignored), sets
    every model folder and preset (T2V, S2V) to a path under the read-only /models mount, and every
    ``${NAME}`` it takes from .env is in .env.example."""
    import yaml

    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    app_env = compose["x-app"]["environment"]
    known = _settings_variables() | {"DJANGO_SETTINGS_MODULE", "CUDA_VISIBLE_DEVICES"}
    for name, service in compose["services"].items():
        env = {**app_env, **(service.get("environment") or {})} if "build" in service else {}
        assert not set(env) - known, f"{name}: variables the settings never read: {set(env) - known}"
    for dir_var, preset_var in (("HERITAGE_ENGINE_MODEL_DIR", "HERITAGE_ENGINE_PRESET"),
                                ("HERITAGE_S2V_MODEL_DIR", "HERITAGE_S2V_PRESET")):
        assert str(app_env.get(dir_var, "")).startswith("/models/"), dir_var
        assert not str(app_env.get(preset_var, "tiny")).startswith("tiny"), preset_var
    assert any(v.endswith(":/models:ro") for v in compose["x-app"]["volumes"])
    text = (ROOT / "docker-compose.yml").read_text(encoding="utf-8")
    example = {line.partition("=")[0] for line in (ROOT / ".env.example").read_text(encoding="utf-8").splitlines()
               if line and not line.startswith("#")}
    taken = set(re.findall(r"\$\{([A-Z0-9_]+)", text)) - {"PORT"}
    assert taken <= example, f"add to .env.example: {sorted(taken - example)}"
