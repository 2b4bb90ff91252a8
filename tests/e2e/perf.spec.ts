// Startup benchmark, not a pass/fail test: loads the release build several times and
// records the medians of the app's performance marks into target/bench/startup.json,
// which scripts/bench.sh turns into BENCHMARKS.md. Run it with `bash scripts/bench.sh`.
import { test, expect, type Page } from "@playwright/test";
import { mkdir, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { waitForApp, waitForServiceWorkerControl } from "./support/app";

const runs = Number(process.env.FOOTHOLD_BENCH_RUNS || 9);
const output = fileURLToPath(new URL("../../target/bench/startup.json", import.meta.url));
const MARKS = [
  "foothold:loader-start",
  "foothold:wasm-instantiated",
  "foothold:data-decoded",
  "foothold:first-render",
  "foothold:app-started",
];

type Sample = Record<string, number | null>;

async function sample(page: Page): Promise<Sample> {
  await waitForApp(page);
  // Let marks set in effects after the first paint land.
  await page.waitForTimeout(200);
  return page.evaluate(async (names) => {
    const at = (name: string) => performance.getEntriesByName(name, "mark")[0]?.startTime ?? null;
    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    const paint = performance.getEntriesByName("first-contentful-paint")[0];
    // The browser's own largest contentful paint: the last, largest candidate so far.
    const largestPaint = await new Promise<number | null>((resolve) => {
      const observer = new PerformanceObserver((list) => {
        const entries = list.getEntries();
        observer.disconnect();
        resolve(entries.length > 0 ? entries[entries.length - 1].startTime : null);
      });
      observer.observe({ type: "largest-contentful-paint", buffered: true });
      setTimeout(() => resolve(null), 1000);
    });
    const result: Record<string, number | null> = {
      "response-end": navigation?.responseEnd ?? null,
      "dom-content-loaded": navigation?.domContentLoadedEventEnd ?? null,
      "first-contentful-paint": paint?.startTime ?? null,
      "largest-contentful-paint": largestPaint,
    };
    for (const name of names) result[name] = at(name);
    // Durations the app measures itself, such as route finding, as "measure:<name>".
    for (const entry of performance.getEntriesByType("measure")) {
      if (entry.name.startsWith("foothold:")) result[`measure:${entry.name}`] = entry.duration;
    }
    return result;
  }, MARKS);
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function medians(samples: Sample[]): Record<string, number | null> {
  const keys = [...new Set(samples.flatMap((s) => Object.keys(s)))].filter((key) => !key.startsWith("measure:"));
  return Object.fromEntries(
    keys.map((key) => {
      const values = samples.map((s) => s[key]).filter((v): v is number => typeof v === "number");
      const value = median(values);
      return [key, value === null ? null : Math.round(value * 10) / 10];
    }),
  );
}

function measureMedians(samples: Sample[]): Record<string, number | null> {
  const keys = [...new Set(samples.flatMap((s) => Object.keys(s)))].filter((key) => key.startsWith("measure:"));
  return Object.fromEntries(
    keys.map((key) => {
      const values = samples.map((s) => s[key]).filter((v): v is number => typeof v === "number");
      const value = median(values);
      return [key.slice("measure:".length), value === null ? null : Math.round(value * 100) / 100];
    }),
  );
}

test("startup timings over several cold and warm loads @bench", async ({ browser, baseURL }) => {
  const cold: Sample[] = [];
  const warm: Sample[] = [];
  for (let run = 0; run < runs; run += 1) {
    // Cold: a new profile, nothing cached, no service worker yet.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(baseURL ?? "/");
    cold.push(await sample(page));
    // Warm: the same profile again, served by the service worker from its cache.
    await waitForServiceWorkerControl(page);
    await page.reload();
    warm.push(await sample(page));
    await context.close();
  }
  expect(cold).toHaveLength(runs);
  const report = {
    runs,
    units: "milliseconds since navigation start",
    browser: `Chromium ${browser.version()} headless, no CPU or network throttling`,
    cold: medians(cold),
    warm: medians(warm),
    measures: measureMedians([...cold, ...warm]),
  };
  await mkdir(new URL("../../target/bench/", import.meta.url), { recursive: true });
  await writeFile(output, `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify(report, null, 2));
});
