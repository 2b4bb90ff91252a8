#!/usr/bin/env bash
# Runs every check Foothold has, in order of cost, stopping at the first failure:
# formatting, lints, unused dependencies, dependency licences, native tests, browser
# (wasm) tests, the release build, and the end-to-end tests against that build. Installs
# missing tools first (scripts/setup.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$FOOTHOLD_ROOT"

started=$SECONDS
steps_passed=0
current_step=""
step() {
  current_step="$1"
  printf '\n==> %s\n' "$current_step"
}
passed() {
  steps_passed=$((steps_passed + 1))
  printf '    ok: %s (%ss so far)\n' "$current_step" "$((SECONDS - started))"
}
on_exit() {
  status=$?
  if [ "$status" -ne 0 ]; then
    printf '\nFAILED: %s (exit %s). %s check(s) passed before it.\n' "${current_step:-setup}" "$status" "$steps_passed" >&2
    printf 'test: %s passed, 1 failed\n' "$steps_passed"
  fi
}
trap on_exit EXIT

step "setup: install missing tools"
bash scripts/setup.sh
passed

step "cargo fmt --all -- --check"
cargo fmt --all -- --check
passed

step "cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets --locked -- -D warnings
passed

step "cargo machete (every declared dependency is used)"
cargo machete
passed

# Only the licences: the advisory check would fetch its database from the network.
step "cargo deny check licenses (allow-list in deny.toml)"
cargo deny --frozen check licenses
passed

step "cargo test (native: unit, integration and doc tests)"
cargo test --locked
passed

# Browser tests are the tests/web_*.rs files; the other integration tests use
# native-only crates, so only these targets are built for wasm.
web_tests=()
for file in tests/web_*.rs; do
  [ -e "$file" ] || continue
  name="$(basename "$file" .rs)"
  web_tests+=(--test "$name")
done
[ "${#web_tests[@]}" -gt 0 ] || { echo "no tests/web_*.rs browser tests found" >&2; exit 1; }
step "cargo test --target wasm32-unknown-unknown ${web_tests[*]} (headless Chromium)"
cargo test --locked --target wasm32-unknown-unknown "${web_tests[@]}"
passed

step "trunk build --release --offline"
trunk build --release --offline
[ -f dist/index.html ] || { echo "trunk did not write dist/index.html" >&2; exit 1; }
passed

step "playwright test (end-to-end against dist/ on 127.0.0.1)"
npx --no-install playwright test
passed

current_step=""
printf '\nAll %s checks passed in %ss.\n' "$steps_passed" "$((SECONDS - started))"
printf 'test: %s passed, 0 failed\n' "$steps_passed"
