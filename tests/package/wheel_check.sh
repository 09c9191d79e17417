#!/usr/bin/env bash
# Builds the wheel, installs it into a fresh virtual environment, imports it and quotes.
set -euo pipefail
python=$1; src=$2; work=$3
rm -rf "$work"; mkdir -p "$work/src"
# Build from a snapshot of the sources, not from $src itself: the build takes a minute or more,
# and a header edited meanwhile (e.g. a struct gaining a member) would reach the translation
# units compiled after the edit only, linking two layouts of one type into _core (seen: heap
# corruption in RateTable::set). The snapshot also gets its own, fresh build/wheel-* directory.
if git -C "$src" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  # tracked and untracked-but-not-ignored files, as they are now (a deleted tracked file is skipped)
  (cd "$src" && git ls-files -z --cached --others --exclude-standard |
     tar --null --ignore-failed-read -T - -cf - 2>/dev/null) | tar -C "$work/src" -xf -
else
  tar -C "$src" --exclude=./build --exclude=./.venv -cf - . | tar -C "$work/src" -xf -
fi
"$python" -m pip wheel "$work/src" --no-build-isolation --no-deps -w "$work/dist" -q
"$python" -m venv "$work/venv"
"$work/venv/bin/pip" install -q "$work"/dist/aci_cost-*.whl
cd "$work"   # away from the source tree, so the installed package is the one imported
"$work/venv/bin/python" - <<'PY'
import decimal, aci_cost
s = aci_cost.default_scenario()
q = aci_cost.quote(s, s.jobs[0].name)
assert isinstance(q.full_cost, decimal.Decimal), type(q.full_cost)
assert sum(l.amount for l in q.cost_lines) == q.full_cost
from importlib.resources import files
assert (files("aci_cost") / "templates" / "devis.html.j2").is_file(), "the devis template is not in the wheel"
print("wheel ok:", aci_cost.__version__, q.job, q.full_cost)
PY
"$work/venv/bin/python" -m aci_cost quote --json > "$work/quote.json"
"$work/venv/bin/python" -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['quotes'][0]['full_cost']" "$work/quote.json"
echo "wheel check passed"
