// How many bytes each crate puts into the release wasm, main module and split files, so
// a new dependency's cost shows in review. Run by scripts/bench.sh after the release
// build; it rebuilds the shipped modules with their function names kept:
//   1. wasm-split-cli splits the wasm cargo linked, as scripts/split-wasm.mjs does;
//   2. wasm-bindgen processes the main module with --keep-debug (names stay);
//   3. wasm-opt shrinks every module with the release settings plus -g (names stay).
// Each function body's bytes go to the crate its name starts with (generic code to the
// crate that defines it, `<T as Trait>` methods to T's crate), as cargo-bloat counts.
// Data segments and the module's own structure are not code and are listed apart.
//
//   node scripts/crate-sizes.mjs   prints a JSON report
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { WASM_OPT_ARGS } from "./split-wasm.mjs";

/** Crates that come with Rust itself, reported together. */
const STANDARD_LIBRARY = new Set(["core", "alloc", "std", "compiler_builtins", "dlmalloc", "panic_abort", "std_detect", "__rustc"]);
export const STANDARD_LIBRARY_LABEL = "Rust standard library (core, alloc, std)";
/** Functions wasm-bindgen writes itself; they carry no crate path. */
const BINDGEN = /^(__wbindgen|__wbg_|__externref|__wbg_adapter|wasm_bindgen::)/;

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
  if (result.error) throw new Error(`${command} could not run: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} failed with exit code ${result.status}: ${result.stderr}`);
}

/** A wasm module's sections, with function bodies sized and named. */
export function readModule(bytes) {
  let offset = 8;
  const u32 = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[offset++];
      result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7;
    }
  };
  const name = () => {
    const length = u32();
    const text = Buffer.from(bytes.subarray(offset, offset + length)).toString("utf8");
    offset += length;
    return text;
  };
  let importedFunctions = 0;
  const bodies = [];
  const names = new Map();
  let data = 0;
  let total = bytes.length;
  while (offset < bytes.length) {
    const sectionStart = offset;
    const id = bytes[offset++];
    const size = u32();
    const end = offset + size;
    if (id === 2) {
      for (let count = u32(), i = 0; i < count; i++) {
        name();
        name();
        const kind = bytes[offset++];
        if (kind === 0) {
          u32();
          importedFunctions++;
        } else if (kind === 1) {
          offset++;
          const flags = u32();
          u32();
          if (flags & 1) u32();
        } else if (kind === 2) {
          const flags = u32();
          u32();
          if (flags & 1) u32();
        } else if (kind === 3) {
          offset += 2;
        } else if (kind === 4) {
          offset++;
          u32();
        } else {
          throw new Error(`unknown import kind ${kind}`);
        }
      }
    } else if (id === 10) {
      for (let count = u32(), i = 0; i < count; i++) {
        const start = offset;
        const length = u32();
        offset += length;
        bodies.push(offset - start);
      }
    } else if (id === 11) {
      data += size;
    } else if (id === 0) {
      // Custom sections (names) are not shipped: the release build drops them.
      total -= end - sectionStart;
      const section = name();
      if (section === "name") {
        while (offset < end) {
          const kind = bytes[offset++];
          const length = u32();
          const subsectionEnd = offset + length;
          if (kind === 1) {
            for (let count = u32(), i = 0; i < count; i++) {
              const index = u32();
              names.set(index, name());
            }
          }
          offset = subsectionEnd;
        }
      }
    }
    offset = end;
  }
  const functions = bodies.map((size, i) => ({ size, name: names.get(importedFunctions + i) ?? "" }));
  const code = bodies.reduce((sum, size) => sum + size, 0);
  return { total, code, data, structure: total - code - data, functions };
}

const LEGACY_ESCAPES = { SP: "@", BP: "*", RF: "&", LT: "<", GT: ">", LP: "(", RP: ")", C: "," };

/**
 * Spells out a legacy mangled name (`_ZN4core3fmt5write17h…E` → `core::fmt::write`), far
 * enough to read its crates; other names come back as they are.
 */
