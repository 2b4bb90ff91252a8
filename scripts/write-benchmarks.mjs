// Turns the figures scripts/bench.sh gathered in target/bench/ into BENCHMARKS.md.
//
//   node scripts/write-benchmarks.mjs --collect-criterion <criterion dir>   prints JSON
//   node scripts/write-benchmarks.mjs --median-lighthouse <bench dir>   picks the median run
//   node scripts/write-benchmarks.mjs --write BENCHMARKS.md <bench dir>
//   node scripts/write-benchmarks.mjs --crate-sizes <bench dir>   prints that section only
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import os from "node:os";
import { execFileSync } from "node:child_process";
import zlib from "node:zlib";

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

// The issue's targets for the planner in the browser, per benchmark (group/query), in ms.
// A test's p95 in wasm must be under its limit.
const PLANNER_TARGETS = [
  { test: (group) => group.startsWith("bundled pack"), query: () => true, limitMs: 1, label: "< 1 ms" },
  { test: (group) => group === "synthetic 10000 roles" || group === "credentialed 10000 roles", query: (q) => q === "best route", limitMs: 20, label: "< 20 ms" },
  { test: (group) => group === "synthetic 10000 roles" || group === "credentialed 10000 roles", query: (q) => q.startsWith("five alternatives"), limitMs: 150, label: "< 150 ms" },
];
// The longest the page may stop answering input while planning.
const RESPONSIVE_MS = 50;

const mark = (pass) => (pass ? "✅ pass" : "❌ FAIL");

