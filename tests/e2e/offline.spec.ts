// Offline use and updates: after one visit the app opens with no connection, and a new
// version waits politely until the person chooses to reload, keeping their saved plans.
import { test, expect } from "@playwright/test";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { copyOfDist, currentRoleControl, serve, waitForApp, openWithAppOnDevice } from "./support/app";

test("after one visit the app opens with no connection", async ({ page, context }) => {
  await openWithAppOnDevice(page, "./");

  await context.setOffline(true);
  try {
    await page.reload();
    await waitForApp(page);
    const heading = page.getByRole("heading", { level: 1 }).first();
    await expect(heading).toBeVisible();

    // The journey, once the app has it, must work offline too.
    const currentRole = await currentRoleControl(page);
    if (currentRole) await expect(currentRole).toBeVisible();
  } finally {
    await context.setOffline(false);
  }
});

test("a new version offers a reload and takes over only when asked, keeping saved plans", async ({ browser }) => {
  const folder = await copyOfDist();
  const server = await serve(folder);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await openWithAppOnDevice(page, server.url);
    await page.evaluate(() => localStorage.setItem("foothold-e2e-saved", "kept"));
    const oldCaches = await page.evaluate(() => caches.keys());

    // Publish a "newer build": the same files with a new worker version, as a rebuild
    // with any change produces.
    const workerPath = path.join(folder, "sw.js");
    const worker = await readFile(workerPath, "utf8");
    const newer = worker.replace(/const VERSION = "([^"]+)";/, 'const VERSION = "$1-next";');
    expect(newer).not.toBe(worker);
    await writeFile(workerPath, newer);
    await rm(`${workerPath}.br`, { force: true });
    await rm(`${workerPath}.gz`, { force: true });

    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const banner = page.getByRole("status").filter({ hasText: "A new version is available" });
    await expect(banner).toBeVisible();

    // Nothing changes under the person until they choose to reload: the new worker
    // waits, and the old one's cache stays in use.
    const waiting = await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting));
    expect(waiting).toBe(true);
    expect(await page.evaluate(() => caches.keys())).toEqual(expect.arrayContaining(oldCaches));
    await page.evaluate(() => Object.assign(window, { __footholdBeforeUpdate: true }));

    await banner.getByRole("button", { name: "Reload" }).click();
    await page.waitForFunction(() => !("__footholdBeforeUpdate" in window));
    await waitForApp(page);
    await expect(page.getByText("A new version is available")).toHaveCount(0);
    // The earlier version's cache goes once no tab runs that version.
    await expect
      .poll(() => page.evaluate(() => caches.keys()), { timeout: 15_000 })
      .toEqual([expect.stringMatching(/-next$/)]);
    expect(await page.evaluate(() => localStorage.getItem("foothold-e2e-saved"))).toBe("kept");
  } finally {
    await context.close();
    await server.close();
    await rm(folder, { recursive: true, force: true });
  }
});

test("once someone starts planning, the other screens' code is made ready from the device, not the network", async ({ page }) => {
  await openWithAppOnDevice(page, "./");
  await page.reload();
  await waitForApp(page);

  // Requests the page makes for the other screens' code, and whether the network answered.
  const screens: { fromServiceWorker: boolean }[] = [];
  page.on("response", (response) => {
    if (/\/split_screens-[0-9a-f]{16}\.wasm$/.test(new URL(response.url()).pathname)) {
      screens.push({ fromServiceWorker: response.fromServiceWorker() });
    }
  });
  // Nothing is fetched before anyone starts planning.
  await page.waitForTimeout(300);
  expect(screens).toEqual([]);

  await page.getByRole("combobox", { name: "Current role" }).focus();
  await expect.poll(() => screens.length).toBe(1);
  expect(screens[0].fromServiceWorker).toBe(true);

  // The routes screen then opens without fetching the code again.
  await page.getByRole("combobox", { name: "Current role" }).fill("nurse");
  await page.getByRole("option", { name: /^Registered nurse/ }).first().click();
  await page.getByRole("combobox", { name: "Target role" }).fill("CNIO");
  await page.getByRole("option", { name: /^Chief nursing information officer/ }).first().click();
  await page.getByRole("button", { name: "Find routes" }).click();
  await expect(page.getByRole("list", { name: "Routes" }).getByRole("listitem").first()).toBeVisible();
  expect(screens).toHaveLength(1);
});