export function demangle(symbol) {
  if (!symbol.startsWith("_ZN")) return symbol;
  const segments = [];
  let at = 3;
  while (at < symbol.length && symbol[at] !== "E") {
    const digits = /^\d+/.exec(symbol.slice(at));
    if (!digits) break;
    at += digits[0].length;
    let segment = symbol.slice(at, at + Number(digits[0]));
    at += Number(digits[0]);
    if (segment.startsWith("_$")) segment = segment.slice(1);
    segment = segment
      .replace(/\$(SP|BP|RF|LT|GT|LP|RP|C)\$/g, (_, code) => LEGACY_ESCAPES[code])
      .replace(/\$u([0-9a-f]+)\$/g, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
      .replaceAll("..", "::");
    segments.push(segment);
  }
  if (/^h[0-9a-f]{16}$/.test(segments.at(-1) ?? "")) segments.pop();
  return segments.join("::");
}

/** The first crate a v0 mangled name (`_RNvCs…_4core3fmt…`) mentions: the item's own. */
function v0Crate(symbol) {
  const root = /C(?:s[0-9A-Za-z]*_)?(\d+)(_?)/.exec(symbol.slice(2));
  if (!root) return null;
  const start = 2 + root.index + root[0].length;
  return symbol.slice(start, start + Number(root[1]));
}

/** Functions the compiler's runtime library provides under their C names, and `main`. */
const RUNTIME = /^(main|mem(cpy|move|set|cmp)|bcmp|__[a-z]+[0-9]+[a-z]*[0-9]*|f?(hypot|max|min|exp|log|pow|sqrt|floor|ceil|round|trunc|sin|cos|tan|atan2?)f?)$/;
/** The screens marked with #[wasm_split] become exported functions named after them. */
const SPLIT_SCREEN = /^__wasm_split_/;

/** The crate a function belongs to, from its name; null when none shows. */
export function crateOf(functionName, knownCrates) {
  if (BINDGEN.test(functionName)) return "wasm_bindgen";
  if (RUNTIME.test(functionName)) return "compiler_builtins";
  if (SPLIT_SCREEN.test(functionName)) return "foothold";
  if (functionName.startsWith("_R")) return v0Crate(functionName);
  const name = demangle(functionName);
  const known = (candidate) => {
    const first = /^[A-Za-z_][A-Za-z0-9_]*(?=::)/.exec(candidate)?.[0];
    return first && (knownCrates.has(first) || STANDARD_LIBRARY.has(first)) ? first : null;
  };
  // `<A as B>::method`: A's crate, or B's when A is a generic parameter or a primitive.
  const implementation = /^<(.*?) as (.*?)>::/.exec(name);
  if (implementation) {
    const self = implementation[1].replace(/^(&|\*const |\*mut |mut |dyn |\[|\(|<)+/, "");
    return known(self) ?? known(implementation[2].replace(/^(dyn |<)+/, ""));
  }
  return known(name.replace(/^(<|&|\[|\()+/, ""));
}

/** Crate names as Rust code spells them (underscores) → their licences, from cargo. */
function crateLicences(root) {
  const metadata = JSON.parse(
    execFileSync("cargo", ["metadata", "--format-version", "1", "--locked", "--offline", "--filter-platform", "wasm32-unknown-unknown"], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 64 * 1024 * 1024,
    }),
  );
  const licences = new Map();
  for (const { name, license, license_file: licenseFile } of metadata.packages) {
    const key = name.replaceAll("-", "_");
    const licence = (license ?? (licenseFile ? `see ${licenseFile}` : "none stated")).replaceAll("/", " OR ");
    const seen = licences.get(key);
    licences.set(key, seen && seen !== licence ? `${seen}; ${licence}` : licence);
  }
  // The app's entry point (src/main.rs) is a crate of its own, named after its binary.
  licences.set("foothold_app", licences.get("foothold"));
  return { licences, targetDirectory: metadata.target_directory };
}

/** Adds a module's function bytes to `crates` under `column`; returns what had no crate. */
function attribute(module, column, crates, knownCrates) {
  let unattributed = 0;
  for (const { size, name } of module.functions) {
    let crate = crateOf(name, knownCrates);
    if (crate && STANDARD_LIBRARY.has(crate)) crate = STANDARD_LIBRARY_LABEL;
    if (!crate) {
      unattributed += size;
      continue;
    }
    const row = crates.get(crate) ?? { main: 0, split: 0, functions: 0 };
    row[column] += size;
    row.functions += 1;
    crates.set(crate, row);
  }
  return unattributed;
}

/** Builds the named modules from the linked wasm and measures every crate in them. */
export async function measureCrates(root) {
  const { licences, targetDirectory } = crateLicences(root);
  const linked = path.join(targetDirectory, "wasm32-unknown-unknown", "release", "foothold-app.wasm");
  const work = await mkdtemp(path.join(tmpdir(), "foothold-crates-"));
  try {
    const split = path.join(work, "split");
    const bound = path.join(work, "bound");
    run("wasm-split-cli", ["--target", "web", "--out-name", "app", linked, split], root);
    run("wasm-bindgen", [path.join(split, "app.wasm"), "--out-dir", bound, "--out-name", "app", "--target", "web", "--keep-lld-exports", "--keep-debug", "--no-typescript"], root);
    const main = path.join(bound, "app_bg.wasm");
    const pieces = (await readdir(split)).filter((f) => f.endsWith(".wasm") && f !== "app.wasm").map((f) => path.join(split, f));
    for (const module of [main, ...pieces]) run("wasm-opt", [...WASM_OPT_ARGS, "-g", module, "-o", module], root);

    const knownCrates = new Set(licences.keys());
    const crates = new Map();
    const totals = {};
    for (const [column, files] of [["main", [main]], ["split", pieces]]) {
      const sums = { files: files.length, total: 0, code: 0, data: 0, structure: 0, unattributed: 0 };
      for (const file of files) {
        const module = readModule(await readFile(file));
        for (const key of ["total", "code", "data", "structure"]) sums[key] += module[key];
        sums.unattributed += attribute(module, column, crates, knownCrates);
      }
      totals[column] = sums;
    }
    const rows = [...crates]
      .map(([crate, row]) => ({
        crate: crate === "wasm_bindgen" ? "wasm-bindgen (with its generated glue functions)" : crate,
        licence: crate === STANDARD_LIBRARY_LABEL ? "MIT OR Apache-2.0" : (licences.get(crate) ?? "unknown"),
        ...row,
      }))
      .sort((a, b) => b.main + b.split - (a.main + a.split));
    return { totals, crates: rows };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
  console.log(JSON.stringify(await measureCrates(root), null, 2));
}