/** Writes the planner section: native and wasm side by side, targets, responsiveness. */
function writePlanner(add, criterion, wasm, findRoutes) {
  add("## Planner timings", "");
  const native = new Map(criterion.map((c) => [c.name, c]));
  const wasmRows = (wasm?.subjects ?? []).flatMap((subject) =>
    subject.queries.map((query) => ({ subject, query, name: `${subject.name}/${query.name}` })),
  );
  if (wasmRows.length === 0 && criterion.length === 0) {
    add("Not measured (no criterion estimates and no target/bench/planner-wasm.json).", "");
    return;
  }
  add(
    "The same queries on the same graphs (`benches/support/subjects.rs`): natively with criterion",
    "(`cargo bench --bench planner -- --warm-up-time 1 --measurement-time 3`), and compiled to",
    "wasm with the app's release settings in a separate bench page (`bench.html`, never shipped),",
    "timed in headless Chromium with `performance.now()` and read by Playwright",
    "(`tests/e2e/planner-bench.spec.ts`). The native build uses the bench profile, which",
    "inherits the release profile (opt-level \"z\", LTO), so the ratio compares like with like.",
    "Queries run from an entry role to a senior one: registered nurse to CNIO on the bundled pack;",
    "the first role to the last on generated graphs with ten transitions per role. The",
    "credentialed graph lays gating credentials over one the way real packs have them (roles",
    "that need them, entry roles that hold them, training moves into those roles that grant",
    "them); they are qualifications, since the random tiers put almost every role on a cycle",
    "and the validator lets registration training lead only into a role on no cycle;",
    "the scattered-credentials graph is a stress case no real pack resembles (a third of the",
    "moves up a tier grant a credential picked at random), measured natively only, with no target.",
    "",
  );
  if (wasm) {
    add(
      `Wasm: ${wasm.browser}; median and 95th percentile of ${wasm.samples} samples, each`,
      `repeating the query for at least ${wasm.minSampleMs} ms (the browser's timer has 0.1 ms steps),`,
      "in time per answer. Native: criterion's median. Targets apply to the wasm p95.",
      "",
    );
  }
  add(
    "| graph | query | native median | wasm median | wasm p95 | wasm ÷ native | target | result |",
    "|---|---|---:|---:|---:|---:|---|---|",
  );
  const ratios = [];
  const seen = new Set();
  for (const { subject, query, name } of wasmRows) {
    seen.add(name);
    const nativeNs = native.get(name)?.medianNs;
    const ratio = nativeNs ? (query.medianMs * 1e6) / nativeNs : null;
    if (ratio) ratios.push(ratio);
    const target = PLANNER_TARGETS.find((t) => t.test(subject.name) && t.query(query.name));
    const result = target ? mark(query.p95Ms < target.limitMs) : "";
    add(
      `| ${subject.name} | ${query.name} | ${nativeNs ? duration(nativeNs) : "n/a"} | ${duration(query.medianMs * 1e6)} | ${duration(query.p95Ms * 1e6)} | ${ratio ? `${ratio.toFixed(2)}×` : "n/a"} | ${target?.label ?? ""} | ${result} |`,
    );
  }
  for (const c of criterion) {
    if (seen.has(c.name)) continue;
    const [group, query] = c.name.split("/");
    add(`| ${group} | ${query ?? ""} | ${duration(c.medianNs)} | not measured | | | | |`);
  }
  add("");
  if (ratios.length > 0) {
    const sorted = [...ratios].sort((a, b) => a - b);
    const middle = sorted[Math.floor(sorted.length / 2)];
    add(
      `Wasm-to-native ratio: median ${middle.toFixed(2)}× over ${ratios.length} benchmarks (from ${sorted[0].toFixed(2)}× to`,
      `${sorted[sorted.length - 1].toFixed(2)}×; wasm median divided by native median; below 1× the browser was faster).`,
      "",
    );
  }
  for (const subject of wasm?.subjects ?? []) {
    add(`- ${subject.name}: ${subject.roles} roles, ${subject.transitions} transitions; ${subject.bestRoute.replace(`${subject.name}: `, "")}.`);
  }
  if (wasm?.subjects?.length) add("");

  add("### Does the page keep answering while it plans?", "");
  const slowest = wasm?.slowestBundled;
  if (slowest) {
    add(
      `The slowest answer to any question the app can put to the bundled pack, in wasm: ${slowest.routesAsked} routes (the`,
      `app's maximum) between each of the ${slowest.pairs.toLocaleString("en-GB")} ordered pairs of roles, each asked once, and`,
      `exploring ${slowest.exploreMonths / 12} years ahead (the app's longest horizon) from every role:`,
      "",
      "| question | slowest answer | limit | result |",
      "|---|---:|---:|---|",
      `| ${slowest.routesAsked} routes, ${slowest.slowestRoutesFrom} to ${slowest.slowestRoutesTo} | ${duration(slowest.slowestRoutesMs * 1e6)} | ${RESPONSIVE_MS} ms | ${mark(slowest.slowestRoutesMs < RESPONSIVE_MS)} |`,
      `| explore from ${slowest.slowestExploreFrom} | ${duration(slowest.slowestExploreMs * 1e6)} | ${RESPONSIVE_MS} ms | ${mark(slowest.slowestExploreMs < RESPONSIVE_MS)} |`,
      "",
    );
  }
  if (findRoutes) {
    add(
      `"Find routes" in the release build for ${findRoutes.query}, ${findRoutes.runs} runs`,
      `(${findRoutes.browser}), long tasks recorded with a \`PerformanceObserver\` for \`longtask\`:`,
      "",
      "| measure | value |",
      "|---|---:|",
      `| click to the routes in the page (median) | ${ms(findRoutes.medianClickToResultsMs)} |`,
      `| click to the next frame after them (median / slowest) | ${ms(findRoutes.medianClickToNextFrameMs)} / ${ms(findRoutes.maxClickToNextFrameMs)} |`,
      `| route finding itself, the first answer in a fresh page (\`foothold:find-routes\`, median) | ${ms(findRoutes.medianFindRoutesMeasureMs)} |`,
      `| long tasks (over 50 ms) during all runs | ${findRoutes.longTasks} |`,
      `| longest long task | ${findRoutes.longTasks ? ms(findRoutes.longestLongTaskMs) : "none over 50 ms"} ${mark(findRoutes.longestLongTaskMs < RESPONSIVE_MS)} |`,
      "",
      `A control task that blocks the page for 80 ms on purpose was seen as a ${ms(findRoutes.controlLongTaskMs)} long task, so`,
      "the observer works.",
      "",
    );
  }
  if (slowest || findRoutes) {
    // How long planning itself takes (the slowest question asked of the bundled pack, and
    // route finding as the app measures it), apart from the other work in the same tasks.
    const planning = Math.max(
      slowest?.slowestRoutesMs ?? 0,
      slowest?.slowestExploreMs ?? 0,
      findRoutes?.medianFindRoutesMeasureMs ?? 0,
    );
    const longest = findRoutes?.longestLongTaskMs ?? 0;
    if (planning >= RESPONSIVE_MS) {
      add(
        `**A planning question took ${duration(planning * 1e6)}, over the ${RESPONSIVE_MS} ms limit: it must move off the`,
        "main thread (a web worker) or run in slices.**",
        "",
      );
    } else {
      add(
        "Planning therefore runs on the main thread: the slowest question the app can ask of the",
        `bundled pack takes ${duration(planning * 1e6)} here, so a phone up to ${Math.floor(RESPONSIVE_MS / Math.max(planning, 0.001))} times slower than this machine`,
        `would still answer within the ${RESPONSIVE_MS} ms limit. A web worker would add a second wasm instance,`,
        "message passing and an asynchronous result for no gain. The generated 1,000- and 10,000-role",
        "graphs exist only in the benchmarks; the app plans only over the bundled pack.",
        "",
      );
      if (longest >= RESPONSIVE_MS) {
        add(
          `**The longest task while the app found routes took ${ms(longest)}, over the ${RESPONSIVE_MS} ms limit.** Planning is`,
          "a small part of it: the rest is the browser compiling the other screens' code on first use, reading",
          "the role pack, drawing the route cards and laying them out. On this machine the 80 ms control",
          `task above read as ${ms(findRoutes.controlLongTaskMs)}.`,
          "",
        );
      }
    }
  }
}

