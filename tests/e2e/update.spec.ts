// Updates under an open tab: when another tab accepts a new version, a tab still running
// the earlier one keeps working (its other screens' code stays cached until no tab runs
// it), and its update banner's Reload loads the new version.
import { test, expect, type Page } from "@playwright/test";
import { readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { copyOfDist, serve, waitForApp, waitForServiceWorkerControl } from "./support/app";

/** A built file with a content hash in its name: stem, hash, ending. */
const HASHED = /^([\w.-]+?)-([0-9a-f]{8,16})((?:_bg)?\.(?:js|wasm|css))$/;
const TEXT = /\.(?:html|js|css|json|webmanifest)$/;

/**
 * Turns the build in `folder` into a "next version", as a rebuild with a change would:
 * every hashed file gets a new name (and the old names are gone from the host, answering
 * 404), every reference to them follows, the worker's version changes, and index.html
 * carries a marker the test can look for.
 */
async function publishNextVersion(folder: string): Promise<void> {
  const files = (await readdir(folder)).filter((file) => !file.endsWith(".br") && !file.endsWith(".gz"));
  const renames = new Map<string, string>();
  for (const file of files) {
    const match = file.match(HASHED);
    if (!match) continue;
    const shifted = [...match[2]].map((digit) => ((parseInt(digit, 16) + 1) % 16).toString(16)).join("");
    renames.set(file, `${match[1]}-${shifted}${match[3]}`);
  }
  expect(renames.size).toBeGreaterThan(4);
  for (const file of files) {
    const target = renames.get(file) ?? file;
    if (TEXT.test(file) || file === "sw.js") {
      let text = await readFile(path.join(folder, file), "utf8");
      for (const [from, to] of renames) text = text.replaceAll(from, to);
      if (file === "sw.js") text = text.replace(/const VERSION = "([^"]+)";/, 'const VERSION = "$1-next";');
      if (file === "index.html") text = text.replace("</head>", '<meta name="foothold-e2e-version" content="next"></head>');
      await rm(path.join(folder, file));
      await writeFile(path.join(folder, target), text);
      // The precompressed copies hold the old text; the host serves the new text as is.
      await rm(path.join(folder, `${file}.br`), { force: true });
      await rm(path.join(folder, `${file}.gz`), { force: true });
    } else if (target !== file) {
      for (const suffix of ["", ".br", ".gz"]) {
        await rename(path.join(folder, file + suffix), path.join(folder, target + suffix)).catch(() => {});
      }
    }
  }
}

const runsNextVersion = (page: Page) =>
  page.evaluate(() => document.querySelector('meta[name="foothold-e2e-version"]') !== null);

const SCREENS = [
  { link: "Roles", heading: "Explore roles" },
  { link: "Role map", heading: "Role map" },
  { link: "What I have", heading: "What I already have" },
  { link: "Plans", heading: "Your plans" },
  { link: "Your data", heading: "Your data" },
  { link: "About the data", heading: "About the data" },
  { link: "Plan a route", heading: "Plan your route" },
];

test("a tab left open across an update still opens every screen, and its Reload loads the new version", async ({ browser }) => {
  const folder = await copyOfDist();
  const server = await serve(folder);
  const context = await browser.newContext();
  try {
    // The stale tab: the earlier version, fully cached, no other screen opened yet (so
    // the other screens' code is not yet in the page).
    const stale = await context.newPage();
    const notFound: string[] = [];
    stale.on("response", (response) => {
      if (response.status() === 404) notFound.push(response.url());
    });
    await stale.goto(server.url);
    await waitForApp(stale);
    await waitForServiceWorkerControl(stale);
    const earlierCaches = await stale.evaluate(() => caches.keys());
    expect(earlierCaches).toHaveLength(1);

    await publishNextVersion(folder);

    // Another tab finds the new version and accepts it.
    const other = await context.newPage();
    await other.goto(server.url);
    await waitForApp(other);
    await other.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const otherBanner = other.getByRole("status").filter({ hasText: "A new version is available" });
    await expect(otherBanner).toBeVisible();
    await otherBanner.getByRole("button", { name: "Reload" }).click();
    await expect.poll(() => runsNextVersion(other).catch(() => false)).toBe(true);
    await waitForApp(other);

    // The stale tab is now controlled by the new worker but still runs the earlier
    // version: it offers the reload, and every other screen still opens.
    expect(await runsNextVersion(stale)).toBe(false);
    const banner = stale.getByRole("status").filter({ hasText: "A new version is available" });
    await expect(banner).toBeVisible();
    const nav = stale.getByRole("navigation", { name: "Main" });
    for (const screen of SCREENS) {
      await nav.getByRole("link", { name: screen.link }).click();
      await expect(stale.getByRole("heading", { level: 1, name: screen.heading })).toBeVisible();
      await expect(stale.getByText("This part of Foothold did not load")).toHaveCount(0);
    }
    expect(notFound).toEqual([]);
    // The earlier version's files are kept while this tab runs them.
    expect(await stale.evaluate(() => caches.keys())).toEqual(expect.arrayContaining(earlierCaches));

    // Reload on the banner loads the new version, although no worker is waiting any more.
    expect(await stale.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting))).toBe(false);
    await banner.getByRole("button", { name: "Reload" }).click();
    await expect.poll(() => runsNextVersion(stale).catch(() => false)).toBe(true);
    await waitForApp(stale);
    await expect(stale.getByText("A new version is available")).toHaveCount(0);

    // No tab runs the earlier version now, so its files go.
    await expect
      .poll(() => stale.evaluate(() => caches.keys()), { timeout: 15_000 })
      .toEqual([expect.stringMatching(/-next$/)]);
  } finally {
    await context.close();
    await server.close();
    await rm(folder, { recursive: true, force: true });
  }
});
