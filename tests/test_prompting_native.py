"""The compiled normalizer (generation/prompting/native.py): used only when built from the current sources,
never for a Django module, and giving exactly what plain Python gives."""
from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generation.prompting import native

ROOT = Path(__file__).resolve().parent.parent
SUFFIX = native._ext_suffix()


def fake_build(tmp_path: Path, **changes) -> Path:
    """A build folder whose manifest matches the current sources (the extension files are empty stand-ins)."""
    folder = native.compiled_dir(tmp_path)
    folder.mkdir(parents=True)
    sources = {name: native._digest(native.SOURCE_DIR / f"{name}.py") for name in native.MODULES}
    manifest = {"sources": sources, "cython": "test", "ext_suffix": SUFFIX, "directives": dict(native.DIRECTIVES)}
    for name in native.MODULES:
        (folder / f"{name}{SUFFIX}").write_bytes(b"")
    for key, value in changes.items():
        manifest[key] = value
    (folder / native.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    return tmp_path


def test_a_build_of_the_current_sources_is_put_first_on_the_path(tmp_path, monkeypatch):
    monkeypatch.delenv("HERITAGE_NATIVE", raising=False)
    build = fake_build(tmp_path)
    path = ["/src"]
    assert native.activate(path, build) is True
    assert path == [str(native.compiled_dir(build)), "/src"]


def test_no_build_means_plain_python(tmp_path):
    ok, reason = native.check(tmp_path)
    assert not ok and "make native" in reason
    path = ["/src"]
    assert native.activate(path, tmp_path) is False and path == ["/src"]


def test_a_source_edited_after_the_build_turns_the_whole_build_off(tmp_path):
    sources = {name: native._digest(native.SOURCE_DIR / f"{name}.py") for name in native.MODULES}
    sources["roles"] = "0" * 64
    ok, reason = native.check(fake_build(tmp_path, sources=sources))
    assert not ok and reason.startswith("roles.py changed")


def test_another_interpreter_or_module_list_or_a_stray_module_is_refused(tmp_path):
    ok, reason = native.check(fake_build(tmp_path / "a", ext_suffix=".cpython-39-x86_64-linux-gnu.so"))
    assert not ok and "built for" in reason
    short = {name: "x" for name in native.MODULES[:-1]}
    ok, reason = native.check(fake_build(tmp_path / "b", sources=short))
    assert not ok and "module list" in reason
    ok, reason = native.check(fake_build(tmp_path / "d", directives={"language_level": 3}))
    assert not ok and "directives" in reason
    build = fake_build(tmp_path / "c")
    (native.compiled_dir(build) / f"segment{SUFFIX}").write_bytes(b"")  # left from an older list
    ok, reason = native.check(build)
    assert not ok and "segment" in reason


def test_a_missing_extension_or_a_broken_manifest_is_refused(tmp_path):
    build = fake_build(tmp_path / "a")
    (native.compiled_dir(build) / f"core{SUFFIX}").unlink()
    assert native.check(build) == (False, f"core{SUFFIX} missing from {native.compiled_dir(build)}")
    broken = native.compiled_dir(tmp_path / "b")
    broken.mkdir(parents=True)
    (broken / native.MANIFEST).write_text("{not json", encoding="utf-8")
    ok, reason = native.check(tmp_path / "b")
    assert not ok and "unreadable manifest" in reason


def test_the_switch_turns_it_off(tmp_path, monkeypatch):
    monkeypatch.setenv("HERITAGE_NATIVE", "0")
    path = ["/src"]
    assert native.activate(path, fake_build(tmp_path)) is False and path == ["/src"]


def test_no_compiled_module_imports_django():
    for name in native.MODULES:
        tree = ast.parse((native.SOURCE_DIR / f"{name}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                roots = [alias.name.split(".")[0] for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                roots = [(node.module or "").split(".")[0]] if node.level == 0 else []
            else:
                continue
            assert "django" not in roots and "rest_framework" not in roots, f"{name}.py imports Django"


def test_the_data_folder_is_the_source_packages_whatever_runs():
    from generation.prompting import spec

    assert spec.DATA_DIR == native.SOURCE_DIR / "data"
    assert (spec.DATA_DIR / "lexicon.json").is_file()


COMPARE = """
import json, sys
sys.path.insert(0, {root!r})
from generation.prompting import native, normalize, render_prompt
texts = json.load(sys.stdin)
out = [normalize(t).to_dict() for t in texts]
out += [normalize(t, None, craft="竹编").to_dict() for t in texts[:10]]
print(json.dumps({{"mode": native.status()["active"], "out": out}}, ensure_ascii=False, sort_keys=True))
"""


@pytest.mark.skipif(os.environ.get("HERITAGE_REQUIRE_NATIVE") != "1",
                    reason="only .ci/run requires the compiled build (a newcomer's machine may have no C compiler)")
def test_ci_runs_a_compiled_build_of_the_current_sources():
    # `make setup` builds it and only warns when it cannot (plain Python still works); in CI a module that Cython
    # cannot compile (e.g. a conditional of two tuple literals of different lengths) must fail the run
    ok, reason = native.check()  # the build folder itself: other tests here swap the module's state
    assert ok, reason


def test_a_whole_number_past_a_c_long_keeps_its_place():
    # (s26) ``infer_types`` (native.DIRECTIVES) types a local assigned only C ints as a C long, which would wrap past
    # 2**63: ``quantities._place`` keeps Python ints, in either mode
    from generation.prompting.quantities import _place

    assert _place(1e22) == 10 ** 22 and _place(10 ** 30) == 10 ** 30
    assert (_place(0), _place(7), _place(1100), _place(16000.0), _place(0.5)) == (1, 1, 100, 1000, 0.5)


@pytest.mark.skipif(not native.status()["active"], reason="no compiled build of the current sources (make native)")
def test_compiled_and_plain_python_give_the_same_results():
    from generation.prompting import extract

    assert extract.__file__.endswith(SUFFIX)
    items = json.loads((native.SOURCE_DIR / "data" / "eval" / "dev.json").read_text(encoding="utf-8"))["transcripts"]
    texts = [item["text"] for item in items[:40]] + ["", "嗯。", "把泥料烧到一千二百度,烧足三个钟头", "x" * 5000]
    runs = {}
    for flag in ("1", "0"):
        env = dict(os.environ, HERITAGE_NATIVE=flag)
        proc = subprocess.run([sys.executable, "-c", COMPARE.format(root=str(ROOT))], input=json.dumps(texts),
                              capture_output=True, text=True, env=env, timeout=300, check=True)
        runs[flag] = json.loads(proc.stdout)
    assert runs["1"]["mode"] is True and runs["0"]["mode"] is False
    assert runs["1"]["out"] == runs["0"]["out"]
