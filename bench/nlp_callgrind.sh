#!/usr/bin/env bash
# Instructions for one normalize() pass over bench/nlp.py's --mb 0.3 corpus, counted by callgrind (no
# timing: the same figure whatever else the machine is doing). Two runs under valgrind, the warm-up alone
# and the warm-up plus one pass; the difference is printed. About 4 minutes. Needs valgrind (Debian's).
# Usage, from the repository root: bash bench/nlp_callgrind.sh
set -euo pipefail
export PYTHONHASHSEED=0
py=${PYTHON:-.venv/bin/python}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cat > "$out/pass.py" <<'PY'
import sys
sys.path.insert(0, "."); sys.path.insert(0, "bench")
import nlp
from generation.prompting import normalize
corpus = nlp.build_corpus(int(0.3e6))
for t in corpus[:50]:
    normalize(t).to_dict()
if sys.argv[1] == "pass":
    for t in corpus:
        normalize(t).to_dict()
PY
for m in warm pass; do
  valgrind --tool=callgrind --callgrind-out-file="$out/$m.cg" "$py" "$out/pass.py" "$m" >/dev/null 2>"$out/$m.err"
  grep -o "Collected : [0-9]*" "$out/$m.err" | awk '{print $3}' > "$out/$m.n"
done
echo "instructions per pass: $(( ($(cat "$out/pass.n") - $(cat "$out/warm.n")) / 1000000 )) M"
