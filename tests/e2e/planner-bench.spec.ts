// Planner benchmark in the browser, not a pass/fail test. Two parts:
//
// 1. The planner's benchmark queries (the same graphs and queries as the native criterion
//    benchmark) compiled to wasm in a separate bench page (bench.html, built into
//    target/bench-dist by `trunk build --release --offline --config Trunk.bench.toml`),
//    timed in the page with performance.now(), plus the slowest answer to any question
//    the app can put to the bundled pack.
// 2. The real app's release build: "Find routes" for registered nurse to CNIO, from the
//    click to the routes in the page, with the longest main-thread long task meanwhile.
//
// Figures go to target/bench/planner-wasm.json and target/bench/find-routes.json, which
// scripts/write-benchmarks.mjs turns into BENCHMARKS.md. Run with `bash scripts/bench.sh`.
import { expect, test, type Page } from "@playwright/test";
import { access, mkdir, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { serve, waitForApp } from "./support/app";

const benchDist = fileURLToPath(new URL("../../target/bench-dist", import.meta.url));
const benchOutput = new URL("../../target/bench/", import.meta.url);
const samples = Number(process.env.FOOTHOLD_BENCH_SAMPLES || 25);
const minSampleMs = Number(process.env.FOOTHOLD_BENCH_MIN_SAMPLE_MS || 10);
const appRuns = Number(process.env.FOOTHOLD_BENCH_RUNS || 9);
const SUBJECTS = ["bundled", "synthetic-1000", "synthetic-10000", "credentialed-10000"];

type Bindings = {
  run_planner_benchmark: (subject: string, samples: number, minSampleMs: number) => string;
  find_slowest_bundled_query: () => string;
};

async function save(name: string, report: unknown): Promise<void> {
  await mkdir(benchOutput, { recursive: true });
  await writeFile(new URL(name, benchOutput), `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify(report, null, 2));
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

test("planner queries timed in wasm in headless Chromium @bench", async ({ browser }) => {
  await access(benchDist).catch(() => {
    throw new Error("No bench page: run `trunk build --release --offline --config Trunk.bench.toml` first.");
  });
  // The bench page is never shipped and uses Trunk's inline loader: no deploy headers.
  const server = await serve(benchDist, "/", { headers: false });
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => "wasmBindings" in window, undefined, { timeout: 30_000 });
    const subjects = [];
    for (const subject of SUBJECTS) {
      const json = await page.evaluate(
        ([key, count, minimum]) =>
          (window as unknown as { wasmBindings: Bindings }).wasmBindings.run_planner_benchmark(key, count, minimum),
        [subject, samples, minSampleMs] as const,
      );
      const figures = JSON.parse(json);
      expect(figures.error, `${subject}: ${figures.error}`).toBeUndefined();
      subjects.push(figures);
    }
    const slowest = JSON.parse(
      await page.evaluate(() => (window as unknown as { wasmBindings: Bindings }).wasmBindings.find_slowest_bundled_query()),
    );
    expect(slowest.error, slowest.error).toBeUndefined();
    await save("planner-wasm.json", {
      browser: `Chromium ${browser.version()} headless, no CPU throttling`,
      samples,
      minSampleMs,
      units: "milliseconds per answer",
      subjects,
      slowestBundled: slowest,
    });
  } finally {
    await server.close();
  }
});

/** Types into a role picker and chooses the matching role from its list. */
async function chooseRole(page: Page, label: string, typed: string, option: RegExp): Promise<void> {
  await page.getByRole("combobox", { name: label }).fill(typed);
  await page.getByRole("option", { name: option }).first().click();
}

interface FindRoutesRun {
  clickToResultsMs: number;
  clickToNextFrameMs: number;
  longestLongTaskMs: number;
  longTasks: number;
  findRoutesMeasureMs: number | null;
}

test("finding routes in the app keeps the page answering @bench", async ({ browser, baseURL }) => {
  const runs: FindRoutesRun[] = [];
  let controlLongTaskMs = 0;
  for (let run = 0; run < appRuns; run += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Long tasks are recorded from the start of the page, so none is missed.
    await page.addInitScript(() => {
      const tasks: { start: number; duration: number }[] = [];
      (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: "longtask", buffered: true });
    });
    await page.goto(baseURL ?? "/");
    await waitForApp(page);
    await chooseRole(page, "Current role", "nurse", /^Registered nurse/);
    await chooseRole(page, "Target role", "CNIO", /^Chief nursing information officer/);
    // Times from the click event to the moment the routes list is in the page (a
    // mutation observer fires right after the render that adds it) and to the frame after.
    const timing = page.evaluate(
      () =>
        new Promise<{ clicked: number; rendered: number; painted: number }>((resolve) => {
          let clicked = 0;
          document.addEventListener("click", (event) => (clicked = event.timeStamp), { capture: true, once: true });
          const observer = new MutationObserver(() => {
            if (!clicked || !document.querySelector('ol[aria-label="Routes"] li')) return;
            observer.disconnect();
            const rendered = performance.now();
            requestAnimationFrame(() => setTimeout(() => resolve({ clicked, rendered, painted: performance.now() })));
          });
          observer.observe(document.body, { childList: true, subtree: true });
        }),
    );
    await page.getByRole("button", { name: "Find routes" }).click();
    const { clicked, rendered, painted } = await timing;
    await expect(page).toHaveTitle(/Your routes/);
    // Long tasks are reported after they end; give the observer a moment.
    await page.waitForTimeout(150);
    const during = await page.evaluate(
      ([from, to]) => {
        const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks;
        const overlapping = tasks.filter((t) => t.start + t.duration >= from && t.start <= to);
        const measure = performance.getEntriesByName("foothold:find-routes", "measure").at(-1);
        return {
          longest: Math.max(0, ...overlapping.map((t) => t.duration)),
          count: overlapping.length,
          measure: measure?.duration ?? null,
        };
      },
      [clicked, painted] as const,
    );
    if (run === 0) {
      // A control: block the page for 80 ms on purpose, to show the observer sees long tasks.
      // The block runs as a task of the page's own event loop (a timer), as the app's work does.
      await page.evaluate(
        () =>
          new Promise<void>((resolve) =>
            setTimeout(() => {
              const end = performance.now() + 80;
              while (performance.now() < end);
              resolve();
            }, 0),
          ),
      );
      await page.waitForTimeout(150);
      controlLongTaskMs = await page.evaluate(() =>
        Math.max(0, ...(window as unknown as { __longTasks: { duration: number }[] }).__longTasks.map((t) => t.duration)),
      );
    }
    runs.push({
      clickToResultsMs: rendered - clicked,
      clickToNextFrameMs: painted - clicked,
      longestLongTaskMs: during.longest,
      longTasks: during.count,
      findRoutesMeasureMs: during.measure,
    });
    await context.close();
  }
  expect(runs).toHaveLength(appRuns);
  expect(controlLongTaskMs, "the long-task observer saw the 80 ms control task").toBeGreaterThanOrEqual(80);
  const pick = (key: keyof FindRoutesRun) =>
    runs.map((r) => r[key]).filter((v): v is number => typeof v === "number");
  await save("find-routes.json", {
    browser: `Chromium ${browser.version()} headless, no CPU throttling`,
    query: "registered-nurse to chief-nursing-information-officer, the app's default options",
    runs: appRuns,
    medianClickToResultsMs: median(pick("clickToResultsMs")),
    medianClickToNextFrameMs: median(pick("clickToNextFrameMs")),
    maxClickToNextFrameMs: Math.max(...pick("clickToNextFrameMs")),
    medianFindRoutesMeasureMs: median(pick("findRoutesMeasureMs")),
    longestLongTaskMs: Math.max(...pick("longestLongTaskMs")),
    longTasks: pick("longTasks").reduce((a, b) => a + b, 0),
    controlLongTaskMs,
    samples: runs,
  });
});
