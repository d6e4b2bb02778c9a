#!/usr/bin/env bash
# Instructions for one normalize() pass over bench/nlp.py's --mb 0.3 corpus, counted by callgrind (no
# timing: the same figure whatever else the machine is doing). Two runs under valgrind, the warm-up alone
# and the warm-up plus one pass; the difference is printed. About 4 minutes. Needs valgrind (Debian's).
# Usage, from the repository root: bash bench/nlp_callgrind.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/_callgrind_common.sh"
cat > "$out/pass.py" <<'PY'
import sys

from prelude import corpus, normalize

if sys.argv[1] == "pass":
    for t in corpus:
        normalize(t).to_dict()
PY
for m in warm pass; do
  valgrind --tool=callgrind --callgrind-out-file="$out/$m.cg" "$py" "$out/pass.py" "$m" >/dev/null 2>"$out/$m.err"
  collected "$out/$m.err" > "$out/$m.n"
done
echo "instructions per pass: $(( ($(cat "$out/pass.n") - $(cat "$out/warm.n")) / 1000000 )) M"
