"""Production settings pass Django's deployment checks with the documented variables, and refuse to
start without a real secret key."""
import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _check(extra_env):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update({"DJANGO_SETTINGS_MODULE": "heritage.settings.production", **extra_env})
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )


def test_check_deploy_has_no_warnings():
    result = _check({"DJANGO_SECRET_KEY": secrets.token_urlsafe(60), "DJANGO_ALLOWED_HOSTS": "heritage.example.org"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_missing_secret_key():
    result = _check({"DJANGO_ALLOWED_HOSTS": "heritage.example.org"})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_refuses_the_placeholder_secret_from_env_example():
    placeholder = next(line.partition("=")[2] for line in (ROOT / ".env.example").read_text().splitlines()
                       if line.startswith("DJANGO_SECRET_KEY="))
    result = _check({"DJANGO_SECRET_KEY": placeholder, "DJANGO_ALLOWED_HOSTS": "heritage.example.org"})
    assert result.returncode != 0
    assert "placeholder" in result.stderr


def test_load_demo_refuses_to_run_under_production_settings():
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update({"DJANGO_SETTINGS_MODULE": "heritage.settings.production", "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
                "DJANGO_ALLOWED_HOSTS": "heritage.example.org", "DATABASE_URL": "sqlite:///:memory:"})
    result = subprocess.run([sys.executable, "manage.py", "load_demo"], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode != 0
    assert "production" in result.stderr
