// Trunk post_build hook: finishes the staged build before Trunk moves it to dist/.
//
// 0. Splits the wasm so screens other than the start screen load on demand, and shrinks
//    it with wasm-opt (scripts/split-wasm.mjs).
// 1. Joins the linked stylesheets into one file.
// 1b. Fills the pre-rendered frame's list of role titles from the role index the build
//    embeds, so the frame's fields can suggest roles before the app arrives.
// 2. Writes the external loader (assets/loader.js) with the hashed names of the wasm-bindgen
//    glue and wasm module, under a content-hashed name of its own, and links it from
//    index.html together with preloads.
//    The boot script (assets/boot.js), which picks what the pre-rendered frame shows
//    before the first paint, goes in the same way.
//    Release builds then put the stylesheet and the boot script into index.html itself
//    (allowed by their hashes in the page's policy), so the frame draws without waiting
//    for either file.
// 3. Writes the service worker (assets/sw.js) with the list of every staged file, which of
//    them have no content hash in their name, and a version derived from their contents,
//    so any change to the app yields a new worker.
// 4. Copies the host's header rules (deploy/_headers) into the build.
// 5. Writes brotli (.br) and gzip (.gz) copies next to each compressible file, for static
//    hosts that serve precompressed files.
import { createHash } from "node:crypto";
import { readdir, readFile, rm, writeFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, gzipSync, constants as zlib } from "node:zlib";
import { minify } from "terser";
import { minifyModule, splitWasm } from "./split-wasm.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("post-build: TRUNK_STAGING_DIR is not set; run this through `trunk build`");
  process.exit(1);
}

const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".json", ".webmanifest", ".svg", ".txt"]);

function fail(message) {
  console.error(`post-build: ${message}`);
  process.exit(1);
}

function shortHash(bytes) {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 16);
}

async function listFiles(folder, prefix = "") {
  const entries = await readdir(folder, { withFileTypes: true });
  const files = [];
  for (const entry of entries) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await listFiles(path.join(folder, entry.name), relative)));
    else files.push(relative);
  }
  return files.sort();
}

const release = process.env.TRUNK_PROFILE === "release";

const isPrecompressed = (file) => file.endsWith(".br") || file.endsWith(".gz");

