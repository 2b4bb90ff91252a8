// Splits the app's wasm so a first visit downloads only what the start screen needs.
// Called by scripts/post-build.mjs inside Trunk's post_build hook.
//
// The screens marked with #[wasm_split] in src/ui/lazy.rs become files of their own:
//   1. wasm-split-cli reads the wasm cargo linked (with --emit-relocs, set in
//      .cargo/config.toml) and writes the main module, one file per split screen, files
//      for code several screens share, and the JavaScript that fetches them.
//   2. wasm-bindgen processes the new main module under the name Trunk gave the glue, and
//      the result replaces Trunk's unsplit glue and wasm in the staging folder.
//   3. In release builds wasm-opt shrinks every module (Trunk's own wasm-opt is off in
//      index.html, since its output would be thrown away).
//   4. Every new file gets a content hash in its name, like Trunk's files, so a static
//      host's cache can never mix files from two builds.
//   5. In release builds terser minifies the glue and the split loader.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { minify } from "terser";

/** wasm-opt's settings for every module: the wasm features rustc emits, and -Oz. */
export const WASM_OPT_ARGS = [
  "-Oz",
  "--enable-bulk-memory",
  "--enable-bulk-memory-opt",
  "--enable-nontrapping-float-to-int",
  "--enable-sign-ext",
  "--enable-mutable-globals",
  "--enable-reference-types",
  "--enable-multivalue",
  "--enable-call-indirect-overlong",
];

/**
 * Minifies an ES module for release builds: wasm-bindgen's glue and the split loader are
 * on the first visit's critical path. Export and import names are kept.
 */
export async function minifyModule(source, release) {
  if (!release) return source;
  const result = await minify(source, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (typeof result.code !== "string") throw new Error("terser returned no code");
  return result.code;
}

/** The JavaScript module wasm-split-cli writes; the glue imports it by this name. */
const SPLIT_LOADER = "__wasm_split.js";

function shortHash(bytes) {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 16);
}

/** Runs a tool; its warnings are printed unless they match `quiet`. */
function run(command, args, cwd, quiet = null) {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "inherit", "pipe"] });
  const warnings = (result.stderr ?? "").split("\n").filter((line) => line.trim() && !(quiet && quiet.test(line)));
  if (warnings.length > 0) console.error(warnings.join("\n"));
  if (result.error) throw new Error(`${command} could not run: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} failed with exit code ${result.status}`);
}

/** wasm-opt does not know the data-names subsection wasm-split writes; that is harmless. */
const UNKNOWN_NAME_SUBSECTION = /^warning: unknown name subsection with id \d+ at \d+$/;

/** The folder cargo builds into, as cargo itself reports it. */
function cargoTargetDir(root) {
  const metadata = execFileSync("cargo", ["metadata", "--format-version", "1", "--no-deps", "--offline"], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(metadata).target_directory;
}

/** Puts a content hash into `name`: `split_map_screen.wasm` → `split_map_screen-<hash>.wasm`. */
function hashedName(name, bytes) {
  const extension = path.extname(name);
  return `${path.basename(name, extension).replace(/^_+/, "")}-${shortHash(bytes)}${extension}`;
}

/**
 * Splits the staged app. `staging` is Trunk's staging folder, `root` the project folder,
 * `release` whether this is a release build. Returns the names of the files it added.
 */
export async function splitWasm({ staging, root, release }) {
  const staged = await readdir(staging);
  const glue = staged.filter((f) => /^foothold-app-[0-9a-f]+\.js$/.test(f));
  const wasm = staged.filter((f) => /^foothold-app-[0-9a-f]+_bg\.wasm$/.test(f));
  if (glue.length !== 1 || wasm.length !== 1) {
    throw new Error(`expected one foothold-app glue file and one wasm file, found ${[...glue, ...wasm].join(", ") || "none"}`);
  }
  const stem = path.basename(glue[0], ".js");
  const linked = path.join(cargoTargetDir(root), "wasm32-unknown-unknown", release ? "release" : "debug", "foothold-app.wasm");

  const work = await mkdtemp(path.join(tmpdir(), "foothold-split-"));
  try {
    const split = path.join(work, "split");
    const bound = path.join(work, "bound");
    run("wasm-split-cli", ["--target", "web", "--out-name", stem, linked, split], root);
    run(
      "wasm-bindgen",
      [path.join(split, `${stem}.wasm`), "--out-dir", bound, "--out-name", stem, "--target", "web", "--keep-lld-exports", "--no-typescript"],
      root,
    );

    const pieces = (await readdir(split)).filter((f) => f.endsWith(".wasm") && f !== `${stem}.wasm`);
    const modules = [path.join(bound, `${stem}_bg.wasm`), ...pieces.map((f) => path.join(split, f))];
    if (release) {
      for (const module of modules) run("wasm-opt", [...WASM_OPT_ARGS, module, "-o", module], root, UNKNOWN_NAME_SUBSECTION);
    }

    // Hash the split pieces, point the split loader at the new names, then hash it and
    // point the glue at it.
    let splitLoader = await readFile(path.join(split, SPLIT_LOADER), "utf8");
    const added = [];
    for (const piece of pieces) {
      const bytes = await readFile(path.join(split, piece));
      const name = hashedName(piece, bytes);
      const reference = `"./${piece}"`;
      if (!splitLoader.includes(reference)) throw new Error(`${SPLIT_LOADER} does not load ${piece}`);
      splitLoader = splitLoader.replaceAll(reference, `"./${name}"`);
      await writeFile(path.join(staging, name), bytes);
      added.push(name);
    }
    splitLoader = await minifyModule(splitLoader, release);
    const splitLoaderName = hashedName("wasm-split.js", splitLoader);
    await writeFile(path.join(staging, splitLoaderName), splitLoader);
    added.push(splitLoaderName);

    // Only the import statements change: the wasm module still names its imports by the
    // original module name, which the glue uses as a key when it instantiates the wasm.
    let glueSource = await readFile(path.join(bound, `${stem}.js`), "utf8");
    const importOfLoader = /(\bfrom\s*)"\.\/__wasm_split\.js"/g;
    const rewritten = glueSource.replace(importOfLoader, `$1"./${splitLoaderName}"`);
    if (rewritten === glueSource) throw new Error(`the wasm-bindgen glue does not import ${SPLIT_LOADER}`);
    glueSource = await minifyModule(rewritten, release);
    await writeFile(path.join(staging, glue[0]), glueSource);
    await writeFile(path.join(staging, wasm[0]), await readFile(path.join(bound, `${stem}_bg.wasm`)));
    return added;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
