#!/usr/bin/env bash
# Measures Foothold and writes BENCHMARKS.md: native planner benchmarks (criterion, when
# benches exist), bundle sizes of the release build and the bytes each crate adds to it,
# startup marks in headless Chromium, the same planner queries in wasm in headless
# Chromium (a separate bench page, never shipped) and "Find routes" in the app with its
# long tasks, and a mobile Lighthouse run over the build served with compression.
# Figures go to target/bench/*.json first; nothing here fails because a timing is slow.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$FOOTHOLD_ROOT"

say() { printf '\n==> %s\n' "$*"; }
bench_dir="target/bench"
mkdir -p "$bench_dir"
rm -f "$bench_dir"/*.json

bash scripts/setup.sh

say "criterion benchmarks (native)"
criterion_dir="${CARGO_TARGET_DIR:-target}/criterion"
if compgen -G "benches/*.rs" >/dev/null; then
  # Only this run's figures: estimates left by benchmarks since renamed would linger.
  rm -rf "$criterion_dir"
  cargo bench --locked --bench planner -- --warm-up-time 1 --measurement-time 3 --noplot
  node scripts/write-benchmarks.mjs --collect-criterion "$criterion_dir" >"$bench_dir/criterion.json"
else
  echo "no benches/*.rs yet; skipping"
fi

say "trunk build --release --offline"
trunk build --release --offline

say "bundle sizes"
node scripts/bundle-sizes.mjs dist >"$bench_dir/bundle.json"
# The role pack as the app embeds it, measured on its own.
cargo run --locked --quiet --bin foothold -- compile data >"$bench_dir/pack.json"

say "bytes per crate in the release wasm"
node scripts/crate-sizes.mjs >"$bench_dir/crate-sizes.json"

say "startup marks in headless Chromium (Playwright, tagged @bench)"
FOOTHOLD_BENCH=1 npx --no-install playwright test tests/e2e/perf.spec.ts

say "planner in wasm and Find routes in the app, headless Chromium (Playwright, tagged @bench)"
# The bench page has its own Trunk config and dist folder, so the app's build is untouched.
trunk build --release --offline --config Trunk.bench.toml
FOOTHOLD_BENCH=1 npx --no-install playwright test tests/e2e/planner-bench.spec.ts

say "Lighthouse, mobile profile"
port="${FOOTHOLD_BENCH_PORT:-4180}"
node scripts/serve-dist.mjs --root dist --port "$port" --quiet &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
  node -e "fetch('http://127.0.0.1:$port/').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" && break
  sleep 0.2
done
# Lighthouse's performance score moves by a point or two between runs, so it runs five
# times and the run with the median performance score is reported (lighthouse.json),
# with every run's score beside it (lighthouse-runs.json).
lighthouse_runs="${FOOTHOLD_LIGHTHOUSE_RUNS:-5}"
for run in $(seq 1 "$lighthouse_runs"); do
  npx --no-install lighthouse "http://127.0.0.1:$port/" \
    --quiet \
    --output=json --output-path="$bench_dir/lighthouse-run-$run.json" \
    --only-categories=performance,accessibility,best-practices \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run"
done
node scripts/write-benchmarks.mjs --median-lighthouse "$bench_dir"
kill "$server_pid" 2>/dev/null || true
trap - EXIT

say "BENCHMARKS.md"
node scripts/write-benchmarks.mjs --write BENCHMARKS.md "$bench_dir"
echo "bench: wrote BENCHMARKS.md"
