"""The normalizer's pure-Python core, compiled with Cython when a build of the current sources exists.

Issue 11 asks normalization to run at 0.4x of plain ``jieba.lcut`` or better. The rules are ordinary Python,
and after several sessions of profile-led tuning the profile was flat (the interpreter loop itself the largest
item), so the remaining step is structural: the same source files, unchanged, compiled by Cython into C
extension modules. Nothing is written twice: the ``.py`` files stay the only source, and the compiled build is
used only while it was built from exactly those files.

* ``MODULES`` is the one list of what is compiled: the Django-free modules on the path of ``normalize()``.
* ``build()`` (``make native``, part of ``make setup``; or
  ``python -c "from generation.prompting import native; native.main(['build'])"``)
  copies those sources into ``var/native/src``, compiles them there and puts the extension modules in
  ``var/native/prompting`` with a manifest: the sha256 of every source, the Cython version and the
  interpreter's extension suffix.
* ``activate()``, called by the package's ``__init__``, puts that folder first on the package's ``__path__``
  only when every hash in the manifest matches the source file beside it, the directives are ``DIRECTIVES`` and
  the extension suffix is this interpreter's. Otherwise the package runs as plain Python, and says why once in the log: an edited rule
  is never shadowed by a stale build. ``HERITAGE_NATIVE=0`` turns it off.

Compiled and plain runs give the same results (tests/test_prompting_native.py compares them; bench/nlp_same.py
prints identical hashes for both). Cython's own directives are kept at the settings that preserve Python's
semantics: ``annotation_typing=False`` (annotations are not turned into C type checks) and binding functions.
One goes further: ``infer_types=True`` gives a local variable assigned only C values a C type (``n = len(words)``
a Py_ssize_t, so ``for i in range(n)`` is a C loop and ``words[i]`` a direct list read; a flag set only to
True/False a C int; ``for c in "..."`` a character), about 4 % of a bench pass (callgrind 3,345 -> 3,208 M, s26).
Its C integers do not grow as Python's do: in the modules compiled, what it types holds token indices, character
offsets and small counts; a number that can be arbitrarily large is kept a Python int (``quantities._place``,
tests/test_prompting_native.py), and a new such variable must be kept one too.
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
import shutil
import sys
import sysconfig
from pathlib import Path

PACKAGE = "generation.prompting"
SOURCE_DIR = Path(__file__).resolve().parent
ROOT = SOURCE_DIR.parent.parent
BUILD_DIR = ROOT / "var" / "native"
MANIFEST = "manifest.json"

# The modules compiled: everything normalize() runs through. No module here may import Django (the compiled
# folder is searched first for every submodule; the Django parts of the package stay plain Python). segment.py
# stays plain: its work is start-up only (the cutting itself is jieba-rs), and its fallback when rjieba cannot be
# imported must behave as Python's import does.
MODULES = ("words", "quantities", "spec", "tokens", "persons", "carry", "craft", "names", "nonsteps", "resegment",
           "roles", "extract", "breaks", "render", "turns", "overview", "notices", "core")
DIRECTIVES = {"language_level": 3, "annotation_typing": False, "binding": True, "infer_types": True}

log = logging.getLogger(__name__)
_state = {"active": False, "reason": "not checked", "dir": None}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _ext_suffix() -> str:
    return sysconfig.get_config_var("EXT_SUFFIX") or ".so"


def compiled_dir(build_dir: Path | None = None) -> Path:
    return Path(build_dir or BUILD_DIR) / "prompting"


def check(build_dir: Path | None = None) -> tuple[bool, str]:
    """Whether the compiled build in ``build_dir`` matches the current sources, and why not when it does not."""
    folder = compiled_dir(build_dir)
    manifest_path = folder / MANIFEST
    if not manifest_path.is_file():
        return False, f"no compiled build ({manifest_path} missing; run `make native`)"
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        sources = manifest["sources"]
        suffix = manifest["ext_suffix"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return False, f"unreadable manifest {manifest_path}: {exc}"
    if suffix != _ext_suffix():
        return False, f"built for {suffix}, this interpreter loads {_ext_suffix()}"
    if set(sources) != set(MODULES):
        return False, "the build's module list differs from native.MODULES"
    if manifest.get("directives") != DIRECTIVES:
        return False, "built with other Cython directives than native.DIRECTIVES (run `make native`)"
    extra = sorted(p.name for p in folder.iterdir() if p.name.endswith(suffix) and p.name[: -len(suffix)] not in MODULES)
    if extra:
        return False, f"{folder} holds modules not in native.MODULES: {', '.join(extra)}"
    for name in MODULES:
        source = SOURCE_DIR / f"{name}.py"
        if not source.is_file() or _digest(source) != sources[name]:
            return False, f"{name}.py changed since the build (run `make native`)"
        if not (folder / f"{name}{suffix}").is_file():
            return False, f"{name}{suffix} missing from {folder}"
    return True, f"compiled with Cython {manifest.get('cython', '?')} ({folder})"


def activate(package_path: list, build_dir: Path | None = None) -> bool:
    """Put the compiled folder first on ``package_path`` (the package's ``__path__``) when it is current."""
    # The one environment read outside the settings and entry points (tests/test_foundation_config.py allows it):
    # the choice is made when the package is imported, before any settings exist (the core runs without Django).
    if os.environ.get("HERITAGE_NATIVE", "1").strip().lower() in ("0", "false", "no", "off"):
        _state.update(active=False, reason="turned off by HERITAGE_NATIVE=0", dir=None)
        return False
    ok, reason = check(build_dir)
    if ok:
        folder = str(compiled_dir(build_dir))
        if folder not in package_path:
            package_path.insert(0, folder)
        _state.update(active=True, reason=reason, dir=folder)
    else:
        _state.update(active=False, reason=reason, dir=None)
        if (compiled_dir(build_dir) / MANIFEST).is_file():
            # A build exists but no longer fits: worth a line, since it is slower than it could be.
            log.info("normalizer runs as plain Python: %s", reason)
    return ok


def status() -> dict:
    """What this process runs: ``{"active": bool, "reason": str, "dir": str | None}``."""
    return dict(_state)


def describe() -> str:
    return _state["reason"] if _state["active"] else f"plain Python ({_state['reason']})"


def build(build_dir: Path | None = None, jobs: int = 2) -> Path:
    """Compile ``MODULES`` into ``build_dir``/prompting and write the manifest last (a partial build is never used)."""
    from Cython import __version__ as cython_version  # build-time only
    from Cython.Build import cythonize
    from setuptools import Distribution, Extension
    from setuptools.command.build_ext import build_ext

    build_dir = Path(build_dir or BUILD_DIR).resolve()
    out = compiled_dir(build_dir)
    src = build_dir / "src"
    shutil.rmtree(src, ignore_errors=True)
    pkg = src.joinpath(*PACKAGE.split("."))
    pkg.mkdir(parents=True)
    for level in range(len(PACKAGE.split("."))):
        src.joinpath(*PACKAGE.split(".")[: level + 1], "__init__.py").touch()
    digests = {}
    for name in MODULES:
        source = SOURCE_DIR / f"{name}.py"
        digests[name] = _digest(source)
        shutil.copyfile(source, pkg / f"{name}.py")
    manifest_path = out / MANIFEST
    shutil.rmtree(out, ignore_errors=True)  # the manifest goes first, and no module of an older list stays
    out.mkdir(parents=True)
    flags = ["-O2", "-g0", "-w"]  # generated C: its unused-variable warnings say nothing about the rules
    rel = Path(*PACKAGE.split("."))
    extensions = [Extension(f"{PACKAGE}.{name}", [str(rel / f"{name}.py")], extra_compile_args=flags)
                  for name in MODULES]
    here = os.getcwd()
    os.chdir(src)  # Cython names each module from the __init__.py files above it
    try:
        modules = cythonize(extensions, compiler_directives=DIRECTIVES, nthreads=jobs, quiet=True,
                            build_dir=str(build_dir.resolve() / "c"))
        dist = Distribution({"ext_modules": modules})
        cmd = build_ext(dist)
        cmd.build_lib = str(build_dir / "lib")
        cmd.build_temp = str(build_dir / "tmp")
        cmd.parallel = jobs
        cmd.ensure_finalized()
        cmd.run()
    finally:
        os.chdir(here)
    suffix = _ext_suffix()
    lib_pkg = (build_dir / "lib").joinpath(*PACKAGE.split("."))
    for name in MODULES:
        shutil.copyfile(lib_pkg / f"{name}{suffix}", out / f"{name}{suffix}")
    manifest_path.write_text(json.dumps({"sources": digests, "cython": cython_version, "ext_suffix": suffix,
                                         "directives": DIRECTIVES, "python": sys.version.split()[0]},
                                        indent=1, sort_keys=True), encoding="utf-8")
    return out


def main(argv=None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    command = args[0] if args else "status"
    if command == "build":
        ok, _ = check()
        if ok and "--force" not in args:
            print(f"native: up to date ({compiled_dir()})")
            return 0
        if importlib.util.find_spec("Cython") is None:
            print("native: Cython is not installed; the normalizer runs as plain Python")
            return 1
        out = build(jobs=max(1, min(4, os.cpu_count() or 1)))
        print(f"native: built {len(MODULES)} modules into {out}")
        return 0
    if command == "check":
        ok, reason = check()
        print(("current: " if ok else "not used: ") + reason)
        return 0 if ok else 1
    print("usage: native.main([build [--force] | check])  (make clean removes the build with var/)")
    return 2
