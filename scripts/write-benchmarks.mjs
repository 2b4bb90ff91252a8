// Turns the figures scripts/bench.sh gathered in target/bench/ into BENCHMARKS.md.
//
//   node scripts/write-benchmarks.mjs --collect-criterion <criterion dir>   prints JSON
//   node scripts/write-benchmarks.mjs --write BENCHMARKS.md <bench dir>
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import os from "node:os";
import { execFileSync } from "node:child_process";

// Yew's own function_todomvc example, measured with the same build settings and the same
// Lighthouse profile on the same kind of machine: the baseline Foothold is held to.
const BASELINE = { name: "yew function_todomvc", wasmBrotli: 69_000, performance: 0.97, accessibility: 0.8 };
const BUDGET = 200_000;
const GOAL = 150_000;

async function readJson(file) {
  try {
    return JSON.parse(await readFile(file, "utf8"));
  } catch {
    return null;
  }
}

/** Finds criterion's estimates and returns [{ name, medianNs, lowNs, highNs }]. */
async function collectCriterion(folder) {
  const results = [];
  async function walk(dir, parts) {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name === "report") continue;
      if (entry.name === "new") {
        const estimates = await readJson(path.join(dir, "new", "estimates.json"));
        const benchmark = await readJson(path.join(dir, "new", "benchmark.json"));
        if (estimates?.median) {
          results.push({
            name: benchmark?.full_id ?? parts.join("/"),
            medianNs: estimates.median.point_estimate,
            lowNs: estimates.median.confidence_interval.lower_bound,
            highNs: estimates.median.confidence_interval.upper_bound,
          });
        }
        continue;
      }
      await walk(path.join(dir, entry.name), [...parts, entry.name]);
    }
  }
  await walk(folder, []);
  return results.sort((a, b) => a.name.localeCompare(b.name));
}

const kB = (bytes) => (bytes === null || bytes === undefined ? "n/a" : `${(bytes / 1000).toFixed(1)} kB`);
const ms = (value) => (value === null || value === undefined ? "not marked yet" : `${value.toFixed(1)} ms`);
const score = (value) => (value === null || value === undefined ? "n/a" : value.toFixed(2));

function duration(ns) {
  if (ns < 1_000) return `${ns.toFixed(0)} ns`;
  if (ns < 1_000_000) return `${(ns / 1_000).toFixed(1)} µs`;
  return `${(ns / 1_000_000).toFixed(2)} ms`;
}

function describeMachine() {
  const cpus = os.cpus();
  let rustc = "rustc";
  try {
    rustc = execFileSync("rustc", ["--version"], { encoding: "utf8" }).trim().split(" (")[0];
  } catch {
    // The figures stand without the compiler version.
  }
  let commit = "";
  try {
    commit = `, commit ${execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim()}`;
  } catch {
    // Outside a git checkout the figures stand without it.
  }
  return `${cpus.length} cores (${cpus[0]?.model.trim() ?? "unknown CPU"}), Node ${process.version}, ${rustc}${commit}`;
}

