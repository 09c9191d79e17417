#!/usr/bin/env bash
# Builds the wheel, installs it into a fresh virtual environment, imports it and quotes.
set -euo pipefail
python=$1; src=$2; work=$3
rm -rf "$work"; mkdir -p "$work"
"$python" -m pip wheel "$src" --no-build-isolation --no-deps -w "$work/dist" -q
"$python" -m venv "$work/venv"
"$work/venv/bin/pip" install -q "$work"/dist/aci_cost-*.whl
cd "$work"   # away from the source tree, so the installed package is the one imported
"$work/venv/bin/python" - <<'PY'
import decimal, aci_cost
s = aci_cost.default_scenario()
q = aci_cost.quote(s, s.jobs[0].name)
assert isinstance(q.full_cost, decimal.Decimal), type(q.full_cost)
assert sum(l.amount for l in q.cost_lines) == q.full_cost
print("wheel ok:", aci_cost.__version__, q.job, q.full_cost)
PY
"$work/venv/bin/python" -m aci_cost quote --json > "$work/quote.json"
"$work/venv/bin/python" -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['quotes'][0]['full_cost']" "$work/quote.json"
echo "wheel check passed"
