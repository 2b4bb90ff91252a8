// Measures the built app in dist/: raw, gzip and brotli size of every file, and the
// total a browser downloads on a first visit (the HTML, everything it links, the loader's
// glue and wasm), using the precompressed copies a static host would send.
//
//   node scripts/bundle-sizes.mjs [dist]   prints a JSON report
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** The first-load budget and the goal, in kB of 1,000 bytes, brotli-compressed. */
export const BUDGET_KB = 200;
export const GOAL_KB = 150;

async function listFiles(folder, prefix = "") {
  const files = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await listFiles(path.join(folder, entry.name), relative)));
    else files.push(relative);
  }
  return files.sort();
}

async function sizeOf(dist, file, suffix, compress) {
  try {
    return (await readFile(path.join(dist, file + suffix))).length;
  } catch {
    // No precompressed copy: the build keeps one only when smaller, so the host sends
    // the file as it is; compressing it here would overstate the saving.
    return compress ? (await readFile(path.join(dist, file))).length : null;
  }
}

/** The files a first visit downloads: index.html, what it links, and the loader's imports. */
export async function firstLoadFiles(dist) {
  const html = await readFile(path.join(dist, "index.html"), "utf8");
  // Release builds minify index.html, which drops the quotes around plain attribute values.
  const linked = [...html.matchAll(/<(?:link|script)\b[^>]*?\b(?:href|src)=(?:"([^"]+)"|([^\s">]+))/g)]
    .map((match) => (match[1] ?? match[2]).replace(/^\.\//, ""))
    .filter((href) => !/^[a-z]+:/i.test(href));
  const files = new Set(["index.html", ...linked]);
  for (const file of [...files]) {
    if (!/^loader-[0-9a-f]+\.js$/.test(file)) continue;
    const loader = await readFile(path.join(dist, file), "utf8");
    // The loader names the glue and the wasm module; release builds minify it.
    for (const match of loader.matchAll(/["'`]\.\/(foothold-app-[0-9a-f]+(?:_bg\.wasm|\.js))["'`]/g)) files.add(match[1]);
  }
  // The glue's static imports (the split loader) load with it; the split screens' files
  // are fetched only when a screen is opened, so they are not part of the first load.
  for (const file of [...files]) {
    if (!file.endsWith(".js")) continue;
    const source = await readFile(path.join(dist, file), "utf8");
    for (const match of source.matchAll(/\bimport\b[^;"'`]*?\bfrom\s*["']\.\/([^"']+)["']/g)) files.add(match[1]);
  }
  // The manifest's icons are fetched by the browser only when it offers installation.
  return [...files].sort();
}

/** Measures every file in `dist` and the first-load total. Sizes are in bytes. */
export async function measureBundle(dist) {
  const all = (await listFiles(dist)).filter((f) => !f.endsWith(".br") && !f.endsWith(".gz"));
  const firstLoad = new Set(await firstLoadFiles(dist));
  const files = [];
  for (const file of all) {
    const raw = (await readFile(path.join(dist, file))).length;
    files.push({
      file,
      raw,
      gzip: await sizeOf(dist, file, ".gz", true),
      brotli: await sizeOf(dist, file, ".br", true),
      firstLoad: firstLoad.has(file),
    });
  }
  const missing = [...firstLoad].filter((f) => !all.includes(f));
  const sum = (key) => files.filter((f) => f.firstLoad).reduce((total, f) => total + f[key], 0);
  return {
    files,
    missingFirstLoadFiles: missing,
    firstLoad: { raw: sum("raw"), gzip: sum("gzip"), brotli: sum("brotli") },
    budgetBytes: BUDGET_KB * 1000,
    goalBytes: GOAL_KB * 1000,
  };
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  const dist = process.argv[2] || "dist";
  const report = await measureBundle(dist);
  console.log(JSON.stringify(report, null, 2));
}
