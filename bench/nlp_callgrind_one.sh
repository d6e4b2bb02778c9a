#!/usr/bin/env bash
# Instructions for one normalize() pass over bench/nlp.py's --mb 0.3 corpus, like bench/nlp_callgrind.sh, in
# one valgrind run instead of two: the warm-up runs uncounted and only the pass is counted (it runs inside
# functools.reduce, and callgrind counts only inside that C function: --toggle-collect). About 2-3 minutes on a
# quiet machine; its figure is within a few M of nlp_callgrind.sh's (4,150 M against 4,152 M on beca501).
# With a function, the instructions spent inside that function only (inclusive, over the same pass; each call
# is made through functools.reduce, which adds a little per call):
#   bash bench/nlp_callgrind_one.sh                                                 (the whole pass)
#   bash bench/nlp_callgrind_one.sh generation.prompting.core render_prompt         (one function, as called)
#   bash bench/nlp_callgrind_one.sh generation.prompting.quantities QuantityFinder.find
# Run from the repository root. Needs valgrind (Debian's).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/_callgrind_common.sh"
cat > "$out/pass.py" <<'PY'
import functools
import importlib
import sys

from prelude import corpus, normalize

if len(sys.argv) > 2:
    owner = importlib.import_module(sys.argv[1])
    *path, name = sys.argv[2].split(".")
    for part in path:
        owner = getattr(owner, part)
    real = getattr(owner, name)

    def counted(*args, **kwargs):
        return functools.reduce(lambda _, __: real(*args, **kwargs), (0,), None)

    setattr(owner, name, counted)
    for t in corpus:
        normalize(t).to_dict()
else:
    functools.reduce(lambda acc, t: (normalize(t).to_dict(), acc)[1], corpus, 0)
PY
valgrind --tool=callgrind --toggle-collect=functools_reduce --callgrind-out-file="$out/pass.cg" \
  "$py" "$out/pass.py" "$@" >/dev/null 2>"$out/err"
n=$(collected "$out/err")
echo "instructions ${2:+in $2 }per pass: $(( n / 1000000 )) M"