/** Minifies a classic (non-module) script for release builds. */
async function minifyClassicScript(source, release) {
  if (!release) return source;
  const result = await minify(source, { compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (typeof result.code !== "string") fail("terser returned no code for the boot script");
  return result.code;
}

async function writeLoader(files) {
  const glue = files.filter((f) => /^foothold-app-[0-9a-f]+\.js$/.test(f));
  const wasm = files.filter((f) => /^foothold-app-[0-9a-f]+_bg\.wasm$/.test(f));
  if (glue.length !== 1 || wasm.length !== 1) {
    fail(`expected one foothold-app glue file and one wasm file in the build, found ${[...glue, ...wasm].join(", ") || "none"}`);
  }
  const template = await readFile(path.join(root, "assets/loader.js"), "utf8");
  if (!template.includes("__FOOTHOLD_GLUE__") || !template.includes("__FOOTHOLD_WASM__")) {
    fail("assets/loader.js lacks the __FOOTHOLD_GLUE__ or __FOOTHOLD_WASM__ placeholder");
  }
  const loader = await minifyModule(
    template.replaceAll("__FOOTHOLD_GLUE__", `./${glue[0]}`).replaceAll("__FOOTHOLD_WASM__", `./${wasm[0]}`),
    release,
  );
  const loaderName = `loader-${shortHash(loader)}.js`;
  await writeFile(path.join(staging, loaderName), loader);
  const boot = await minifyClassicScript(await readFile(path.join(root, "assets/boot.js"), "utf8"), release);
  const bootName = `boot-${shortHash(boot)}.js`;
  await writeFile(path.join(staging, bootName), boot);

  const indexPath = path.join(staging, "index.html");
  let html = await readFile(indexPath, "utf8");
  if (/<script(?![^>]*\bsrc=)[^>]*>/i.test(html)) fail("index.html has an inline script, which the CSP forbids");
  // The boot script is a classic script, so it runs before the first paint.
  const tags = [
    `<link rel="modulepreload" href="./${glue[0]}">`,
    `<link rel="preload" href="./${wasm[0]}" as="fetch" type="application/wasm" crossorigin>`,
    `<script src="./${bootName}"></script>`,
    `<script type="module" src="./${loaderName}"></script>`,
  ].join("\n    ");
  if (!html.includes("</head>")) fail("index.html has no </head>");
  // With inject_scripts off, Trunk leaves its rust link in place as a marker; the
  // loader takes its place.
  html = html.replace(/[ \t]*<link\b[^>]*\bdata-trunk\b[^>]*>[ \t]*\n?/g, "");
  html = html.replace(/\n\s*\n(\s*<\/head>)/, "\n$1");
  html = html.replace(/\s*<\/head>/, `\n    ${tags}\n  </head>`);
  await writeFile(indexPath, html);
  return loaderName;
}

/**
 * Joins the stylesheets index.html links, in their order, into one file: one request
 * instead of six on a first visit, and one brotli stream that compresses better.
 */
async function bundleStylesheets() {
  const indexPath = path.join(staging, "index.html");
  let html = await readFile(indexPath, "utf8");
  const links = [...html.matchAll(/<link\b[^>]*\brel=("?)stylesheet\1[^>]*>/g)].map((match) => match[0]);
  if (links.length < 2) return null;
  const parts = [];
  for (const link of links) {
    const href = link.match(/\bhref=(?:"([^"]+)"|([^\s">]+))/);
    const file = (href?.[1] ?? href?.[2] ?? "").replace(/^\.\//, "");
    if (!/^[\w.-]+\.css$/.test(file)) fail(`cannot bundle the stylesheet link ${link}`);
    parts.push(await readFile(path.join(staging, file), "utf8"));
    await rm(path.join(staging, file));
  }
  const css = parts.join("\n");
  const name = `styles-${shortHash(css)}.css`;
  await writeFile(path.join(staging, name), css);
  html = html.replace(links[0], `<link rel="stylesheet" href="./${name}">`);
  for (const link of links.slice(1)) html = html.replace(link, "");
  await writeFile(indexPath, html);
  return name;
}

/** Escapes text for an HTML attribute value in double quotes. */
function escapeAttribute(text) {
  return text.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/**
 * The role index the build script wrote for this build (`role-index.txt` in the crate's
 * build output): of the copies under the cargo target folder, the one the main wasm
 * module holds word for word, so a stale copy from another build is never used.
 */
async function roleIndexOfThisBuild(mainWasm) {
  const targetDir = process.env.CARGO_TARGET_DIR ? path.resolve(process.env.CARGO_TARGET_DIR) : path.join(root, "target");
  const candidates = [];
  for (const profileRoot of [path.join(targetDir, "wasm32-unknown-unknown"), targetDir]) {
    let profiles = [];
    try {
      profiles = await readdir(profileRoot);
    } catch {
      continue;
    }
    for (const profile of profiles) {
      let builds = [];
      try {
        builds = await readdir(path.join(profileRoot, profile, "build"));
      } catch {
        continue;
      }
      for (const build of builds.filter((name) => name.startsWith("foothold-"))) {
        candidates.push(path.join(profileRoot, profile, "build", build, "out", "role-index.txt"));
      }
    }
  }
  for (const candidate of candidates) {
    let text;
    try {
      text = await readFile(candidate);
    } catch {
      continue;
    }
    if (text.length > 0 && mainWasm.includes(text)) return text.toString("utf8");
  }
  return null;
}

/**
 * Fills the frame's list of role titles (the datalist marked data-foothold-role-titles
 * in index.html), so the browser can suggest roles in the frame's fields before the app
 * has arrived.
 */
async function fillRoleTitles() {
  const indexPath = path.join(staging, "index.html");
  let html = await readFile(indexPath, "utf8");
  const list = html.match(/<datalist\b[^>]*\bdata-foothold-role-titles\b[^>]*>\s*<\/datalist>/);
  if (!list) fail("index.html has no empty <datalist data-foothold-role-titles> to fill");
  const wasmName = (await readdir(staging)).find((f) => /^foothold-app-[0-9a-f]+_bg\.wasm$/.test(f));
  if (!wasmName) fail("no main wasm module in the build to find the role index in");
  const index = await roleIndexOfThisBuild(await readFile(path.join(staging, wasmName)));
  if (index === null) fail("could not find the role index this build embeds (role-index.txt in the cargo build output)");
  // The index's format is src/graph/index_lines.rs: a version line, then one role per
  // line as tab-separated fields, the title second.
  const titles = index
    .split("\n")
    .slice(1)
    .map((line) => line.split("\t")[1])
    .filter((title) => typeof title === "string" && title.length > 0);
  if (titles.length === 0) fail("the role index lists no roles");
  const options = titles.map((title) => `<option value="${escapeAttribute(title)}">`).join("");
  html = html.replace(list[0], list[0].replace(/>\s*<\/datalist>$/, `>${options}</datalist>`));
  await writeFile(indexPath, html);
  return titles.length;
}

/** The Content Security Policy source that allows exactly `text` inline. */
function cspHash(text) {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/**
 * Puts the stylesheet and the boot script into index.html itself, so a first visit draws
 * the frame (and its role fields) as soon as the page arrives, without waiting a round
 * trip for either file: on a slow phone connection that round trip is most of a second.
 * The page's own policy allows each by its hash and nothing else inline; the host's
 * header policy sets no script or style sources (see deploy/_headers), so it never needs
 * the build's hashes.
 */
async function inlineFirstPaintFiles() {
  const indexPath = path.join(staging, "index.html");
  let html = await readFile(indexPath, "utf8");
  const styleLink = html.match(/<link rel="stylesheet" href="\.\/(styles-[0-9a-f]+\.css)">/);
  const bootTag = html.match(/<script src="\.\/(boot-[0-9a-f]+\.js)"><\/script>/);
  if (!styleLink || !bootTag) fail("index.html lacks the bundled stylesheet link or the boot script tag to inline");
  const css = (await readFile(path.join(staging, styleLink[1]), "utf8")).trim();
  const boot = (await readFile(path.join(staging, bootTag[1]), "utf8")).trim();
  if (/<\/style/i.test(css) || /<\/script/i.test(boot)) fail("the stylesheet or boot script holds a closing tag and cannot be inlined");
  html = html.replace(styleLink[0], () => `<style>${css}</style>`);
  html = html.replace(bootTag[0], () => `<script>${boot}</script>`);
  const styleHash = cspHash(css);
  const scriptHash = cspHash(boot);
  const scriptSources = "script-src 'self' 'wasm-unsafe-eval'";
  const styleSources = "style-src 'self'";
  if (!html.includes(`${scriptSources};`) || !html.includes(`${styleSources};`)) {
    fail(`index.html's policy lacks "${scriptSources};" or "${styleSources};" to add the inline hashes to`);
  }
  html = html.replace(`${scriptSources};`, `${scriptSources} ${scriptHash};`);
  html = html.replace(`${styleSources};`, `${styleSources} ${styleHash};`);
  await writeFile(indexPath, html);
  await rm(path.join(staging, styleLink[1]));
  await rm(path.join(staging, bootTag[1]));
}

/** Files for the host, not the browser: never precached (a host does not serve them). */
const HOST_FILES = new Set(["_headers"]);

/**
 * Whether a built file carries a content hash in its name (Trunk's and this hook's
 * `name-<hex>.ext`), so its bytes can never change under the same address.
 */
function hasContentHash(file) {
  return /(?:^|\/)[\w.-]+-[0-9a-f]{8,16}(?:_bg)?\.(?:js|wasm|css)$/.test(file);
}

/**
 * Copies the host's header rules (deploy/_headers: security headers, and long caching for
 * hashed files) into the build, where Netlify, Cloudflare Pages and similar hosts read
 * them. scripts/serve-dist.mjs sends the same headers.
 */
async function copyHostFiles() {
  await writeFile(path.join(staging, "_headers"), await readFile(path.join(root, "deploy/_headers")));
}

/**
 * The icons a browser or phone asks for only when the app is installed (the manifest's
 * PNGs and the Apple touch icon). They are not precached, so a first visit does not
 * download them; the service worker keeps each one the first time it is asked for.
 * The page's own favicon (icons/icon.svg) is precached.
 */
function isInstallIcon(file) {
  return /^icons\/.+\.png$/.test(file);
}

async function writeServiceWorker(files) {
  const offered = files.filter((f) => f !== "sw.js" && !isPrecompressed(f) && !HOST_FILES.has(f));
  const precache = offered.filter((f) => !isInstallIcon(f));
  const onDemand = offered.filter(isInstallIcon);
  // Files the service worker must revalidate rather than take from the HTTP cache.
  const revalidate = precache.filter((f) => !hasContentHash(f));
  if (revalidate.some((f) => /\.(?:wasm|js|css)$/.test(f))) {
    fail(`every script, stylesheet and wasm file needs a content hash in its name; these have none: ${revalidate.filter((f) => /\.(?:wasm|js|css)$/.test(f)).join(", ")}`);
  }
  const digest = createHash("sha256");
  for (const file of offered) {
    digest.update(file);
    digest.update(await readFile(path.join(staging, file)));
  }
  const version = digest.digest("hex").slice(0, 16);
  const template = await readFile(path.join(root, "assets/sw.js"), "utf8");
  const worker = template
    .replaceAll("__FOOTHOLD_VERSION__", version)
    .replace("__FOOTHOLD_PRECACHE__", JSON.stringify(precache, null, 2))
    .replace("__FOOTHOLD_REVALIDATE__", JSON.stringify(revalidate, null, 2))
    .replace("__FOOTHOLD_ON_DEMAND__", JSON.stringify(onDemand, null, 2));
  await writeFile(path.join(staging, "sw.js"), worker);
  return { version, count: precache.length };
}

async function precompress(files) {
  let written = 0;
  for (const file of files) {
    if (isPrecompressed(file) || !COMPRESSIBLE.has(path.extname(file))) continue;
    const full = path.join(staging, file);
    const bytes = await readFile(full);
    const brotli = brotliCompressSync(bytes, {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
        [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        [zlib.BROTLI_PARAM_MODE]: file.endsWith(".wasm") ? zlib.BROTLI_MODE_GENERIC : zlib.BROTLI_MODE_TEXT,
      },
    });
    const gzip = gzipSync(bytes, { level: 9 });
    // A host would serve a compressed copy whenever the browser accepts it, so keep one
    // only when it is actually smaller.
    if (brotli.length < bytes.length) {
      await writeFile(`${full}.br`, brotli);
      written += 1;
    }
    if (gzip.length < bytes.length) {
      await writeFile(`${full}.gz`, gzip);
      written += 1;
    }
  }
  return written;
}

// A rerun over an already finished folder must not stack a second loader.
const existing = await listFiles(staging);
if (existing.some((f) => /^loader-[0-9a-f]+\.js$/.test(f))) fail("the staging folder already has a loader; it was processed twice");
if ((await stat(path.join(staging, "index.html"))).size === 0) fail("index.html is empty");

let splitFiles;
try {
  splitFiles = await splitWasm({ staging, root, release });
} catch (error) {
  fail(`could not split the wasm: ${error.message}`);
}
const stylesheet = await bundleStylesheets();
const roleTitles = await fillRoleTitles();
const loaderName = await writeLoader(existing);
if (release) await inlineFirstPaintFiles();
await copyHostFiles();
const worker = await writeServiceWorker(await listFiles(staging));
const compressed = await precompress(await listFiles(staging));
console.log(`post-build: wasm split into ${splitFiles.length} extra files, ${stylesheet ?? "stylesheets as linked"}, ${loaderName}, sw.js version ${worker.version} precaching ${worker.count} files, ${compressed} compressed copies, ${roleTitles} role titles in the frame`);