const bytes = (value) => `${value.toLocaleString("en-GB")} B`;
const share = (part, whole) => (whole ? `${((100 * part) / whole).toFixed(0)}%` : "n/a");

/** Writes the bytes each crate adds to the main module and the split files. */
function writeCrateSizes(add, sizes) {
  add("## Bytes per crate", "");
  if (!sizes) {
    add("Not measured (no target/bench/crate-sizes.json).", "");
    return;
  }
  const { main, split } = sizes.totals;
  add(
    "What each crate compiled into the app adds to the release wasm, in bytes of function code before",
    "compression (`node scripts/crate-sizes.mjs`): the release build's modules are rebuilt with their",
    "function names kept, and each function counts for the crate its name starts with; generic code",
    "counts for the crate that defines it (a `Vec<Plan>` method is the standard library's), and a",
    "`<T as Trait>` method for T's crate, as cargo-bloat counts. Function code is",
    `${share(main.code, main.total)} of the main module (${bytes(main.total)}) and ${share(split.code, split.total)} of the ${split.files} split wasm file${split.files === 1 ? "" : "s"}`,
    `(${bytes(split.total)}); the rest is data (text, tables) and the modules' own structure. Licences are`,
    "as each crate declares them; the app is MIT.",
    "",
    "| crate | licence | main module | split files | total |",
    "|---|---|---:|---:|---:|",
  );
  for (const row of sizes.crates) {
    add(`| ${row.crate} | ${row.licence} | ${bytes(row.main)} | ${bytes(row.split)} | ${bytes(row.main + row.split)} |`);
  }
  add(
    `| functions with no crate in their name | | ${bytes(main.unattributed)} | ${bytes(split.unattributed)} | ${bytes(main.unattributed + split.unattributed)} |`,
    `| data and structure | | ${bytes(main.total - main.code)} | ${bytes(split.total - split.code)} | ${bytes(main.total - main.code + split.total - split.code)} |`,
    "",
  );
}

// The issue's targets for a first visit: every byte, page and service worker together,
// and the time until the start screen answers typing on a throttled phone, cold.
const FIRST_VISIT_BYTES = 420_000;
const ANSWERS_TYPING_MS = 1500;

