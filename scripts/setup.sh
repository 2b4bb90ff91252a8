#!/usr/bin/env bash
# Installs everything Foothold needs to build, serve and test, skipping each step that is
# already satisfied, so it is quick on a prepared machine and complete on a fresh one.
# Only package registries are used: crates.io, Debian and npm.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$FOOTHOLD_ROOT"

TRUNK_VERSION="0.21.14"
say() { printf 'setup: %s\n' "$*"; }
fail() { printf 'setup: FAILED: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    fail "'$*' needs root; run it as root or install sudo"
  fi
}

apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then
    say "apt-get update"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q || fail "apt-get update"
    apt_updated=1
  fi
  say "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" \
    || fail "apt-get install $*"
}

# Rust: the toolchain itself comes with the machine; add the web target and the linters.
command -v cargo >/dev/null 2>&1 || fail "cargo is not installed (install Rust with rustup first)"
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "wasm32-unknown-unknown target present"
else
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown || fail "adding the wasm32 target"
fi
for component in rustfmt clippy; do
  if rustup component list --installed | grep -q "^$component"; then
    say "$component present"
  else
    say "rustup component add $component"
    rustup component add "$component" || fail "adding $component"
  fi
done

# Trunk: 0.22 needs a newer rustc than this project assumes, so pin the 0.21 line.
if [ "$(trunk --version 2>/dev/null || true)" = "trunk $TRUNK_VERSION" ]; then
  say "trunk $TRUNK_VERSION present"
else
  say "cargo install trunk --version $TRUNK_VERSION --locked (takes several minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked || fail "installing trunk"
fi

# wasm-bindgen CLI: must equal the library version in Cargo.lock exactly. Its own lock
# file pins a crate release the registry no longer serves, hence no --locked.
bindgen_version="$(foothold_wasm_bindgen_version)"
[ -n "$bindgen_version" ] || fail "no wasm-bindgen version found in Cargo.lock"
if [ "$(wasm-bindgen --version 2>/dev/null || true)" = "wasm-bindgen $bindgen_version" ]; then
  say "wasm-bindgen $bindgen_version present"
else
  say "cargo install wasm-bindgen-cli --version $bindgen_version (takes a few minutes)"
  cargo install wasm-bindgen-cli --version "$bindgen_version" --force || fail "installing wasm-bindgen-cli"
fi
if ! grep -q "wasm_bindgen = \"$bindgen_version\"" Trunk.toml; then
  fail "Trunk.toml [tools] wasm_bindgen must be \"$bindgen_version\" to match Cargo.lock"
fi

# wasm-split-cli: cuts the screens marked in src/ui/lazy.rs out of the main wasm module
# (scripts/split-wasm.mjs). It has no --version flag, so ask cargo what it installed.
WASM_SPLIT_VERSION="0.2.4"
if cargo install --list 2>/dev/null | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "wasm-split-cli $WASM_SPLIT_VERSION present"
else
  say "cargo install wasm_split_cli_support --version $WASM_SPLIT_VERSION (takes a minute or two)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --locked --features build-binary \
    || fail "installing wasm-split-cli"
fi

# Dependency checks that scripts/test.sh runs: cargo-machete fails on a dependency the code
# never uses, cargo-deny on a licence missing from the allow-list in deny.toml.
for tool in "cargo-machete 0.9.2" "cargo-deny 0.20.2"; do
  name="${tool% *}"
  version="${tool#* }"
  if cargo install --list 2>/dev/null | grep -q "^$name v$version:"; then
    say "$name $version present"
  else
    say "cargo install $name --version $version --locked (takes a few minutes)"
    cargo install "$name" --version "$version" --locked || fail "installing $name"
  fi
done

# Browser: Debian's Chromium and ChromeDriver for wasm tests, Playwright and Lighthouse.
missing_packages=()
[ -x "$FOOTHOLD_CHROMIUM" ] || missing_packages+=(chromium)
[ -x "$CHROMEDRIVER" ] || missing_packages+=(chromium-driver)
command -v node >/dev/null 2>&1 || missing_packages+=(nodejs)
command -v npm >/dev/null 2>&1 || missing_packages+=(npm)
if [ "${#missing_packages[@]}" -eq 0 ]; then
  say "chromium, chromium-driver, node and npm present"
else
  apt_install "${missing_packages[@]}"
fi

# Node packages: Playwright (driving the system Chromium, never its own download),
# axe-core, binaryen's wasm-opt, terser (release builds minify their scripts with it) and
# Lighthouse, exactly as package-lock.json pins them.
lock_hash="$(sha256sum package-lock.json | cut -d' ' -f1)"
stamp="node_modules/.foothold-lock-sha256"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_hash" ]; then
  say "node_modules matches package-lock.json"
else
  say "npm ci"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund || fail "npm ci"
  printf '%s\n' "$lock_hash" >"$stamp"
fi
wasm_opt_version="$(wasm-opt --version 2>/dev/null || true)"
case "$wasm_opt_version" in
  *version_132*) say "wasm-opt: $wasm_opt_version" ;;
  *) fail "wasm-opt from node_modules/.bin is not version 132 (got '$wasm_opt_version')" ;;
esac
say "ready"
