# What bench/nlp_callgrind.sh and bench/nlp_callgrind_one.sh both set up, sourced by each after its
# `set -euo pipefail` (not run alone): a fixed hash seed; $py, the Python ($PYTHON, else .venv/bin/python); $out,
# a scratch folder removed on exit, holding prelude.py, which the pass script written next to it imports: the
# --mb 0.3 corpus of bench/nlp.py and a warm-up over its first 50 texts, before anything is counted; and
# `collected FILE`, the instructions callgrind reports in the stderr saved in FILE.
export PYTHONHASHSEED=0
py=${PYTHON:-.venv/bin/python}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cat > "$out/prelude.py" <<'PY'
import sys

sys.path.insert(0, "."); sys.path.insert(0, "bench")
import nlp
from generation.prompting import normalize

corpus = nlp.build_corpus(int(0.3e6))
for t in corpus[:50]:
    normalize(t).to_dict()
PY

collected() {
  grep -o "Collected : [0-9]*" "$1" | awk '{print $3}'
}
