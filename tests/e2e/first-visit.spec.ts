// A first visit downloads each file once: the service worker's precache takes what the
// page has just downloaded from the browser's HTTP cache instead of fetching it again.
// Bytes are counted where they leave the server, headers included, for the page and
// its service worker together.
import { test, expect } from "@playwright/test";
import { distDir, openWithAppOnDevice } from "./support/app";
import { startServer } from "../../scripts/serve-dist.mjs";

/** The first visit's budget for everything, page and service worker together, in bytes. */
// Raised from 420 kB: the role pack grew with what people rely on (pack 2026.12.1: 123
// roles and 351 moves, every source a record with title, publisher and date, and first
// actions on every move; 634 kB of JSON, about 90 kB brotli, from 47 kB), while the first
// load came back under 200 kB. 484.3 kB measured once the app stopped shipping the pack
// checker (the test suite checks the bundled pack) and install icons stopped being
// precached (518.6 kB before); 492.1 kB with pack 2026.12.3, whose moves now cite and
// explain the pages their grades rest on. The 420 kB target is not met; trim the
// code, not the facts people rely on, to bring it back.
const FIRST_VISIT_BYTES = 500_000;

interface Sent {
  path: string | null;
  status: number;
  bytes: number;
}

test(`a first visit transfers each file once, page and service worker together within ${FIRST_VISIT_BYTES / 1000} kB`, async ({ browser }) => {
  const sent: Sent[] = [];
  const server = await startServer({ root: distDir, port: 0, onResponse: (record: Sent) => sent.push(record) });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await openWithAppOnDevice(page, server.url);
    const cached = await page.evaluate(async () => {
      const [name] = await caches.keys();
      return (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname);
    });
    expect(cached.some((file) => /\/split_screens-[0-9a-f]{16}\.wasm$/.test(file))).toBe(true);

    const bodies = new Map<string, number>();
    for (const record of sent) {
      if (record.status === 200 && record.path) bodies.set(record.path, (bodies.get(record.path) ?? 0) + 1);
    }
    const twice = [...bodies].filter(([, count]) => count > 1).map(([file]) => file);
    expect(twice, "files whose bodies crossed the network more than once").toEqual([]);

    // Install icons are not part of a first visit: only installing the app asks for them.
    expect(sent.filter((record) => /^\/icons\/.+\.png$/.test(record.path ?? "")).map((record) => record.path)).toEqual([]);

    const total = sent.reduce((sum, record) => sum + record.bytes, 0);
    const lines = sent.map((record) => `${record.status} ${record.path} ${record.bytes} B`);
    test.info().annotations.push({ type: "first visit", description: `${(total / 1000).toFixed(1)} kB in ${sent.length} responses` });
    expect(total, `first visit sent ${total} bytes:\n${lines.join("\n")}`).toBeLessThanOrEqual(FIRST_VISIT_BYTES);
  } finally {
    await context.close();
    await server.close();
  }
});

test("an install icon is kept the first time it is asked for, and then works offline", async ({ browser }) => {
  const server = await startServer({ root: distDir, port: 0 });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await openWithAppOnDevice(page, server.url);
    const fetchIcon = () =>
      page.evaluate(async () => {
        const response = await fetch("icons/icon-192.png");
        return { ok: response.ok, type: response.headers.get("content-type"), size: (await response.arrayBuffer()).byteLength };
      });
    const online = await fetchIcon();
    expect(online.ok).toBe(true);
    expect(online.type).toBe("image/png");
    await context.setOffline(true);
    expect(await fetchIcon()).toEqual(online);
  } finally {
    await context.close();
    await server.close();
  }
});