/** Writes the first visit's bytes (page and service worker) and the throttled timings. */
function writeFirstVisit(add, firstVisit, throttled) {
  add("## First visit", "");
  if (firstVisit) {
    const files = (records) =>
      records.map((r) => `${r.path === "/" ? "the page's address (index.html)" : r.path?.replace(/^\//, "").replace(/-[0-9a-f]{16}/, "-…") || "?"} (${r.status}, ${kB(r.bytes)})`).join(", ");
    add(
      "Bytes the server sent for one first visit, status lines and headers included",
      `(\`tests/e2e/perf.spec.ts\`, ${firstVisit.browser}), until the service worker had the whole app on`,
      "the device. The page registers its service worker once the app has started and the page has",
      "loaded, so the page's bytes are those sent before `sw.js`. The worker's precache takes every",
      "file with a content hash in its name that the page already has from the browser's HTTP cache,",
      "and revalidates the others, so only files the page has not fetched cross the network again.",
      "",
      "| part | bytes | target | result |",
      "|---|---:|---|---|",
      `| page, until the start screen works | ${kB(firstVisit.pageBytes)} | | |`,
      `| service worker (sw.js and its precache) | ${kB(firstVisit.workerBytes)} | | |`,
      `| together | ${kB(firstVisit.totalBytes)} | ≤ ${kB(FIRST_VISIT_BYTES)} | ${mark(firstVisit.totalBytes <= FIRST_VISIT_BYTES)} |`,
      "",
      `The service worker's responses: ${files(firstVisit.worker)}.`,
      "",
    );
  } else {
    add("Not measured (no target/bench/first-visit.json).", "");
  }
  add("### A throttled phone", "");
  if (throttled) {
    const firstOf = (...times) => {
      const known = times.filter((t) => typeof t === "number");
      return known.length ? Math.min(...known) : null;
    };
    // A repeat visit's frame has no fields: there is nothing to mark.
    const frameMs = (value) => (value === null || value === undefined ? "no field in the frame" : ms(value));
    const answeredCold = firstOf(throttled.cold.frameAnswered, throttled.cold.answered);
    const answeredWarm = firstOf(throttled.warm.frameAnswered, throttled.warm.answered);
    const coldRuns = (throttled.samples?.cold ?? [])
      .map((run) => firstOf(run.frameAnswered, run.answered))
      .filter((t) => typeof t === "number")
      .map((t) => Math.round(t));
    add(
      `Lighthouse's slow 4G as DevTools throttling applies it (${throttled.network.latencyMs} ms request latency,`,
      `${throttled.network.downloadKbps.toFixed(0)} kbit/s down, ${throttled.network.uploadKbps.toFixed(0)} kbit/s up, through \`Network.emulateNetworkConditions\`) and a`,
      `${throttled.cpuSlowdown}x CPU slowdown (\`Emulation.setCPUThrottlingRate\`), ${throttled.browser}, a phone-sized`,
      `window; medians of ${throttled.runs} runs in ms since navigation start. Playwright types one letter into`,
      "\"Current role\" as soon as a field of that name is drawn: the page looks for it every 10 ms and puts",
      "the cursor in it, as a tap would (finding the field by its role and clicking it would add several",
      "round trips to the page, each slow under the CPU slowdown). On a first visit that is the field in",
      "the frame pre-rendered in `index.html`, whose list of role titles (a `datalist`) the browser",
      "filters as the key goes down; the app later takes the field over with what was typed. Otherwise",
      "it is the app's own field, answered when its first suggestion is in the page. Cold: a fresh",
      "profile. Warm: the same profile reloaded, served by the service worker, whose frame shows no",
      "fields because the visit may reopen another screen.",
      "",
      "| moment | cold | warm |",
      "|---|---:|---:|",
      `| the frame's "Current role" field is drawn (the first paint) | ${ms(throttled.cold.frameField)} | ${frameMs(throttled.warm.frameField)} |`,
      `| Playwright's letter reaches the frame's field (the browser lists matching role titles) | ${ms(throttled.cold.frameAnswered)} | ${frameMs(throttled.warm.frameAnswered)} |`,
      `| long tasks between the frame's first paint and that letter, in all | ${ms(throttled.cold.busyBeforeKey)} | ${frameMs(throttled.warm.busyBeforeKey)} |`,
      `| the app's "Current role" field is in the page | ${ms(throttled.cold.field)} | ${ms(throttled.warm.field)} |`,
      `| the app shows its first suggestion | ${ms(throttled.cold.answered)} | ${ms(throttled.warm.answered)} |`,
      `| **the start screen answers typing** (the first of the two answers) | ${ms(answeredCold)} | ${ms(answeredWarm)} |`,
      "",
      `Target: cold, within ${(ANSWERS_TYPING_MS / 1000).toFixed(1)} s of navigation, judged on the median of the letter as typed: ${mark((answeredCold ?? Infinity) <= ANSWERS_TYPING_MS)}.`,
      "",
    );
    if (coldRuns.length > 0) {
      add(
        `The ${coldRuns.length} cold runs answered between ${ms(Math.min(...coldRuns))} and ${ms(Math.max(...coldRuns))}; ${coldRuns.filter((t) => t <= ANSWERS_TYPING_MS).length} of them within the target.`,
        "",
      );
    }
    if (throttled.cold.busyBeforeKey === 0) {
      add(
        "With no long task between the frame's first paint and the letter, the page could have taken a",
        "letter typed at any moment after that paint; the gap between the two is the harness's own round",
        "trips to the page under the CPU slowdown, not the page being busy.",
        "",
      );
    }
  } else {
    add("Not measured (no target/bench/throttled.json).", "");
  }
}

