# Puts the project's tools on PATH for the current shell; sourced by the other scripts.
# Cargo-installed tools (trunk, wasm-bindgen) live in ~/.cargo/bin, and wasm-opt comes
# from the npm package binaryen, so both folders go in front of the system ones.

FOOTHOLD_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export FOOTHOLD_ROOT
case ":$PATH:" in
  *":$FOOTHOLD_ROOT/node_modules/.bin:"*) ;;
  *) PATH="$FOOTHOLD_ROOT/node_modules/.bin:$PATH" ;;
esac
if [ -d "${CARGO_HOME:-$HOME/.cargo}/bin" ]; then
  case ":$PATH:" in
    *":${CARGO_HOME:-$HOME/.cargo}/bin:"*) ;;
    *) PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH" ;;
  esac
fi
export PATH

# The browser every test and benchmark uses: Debian's Chromium and its driver.
export FOOTHOLD_CHROMIUM="${FOOTHOLD_CHROMIUM:-/usr/bin/chromium}"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROME_PATH="${CHROME_PATH:-$FOOTHOLD_CHROMIUM}"

# Prints the wasm-bindgen version pinned in Cargo.lock; Trunk.toml and the CLI must match it.
foothold_wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { found = 1; next }
       found && /^version = / { gsub(/"/, "", $3); print $3; exit }' "$FOOTHOLD_ROOT/Cargo.lock"
}