async function write(target, folder) {
  const bundle = await readJson(path.join(folder, "bundle.json"));
  const startup = await readJson(path.join(folder, "startup.json"));
  const lighthouse = await readJson(path.join(folder, "lighthouse.json"));
  const criterion = (await readJson(path.join(folder, "criterion.json"))) ?? [];
  const lines = [];
  const add = (...more) => lines.push(...more);

  add(
    "# Benchmarks",
    "",
    "Written by `bash scripts/bench.sh` from a release build (`trunk build --release --offline`:",
    "opt-level \"z\", LTO, one codegen unit, panic abort, wasm-opt -Oz). Regenerate after changes",
    "that could move these figures.",
    "",
    `Measured on ${new Date().toISOString().slice(0, 10)}: ${describeMachine()}.`,
    "",
    "## Bundle size",
    "",
  );
  if (bundle) {
    const first = bundle.firstLoad;
    const verdict = first.brotli <= GOAL ? "within the goal" : first.brotli <= BUDGET ? "within the budget, over the goal" : "OVER THE BUDGET";
    add(
      `First load (the HTML and everything it links: scripts, wasm, CSS, manifest, icons): **${kB(first.brotli)} brotli**,`,
      `${kB(first.gzip)} gzip, ${kB(first.raw)} raw: ${verdict} (budget ${kB(BUDGET)}, goal ${kB(GOAL)},`,
      "brotli; 1 kB = 1,000 bytes). The bundled role pack is compiled into the wasm file.",
      "",
      "| file | first load | raw | gzip | brotli |",
      "|---|---|---:|---:|---:|",
    );
    const rows = [...bundle.files].sort((a, b) => Number(b.firstLoad) - Number(a.firstLoad) || b.raw - a.raw);
    for (const f of rows) {
      add(`| ${f.file.replace(/-[0-9a-f]{16}/, "-…")} | ${f.firstLoad ? "yes" : "no"} | ${kB(f.raw)} | ${kB(f.gzip)} | ${kB(f.brotli)} |`);
    }
    const wasm = bundle.files.find((f) => f.file.endsWith(".wasm"));
    add(
      "",
      `Baseline: ${BASELINE.name} ships ${kB(BASELINE.wasmBrotli)} of wasm (brotli) with the same settings;`,
      `Foothold's wasm is ${kB(wasm?.brotli)}.`,
      "",
    );
  } else {
    add("Not measured (no target/bench/bundle.json).", "");
  }

  add("## Startup", "");
  if (startup) {
    const rows = [
      ["HTML received", "response-end"],
      ["loader script starts", "foothold:loader-start"],
      ["wasm instantiated (`foothold:wasm-instantiated`)", "foothold:wasm-instantiated"],
      ["role pack decoded (`foothold:data-decoded`)", "foothold:data-decoded"],
      ["first render committed (`foothold:first-render`)", "foothold:first-render"],
      ["first contentful paint", "first-contentful-paint"],
      ["loader done, app running", "foothold:app-started"],
    ];
    add(
      `Medians of ${startup.runs} runs in milliseconds since navigation start, served from 127.0.0.1`,
      `with brotli; ${startup.browser}.`,
      "Cold: a fresh profile. Warm: a repeat visit, served by the service worker.",
      "",
      "| moment | cold | warm |",
      "|---|---:|---:|",
    );
    for (const [label, key] of rows) add(`| ${label} | ${ms(startup.cold[key])} | ${ms(startup.warm[key])} |`);
    add("");
  } else {
    add("Not measured (no target/bench/startup.json).", "");
  }

  add("## Planner timings", "");
  if (criterion.length > 0) {
    add("Native, criterion medians with their 95% confidence interval:", "", "| benchmark | median | interval |", "|---|---:|---|");
    for (const c of criterion) add(`| ${c.name} | ${duration(c.medianNs)} | ${duration(c.lowNs)} to ${duration(c.highNs)} |`);
    add("");
  } else {
    add("Native: no criterion benchmarks yet (`benches/`).", "");
  }
  const measures = startup?.measures ?? {};
  if (Object.keys(measures).length > 0) {
    add("In the browser (performance measures named `foothold:*`, medians):", "", "| measure | median |", "|---|---:|");
    for (const [name, value] of Object.entries(measures)) add(`| ${name} | ${ms(value)} |`);
    add("");
  } else {
    add("In the browser: not measured yet (the app records no `foothold:*` performance measures for route finding).", "");
  }

  add("## Lighthouse", "");
  if (lighthouse) {
    const categories = lighthouse.categories ?? {};
    const audits = lighthouse.audits ?? {};
    add(
      `Lighthouse ${lighthouse.lighthouseVersion}, mobile profile (simulated slow 4G and 4x CPU slowdown), over the`,
      "release build served from 127.0.0.1 with precompressed files.",
      "",
      `| category | Foothold | ${BASELINE.name} |`,
      "|---|---:|---:|",
      `| performance | ${score(categories.performance?.score)} | ${score(BASELINE.performance)} |`,
      `| accessibility | ${score(categories.accessibility?.score)} | ${score(BASELINE.accessibility)} |`,
      `| best practices | ${score(categories["best-practices"]?.score)} | n/a |`,
      "",
      "| metric | value |",
      "|---|---:|",
    );
    for (const id of ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index", "interactive"]) {
      if (audits[id]) add(`| ${audits[id].title} | ${audits[id].displayValue ?? score(audits[id].score)} |`);
    }
    add("");
  } else {
    add("Not measured (no target/bench/lighthouse.json).", "");
  }
  await writeFile(target, `${lines.join("\n")}\n`);
}

const [mode, first, second] = process.argv.slice(2);
if (mode === "--collect-criterion" && first) {
  console.log(JSON.stringify(await collectCriterion(first), null, 2));
} else if (mode === "--write" && first && second) {
  await write(first, second);
} else {
  console.error("usage: write-benchmarks.mjs --collect-criterion <dir> | --write BENCHMARKS.md <bench dir>");
  process.exit(2);
}