async function write(target, folder) {
  const bundle = await readJson(path.join(folder, "bundle.json"));
  const startup = await readJson(path.join(folder, "startup.json"));
  const lighthouse = await readJson(path.join(folder, "lighthouse.json"));
  const lighthouseRuns = await readJson(path.join(folder, "lighthouse-runs.json"));
  const criterion = (await readJson(path.join(folder, "criterion.json"))) ?? [];
  const plannerWasm = await readJson(path.join(folder, "planner-wasm.json"));
  const findRoutes = await readJson(path.join(folder, "find-routes.json"));
  const firstVisit = await readJson(path.join(folder, "first-visit.json"));
  const throttled = await readJson(path.join(folder, "throttled.json"));
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
      "brotli; 1 kB = 1,000 bytes). The start screen ships with a small role index; every other screen, and the",
      "full role pack, are split into files fetched when first opened (and precached by the service worker).",
      "",
      "| file | first load | raw | gzip | brotli |",
      "|---|---|---:|---:|---:|",
    );
    const isSplit = (f) => /^(split|chunk)_/.test(f.file);
    const rows = bundle.files.filter((f) => !isSplit(f)).sort((a, b) => Number(b.firstLoad) - Number(a.firstLoad) || b.raw - a.raw);
    for (const f of rows) {
      add(`| ${f.file.replace(/-[0-9a-f]{16}/, "-…")} | ${f.firstLoad ? "yes" : "no"} | ${kB(f.raw)} | ${kB(f.gzip)} | ${kB(f.brotli)} |`);
    }
    const split = bundle.files.filter(isSplit);
    const total = (key) => split.reduce((sum, f) => sum + f[key], 0);
    if (split.length > 0) {
      add(`| ${split.length} split file${split.length === 1 ? "" : "s"} (split_*, chunk_*), fetched on demand | no | ${kB(total("raw"))} | ${kB(total("gzip"))} | ${kB(total("brotli"))} |`);
      add("", "The largest split files:", "", "| file | raw | brotli |", "|---|---:|---:|");
      for (const f of [...split].sort((a, b) => b.brotli - a.brotli).slice(0, 6)) {
        add(`| ${f.file.replace(/-[0-9a-f]{16}/, "-…")} | ${kB(f.raw)} | ${kB(f.brotli)} |`);
      }
    }
    const wasm = bundle.files.find((f) => /^foothold-app-.*_bg\.wasm$/.test(f.file));
    add(
      "",
      `Baseline: ${BASELINE.name} ships ${kB(BASELINE.wasmBrotli)} of wasm (brotli) with the same settings;`,
      `Foothold's main wasm module is ${kB(wasm?.brotli)}.`,
      "",
    );
  } else {
    add("Not measured (no target/bench/bundle.json).", "");
  }

  writeCrateSizes(add, await readJson(path.join(folder, "crate-sizes.json")));

  add("## Bundled role pack", "");
  const packText = await readFile(path.join(folder, "pack.json")).catch(() => null);
  if (packText) {
    const pack = JSON.parse(packText.toString("utf8"));
    const gzip = zlib.gzipSync(packText, { level: 9 }).length;
    const brotli = zlib.brotliCompressSync(packText, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    // The same index the build script writes (RoleIndex::of_pack).
    const index = {
      data_version: pack.info.data_version,
      roles: pack.roles.map((role) =>
        role.also_known_as?.length ? { id: role.id, title: role.title, also_known_as: role.also_known_as } : { id: role.id, title: role.title },
      ),
    };
    const indexText = Buffer.from(JSON.stringify(index));
    add(
      `The ${pack.info.title} pack, data version ${pack.info.data_version}: ${pack.roles.length} roles,`,
      `${pack.transitions.length} transitions, ${pack.opportunities.length} development opportunities and`,
      `${pack.competencies.length} competencies. Embedded as compact JSON`,
      "(`cargo run --bin foothold -- compile data`) in the split file that reads it, fetched with the first",
      "screen after the start screen. The start screen's role index (ids, titles and other titles) is in the",
      "main module:",
      "",
      "| form | pack | role index |",
      "|---|---:|---:|",
      `| raw | ${kB(packText.length)} | ${kB(indexText.length)} |`,
      `| gzip | ${kB(gzip)} | ${kB(zlib.gzipSync(indexText, { level: 9 }).length)} |`,
      `| brotli | ${kB(brotli)} | ${kB(zlib.brotliCompressSync(indexText, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length)} |`,
      "",
    );
  } else {
    add("Not measured (no target/bench/pack.json).", "");
  }

  add("## Startup", "");
  if (startup) {
    const rows = [
      ["HTML received", "response-end"],
      ["loader script starts", "foothold:loader-start"],
      ["wasm instantiated (`foothold:wasm-instantiated`)", "foothold:wasm-instantiated"],
      ["role index decoded (`foothold:data-decoded`)", "foothold:data-decoded"],
      ["first screen shown in place of the pre-rendered frame (`foothold:first-render`)", "foothold:first-render"],
      ["first contentful paint", "first-contentful-paint"],
      ["largest contentful paint, as the browser reports it", "largest-contentful-paint"],
      ["loader done, app running", "foothold:app-started"],
    ];
    add(
      `Medians of ${startup.runs} runs in milliseconds since navigation start, served from 127.0.0.1`,
      `with brotli; ${startup.browser}.`,
      "Cold: a fresh profile. Warm: a repeat visit, served by the service worker.",
      "The first paint shows the frame pre-rendered in `index.html`: on a first visit, the header and",
      "the start screen's opening lines; on a repeat visit, the header and a loading line.",
      "",
      "| moment | cold | warm |",
      "|---|---:|---:|",
    );
    for (const [label, key] of rows) add(`| ${label} | ${ms(startup.cold[key])} | ${ms(startup.warm[key])} |`);
    add("");
  } else {
    add("Not measured (no target/bench/startup.json).", "");
  }

  writeFirstVisit(add, firstVisit, throttled);
  writePlanner(add, criterion, plannerWasm, findRoutes);
  const measures = startup?.measures ?? {};
  if (Object.keys(measures).length > 0) {
    add("The app's own performance measures (named `foothold:*`, medians over the startup runs):", "", "| measure | median |", "|---|---:|");
    for (const [name, value] of Object.entries(measures)) add(`| ${name} | ${ms(value)} |`);
    add("");
  } else {
    add("The app records no `foothold:*` performance measures while it starts; route finding's is in the table above.", "");
  }

  add("## Lighthouse", "");
  if (lighthouse) {
    const categories = lighthouse.categories ?? {};
    const audits = lighthouse.audits ?? {};
    add(
      `Lighthouse ${lighthouse.lighthouseVersion}, mobile profile (simulated slow 4G and 4x CPU slowdown), over the`,
      "release build served from 127.0.0.1 with precompressed files.",
      ...(lighthouseRuns?.scores?.length
        ? [
            `The run with the median performance score of ${lighthouseRuns.scores.length} runs is shown; the runs scored`,
            `${lighthouseRuns.scores.map(score).join(", ")}.`,
          ]
        : []),
      "Its Largest Contentful Paint is simulated: it counts every file that had arrived by the time",
      "of the largest paint in an unthrottled load, which includes the main wasm module, even though",
      "the largest paint (the start screen's pre-rendered introduction) does not wait for it.",
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
  await writeFile(target, `${keepUnmeasured(lines.join("\n"), await readFile(target, "utf8").catch(() => ""))}\n`);
}

/**
 * A partial run (say, only the startup benchmarks) measures some sections and not others.
 * Each "## " section this run did not measure is taken from the previous BENCHMARKS.md, if
 * that one measured it, and marked as kept, so a partial run never erases figures.
 */
function keepUnmeasured(fresh, previous) {
  const sections = (text) => {
    const parts = text.split(/^(?=## )/m);
    return { head: parts[0], bodies: new Map(parts.slice(1).map((part) => [part.split("\n")[0], part])) };
  };
  const now = sections(fresh);
  const before = sections(previous);
  const kept = [];
  for (const [heading, body] of now.bodies) {
    const old = before.bodies.get(heading);
    const unmeasured = body.split("\n").slice(1).join("\n").trim().startsWith("Not measured");
    if (!unmeasured || !old || old.split("\n").slice(1).join("\n").trim().startsWith("Not measured")) {
      kept.push(body);
      continue;
    }
    const [first, ...rest] = old.trimEnd().split("\n");
    const text = rest.join("\n").trim();
    const when = before.head.match(/^Measured on ([^:]+):/m)?.[1];
    const marker = `_Not measured in the latest run: these figures are kept from an earlier one${when ? ` (${when})` : ""}._`;
    kept.push(`${first}\n\n${text.startsWith("_Not measured in the latest run") ? text : `${marker}\n\n${text}`}\n\n`);
  }
  return `${now.head}${kept.join("")}`.trimEnd();
}

/**
 * Of the Lighthouse runs in `folder` (lighthouse-run-N.json), copies the one with the
 * median performance score to lighthouse.json and lists every score in
 * lighthouse-runs.json.
 */
async function medianLighthouse(folder) {
  const runs = [];
  for (const file of (await readdir(folder)).filter((f) => /^lighthouse-run-\d+\.json$/.test(f)).sort()) {
    const report = await readJson(path.join(folder, file));
    const performance = report?.categories?.performance?.score;
    if (typeof performance === "number") runs.push({ report, performance });
  }
  if (runs.length === 0) throw new Error(`no Lighthouse runs in ${folder}`);
  const scores = runs.map((run) => run.performance);
  const median = [...runs].sort((a, b) => a.performance - b.performance)[Math.floor((runs.length - 1) / 2)];
  await writeFile(path.join(folder, "lighthouse.json"), JSON.stringify(median.report));
  await writeFile(path.join(folder, "lighthouse-runs.json"), JSON.stringify({ scores }, null, 2));
}

const [mode, first, second] = process.argv.slice(2);
if (mode === "--median-lighthouse" && first) {
  await medianLighthouse(first);
} else if (mode === "--collect-criterion" && first) {
  console.log(JSON.stringify(await collectCriterion(first), null, 2));
} else if (mode === "--crate-sizes" && first) {
  // Prints only the "Bytes per crate" section, to refresh it without re-running the rest.
  const lines = [];
  writeCrateSizes((...more) => lines.push(...more), await readJson(path.join(first, "crate-sizes.json")));
  console.log(lines.join("\n"));
} else if (mode === "--write" && first && second) {
  await write(first, second);
} else {
  console.error("usage: write-benchmarks.mjs --collect-criterion <dir> | --median-lighthouse <bench dir> | --write BENCHMARKS.md <bench dir> | --crate-sizes <bench dir>");
  process.exit(2);
}
