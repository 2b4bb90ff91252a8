// Startup benchmarks, not pass/fail tests: they load the release build several times and
// record medians into target/bench/, which scripts/bench.sh turns into BENCHMARKS.md. Run
// them with `bash scripts/bench.sh`.
// - startup.json: the app's performance marks, unthrottled, cold and warm.
// - first-visit.json: the bytes a first visit transfers, for the page and for its service
//   worker, counted where they leave the server.
// - throttled.json: time until the start screen answers typing on a throttled phone
//   (Lighthouse's slow 4G and 4x CPU slowdown, through the DevTools protocol), cold and warm.
import { test, expect, type Page } from "@playwright/test";
import { mkdir, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { distDir, waitForApp, waitForServiceWorkerControl, openWithAppOnDevice } from "./support/app";
import { startServer } from "../../scripts/serve-dist.mjs";

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

async function save(name: string, report: unknown): Promise<void> {
  await mkdir(new URL("../../target/bench/", import.meta.url), { recursive: true });
  await writeFile(fileURLToPath(new URL(`../../target/bench/${name}`, import.meta.url)), `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify(report, null, 2));
}

interface Sent {
  path: string | null;
  status: number;
  bytes: number;
  at: number;
}

test("bytes a first visit transfers, page and service worker @bench", async ({ browser }) => {
  const sent: Sent[] = [];
  const server = await startServer({
    root: distDir,
    port: 0,
    onResponse: (record: Omit<Sent, "at">) => sent.push({ ...record, at: sent.length }),
  });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await openWithAppOnDevice(page, server.url);
    await context.close();
  } finally {
    await server.close();
  }
  // The page registers its service worker only once the app has started and the page has
  // loaded, so everything sent before sw.js is the page's, and sw.js and what follows is
  // the worker's install (its precache).
  const workerFrom = sent.findIndex((record) => record.path?.endsWith("/sw.js"));
  expect(workerFrom).toBeGreaterThan(0);
  const sum = (records: Sent[]) => records.reduce((total, record) => total + record.bytes, 0);
  const describe = (records: Sent[]) => records.map(({ path, status, bytes }) => ({ path, status, bytes }));
  const page = sent.slice(0, workerFrom);
  const worker = sent.slice(workerFrom);
  await save("first-visit.json", {
    units: "bytes written by the server, status lines and headers included",
    browser: `Chromium ${browser.version()} headless`,
    pageBytes: sum(page),
    workerBytes: sum(worker),
    totalBytes: sum(sent),
    page: describe(page),
    worker: describe(worker),
  });
});

// Lighthouse's "slow 4G" as DevTools throttling applies it (lighthouse/core/config/
// constants.js, mobileSlow4G): 150 ms round trips, times 3.75 for request latency since
// this throttling does not model connections, 1.6 Mbit/s down and 750 kbit/s up, times 0.9.
const SLOW_4G = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8,
  uploadThroughput: (750 * 1024 * 0.9) / 8,
};
const CPU_SLOWDOWN = 4;

async function throttle(page: Page): Promise<void> {
  const session = await page.context().newCDPSession(page);
  await session.send("Network.enable");
  await session.send("Network.emulateNetworkConditions", SLOW_4G);
  await session.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
}

interface Typing {
  /** The pre-rendered frame's "Current role" field, with its list of role titles, is drawn (first paint). */
  frameField: number | null;
  /** The key went down in the frame's field, whose browser list then offers matching titles. */
  frameAnswered: number | null;
  /** The app's own "Current role" field is in the page. */
  field: number | null;
  keyDown: number | null;
  /** The app's first suggestion is in the page. */
  answered: number | null;
  /** Long tasks (ms in all) between the frame's first paint and the key, when typed there. */
  busyBeforeKey?: number | null;
}

/**
 * Loads the app and types one letter into "Current role" as soon as a field of that name
 * is visible: on a first visit the pre-rendered frame's, whose list of role titles the
 * browser filters as the key goes down; otherwise the app's. Returns, in ms since
 * navigation start, when each field appeared, when the key went down and where, and when
 * the app's first suggestion answered it (the app carries over what the frame took).
 */
async function timeToAnswerTyping(page: Page, url: string, reload: boolean): Promise<Typing> {
  if (reload) await page.reload({ waitUntil: "commit" });
  else await page.goto(url, { waitUntil: "commit" });
  // The first "Current role" field that is drawn (after the first paint): the frame's on
  // a first visit, else the app's. The page checks for it itself every 10 ms and focuses it, as a tap would, so
  // the harness adds one round trip rather than the several that finding the field by
  // its role and clicking it take (each slow under the 4x CPU slowdown).
  const found = await page.waitForFunction(
    () => {
      // Nobody can tap a field before it is on the screen.
      if (performance.getEntriesByName("first-paint").length === 0) return null;
      const candidates = [
        document.getElementById("shell-current-role"),
        document.querySelector("#app:not([hidden]) #current-role"),
      ];
      for (const field of candidates) {
        if (field instanceof HTMLInputElement && field.checkVisibility()) {
          field.focus();
          return { id: field.id, typed: field.value !== "" };
        }
      }
      return null;
    },
    null,
    { polling: 10, timeout: 60_000 },
  );
  const { id, typed } = (await found.jsonValue()) as { id: string; typed: boolean };
  // A warm visit may show what was typed before.
  if (reload && typed) await page.locator(`#${id}`).fill("");
  await page.keyboard.press("n");
  await page.getByRole("option").first().waitFor({ timeout: 60_000 });
  return page.evaluate(() => {
    const scope = window as unknown as { __typing: Typing; __longTasksBeforeKey: () => number | null };
    return { ...scope.__typing, busyBeforeKey: scope.__longTasksBeforeKey() };
  });
}

test("start screen answers typing on a throttled phone, cold and warm @bench", async ({ browser, baseURL }) => {
  const runs = Number(process.env.FOOTHOLD_BENCH_THROTTLED_RUNS || 5);
  const cold: Typing[] = [];
  const warm: Typing[] = [];
  for (let run = 0; run < runs; run += 1) {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
    await context.addInitScript(() => {
      const marks = {
        frameField: null as number | null,
        frameAnswered: null as number | null,
        field: null as number | null,
        keyDown: null as number | null,
        answered: null as number | null,
      };
      (window as unknown as { __typing: typeof marks }).__typing = marks;
      document.addEventListener("keydown", (event) => {
        if (event.key !== "n") return;
        marks.keyDown ??= performance.now();
        const target = event.target instanceof HTMLInputElement ? event.target : null;
        // The frame's field answers from its list of role titles, which must be there.
        if (target?.id === "shell-current-role" && target.list && target.list.options.length > 0) {
          marks.frameAnswered ??= marks.keyDown;
        }
      }, true);
      // Drawn: the field is in the page's own HTML, so it is drawn in the first paint when
      // it shows at all (a repeat visit's frame hides it). Read once the page is parsed, so
      // the measuring adds no work while the page loads.
      // Long tasks, to tell whether the page could have taken a key sooner than the
      // harness typed it: any over 50 ms between the frame's first paint and the key.
      const longTasks: [number, number][] = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longTasks.push([entry.startTime, entry.duration]);
      }).observe({ type: "longtask", buffered: true });
      (window as unknown as { __longTasksBeforeKey: () => number | null }).__longTasksBeforeKey = () => {
        if (marks.frameField === null || marks.frameAnswered === null) return null;
        return longTasks
          .filter(([start, duration]) => start + duration > (marks.frameField ?? 0) && start < (marks.frameAnswered ?? 0))
          .reduce((sum, [, duration]) => sum + duration, 0);
      };
      document.addEventListener("DOMContentLoaded", () => {
        const frame = document.getElementById("shell-current-role");
        if (!frame || !frame.checkVisibility()) return;
        new PerformanceObserver((list, observer) => {
          const paint = list.getEntriesByName("first-paint")[0];
          if (paint) {
            marks.frameField = paint.startTime;
            observer.disconnect();
          }
        }).observe({ type: "paint", buffered: true });
      });
      new MutationObserver(() => {
        if (marks.field === null && document.querySelector("#app:not([hidden]) [role=combobox]")) marks.field = performance.now();
        if (marks.keyDown !== null && marks.answered === null && document.querySelector("#app [role=option]")) {
          marks.answered = performance.now();
        }
      }).observe(document, { childList: true, subtree: true, attributes: true });
    });
    const page = await context.newPage();
    await throttle(page);
    cold.push(await timeToAnswerTyping(page, baseURL ?? "/", false));
    await waitForServiceWorkerControl(page);
    warm.push(await timeToAnswerTyping(page, baseURL ?? "/", true));
    await context.close();
  }
  const summary = (samples: Typing[]) =>
    Object.fromEntries(
      (["frameField", "frameAnswered", "busyBeforeKey", "field", "keyDown", "answered"] as const).map((key) => {
        const value = median(samples.map((s) => s[key]).filter((v): v is number => typeof v === "number"));
        return [key, value === null ? null : Math.round(value)];
      }),
    );
  expect(cold).toHaveLength(runs);
  await save("throttled.json", {
    runs,
    units: "milliseconds since navigation start, medians",
    browser: `Chromium ${browser.version()} headless`,
    network: { latencyMs: SLOW_4G.latency, downloadKbps: 1.6 * 1024 * 0.9, uploadKbps: 750 * 0.9 },
    cpuSlowdown: CPU_SLOWDOWN,
    cold: summary(cold),
    warm: summary(warm),
    samples: { cold, warm },
  });
});
