// The platform promises: the app starts cleanly under its Content Security Policy, never
// talks to another machine, works from any folder of a static host, fits its download
// budget, and says so in plain English when it cannot start.
import { createHash } from "node:crypto";
import { test, expect } from "@playwright/test";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { distDir, recordProblems, recordRequests, serve, waitForApp, openWithAppOnDevice } from "./support/app";
import { measureBundle, BUDGET_KB, GOAL_KB } from "../../scripts/bundle-sizes.mjs";

test("the app starts with no console errors and no CSP violations", async ({ page }) => {
  const problems = await recordProblems(page);
  await openWithAppOnDevice(page, "./");
  expect(problems.cspViolations).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
});

test("the page carries a strict Content Security Policy that allows only its own inline boot script and stylesheet, by hash", async ({ page }) => {
  await page.goto("./");
  const policy = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content")) ?? "";
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).not.toContain("unsafe-inline");
  const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("base64");
  const sources = (directive: string) => policy.split(";").map((part) => part.trim()).find((part) => part.startsWith(`${directive} `))?.split(/\s+/).slice(1) ?? [];
  // One inline script (the boot script) and one inline stylesheet, each allowed by its
  // own hash and by nothing broader; no other hash is allowed.
  const inlineScripts = await page.locator("script:not([src])").evaluateAll((scripts) => scripts.map((s) => s.textContent ?? ""));
  const inlineStyles = await page.locator("style").evaluateAll((styles) => styles.map((s) => s.textContent ?? ""));
  expect(inlineScripts).toHaveLength(1);
  expect(inlineStyles).toHaveLength(1);
  expect(sources("script-src")).toEqual(["'self'", "'wasm-unsafe-eval'", `'sha256-${sha256(inlineScripts[0])}'`]);
  expect(sources("style-src")).toEqual(["'self'", `'sha256-${sha256(inlineStyles[0])}'`]);
});

test("the app makes no request to any other machine", async ({ page, context }) => {
  const urls = recordRequests(context);
  await openWithAppOnDevice(page, "./");
  await page.reload();
  await waitForApp(page);
  expect(urls.length).toBeGreaterThan(3);
  const elsewhere = urls.filter((url) => {
    const parsed = new URL(url);
    if (parsed.protocol === "data:" || parsed.protocol === "blob:") return false;
    return parsed.hostname !== "127.0.0.1";
  });
  expect(elsewhere).toEqual([]);
});

test("the app works when served from a sub-folder", async ({ browser }) => {
  const server = await serve(distDir, "/some/folder/");
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const failed: string[] = [];
    page.on("response", (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    const problems = await recordProblems(page);
    await openWithAppOnDevice(page, server.url);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(server.url);
    expect(failed).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  } finally {
    await context.close();
    await server.close();
  }
});

test(`the first load stays within the ${BUDGET_KB} kB budget (goal ${GOAL_KB} kB), brotli-compressed`, async ({ page }) => {
  const report = await measureBundle(distDir);
  expect(report.missingFirstLoadFiles).toEqual([]);

  // The static reckoning must cover what a browser really fetches on a first visit.
  const fetched = new Set<string>();
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (url.hostname === "127.0.0.1" && response.request().resourceType() !== "manifest") {
      fetched.add(url.pathname.replace(/^\//, "") || "index.html");
    }
  });
  await page.goto("./");
  await waitForApp(page);
  const counted = new Set(report.files.filter((f) => f.firstLoad).map((f) => f.file));
  // The service worker and its background precache are not on the path to first render.
  const uncounted = [...fetched].filter((file) => !counted.has(file) && file !== "sw.js" && !file.startsWith("icons/"));
  expect(uncounted).toEqual([]);

  const kb = (bytes: number) => (bytes / 1000).toFixed(1);
  const lines = report.files
    .filter((f) => f.firstLoad)
    .map((f) => `${f.file}: ${kb(f.brotli)} kB brotli (${kb(f.raw)} kB raw)`);
  test.info().annotations.push({ type: "first load", description: `${kb(report.firstLoad.brotli)} kB: ${lines.join("; ")}` });
  test.info().annotations.push({
    type: "goal",
    description: report.firstLoad.brotli <= report.goalBytes ? "within the goal" : "within the budget, over the goal",
  });
  expect(report.firstLoad.brotli, `first load is ${kb(report.firstLoad.brotli)} kB brotli:\n${lines.join("\n")}`).toBeLessThanOrEqual(
    report.budgetBytes,
  );
});

test("a first visit fetches only the start screen's code; other screens' code comes when opened", async ({ page }) => {
  const wasmFiles: string[] = [];
  page.on("request", (request) => {
    const file = new URL(request.url()).pathname.split("/").pop() ?? "";
    if (file.endsWith(".wasm")) wasmFiles.push(file);
  });
  await page.goto("./");
  await waitForApp(page);
  expect(wasmFiles.filter((file) => /^(split|chunk)_/.test(file))).toEqual([]);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Roles" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Explore roles" })).toBeVisible();
  expect(wasmFiles.some((file) => /^split_screens-[0-9a-f]{16}\.wasm$/.test(file))).toBe(true);
});

test("the web app manifest installs with the right name, colours and icons", async ({ page, request }) => {
  await page.goto("./");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBeTruthy();
  const manifestUrl = new URL(href ?? "", page.url());
  const response = await request.get(manifestUrl.href);
  expect(response.ok()).toBe(true);
  expect(response.headers()["content-type"]).toContain("application/manifest+json");
  const manifest = await response.json();
  expect(manifest).toMatchObject({
    name: "Foothold",
    start_url: "./",
    scope: "./",
    display: "standalone",
    theme_color: "#005eb8",
  });
  const purposes = manifest.icons.map((icon: { purpose: string; sizes: string }) => `${icon.purpose} ${icon.sizes}`);
  expect(purposes).toEqual(expect.arrayContaining(["maskable 192x192", "maskable 512x512", "any 192x192", "any 512x512"]));
  for (const icon of manifest.icons as { src: string; type: string }[]) {
    const iconResponse = await request.get(new URL(icon.src, manifestUrl).href);
    expect(iconResponse.ok(), icon.src).toBe(true);
    expect(iconResponse.headers()["content-type"]).toBe(icon.type);
  }
});

test.describe("when the app cannot load", () => {
  test.use({ serviceWorkers: "block" });

  test("a failed wasm download shows a plain message and a Reload button, not a blank page", async ({ page }) => {
    await page.route(/_bg\.wasm$/, (route) => route.fulfill({ status: 404, body: "Not found" }));
    await page.goto("./");
    const alert = page.getByRole("alert");
    await expect(alert).toContainText("Sorry, Foothold could not start.");
    await expect(alert).toContainText("Your saved plans are safe on this device.");
    await expect(page.getByText("Loading Foothold…")).toBeHidden();

    await page.unroute(/_bg\.wasm$/);
    await alert.getByRole("button", { name: "Reload" }).click();
    await waitForApp(page);
    await expect(page.getByRole("alert")).toHaveCount(0);
  });
});

test.describe("when a screen's code cannot be fetched", () => {
  test.use({ serviceWorkers: "block" });

  test("the screen says so in plain English and loads on Try again", async ({ page }) => {
    const screensCode = /split_screens-[0-9a-f]+\.wasm$/;
    await page.route(screensCode, (route) => route.fulfill({ status: 404, body: "Not found" }));
    await page.goto("./#/map");
    const alert = page.getByRole("alert");
    await expect(alert).toContainText("This part of Foothold did not load");
    await expect(alert).toContainText("Your saved plans are safe.");
    await expect(page.getByRole("banner")).toBeVisible();

    await page.unroute(screensCode);
    await alert.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Role map" })).toBeVisible();
    await expect(page.getByRole("alert")).toHaveCount(0);
  });
});

test("the build's service worker precaches every built file under its hashed name", async () => {
  const worker = await readFile(path.join(distDir, "sw.js"), "utf8");
  const list = JSON.parse(worker.match(/const PRECACHE = (\[[\s\S]*?\]);/)?.[1] ?? "[]") as string[];
  const html = await readFile(path.join(distDir, "index.html"), "utf8");
  // Release builds minify index.html, which drops the quotes around plain attribute values.
  for (const linked of html.matchAll(/(?:href|src)=(?:"\.\/([^"]+)"|\.\/([^\s">]+))/g)) expect(list).toContain(linked[1] ?? linked[2]);
  expect(list).toContain("index.html");
  expect(list.some((file) => /^foothold-app-[0-9a-f]+_bg\.wasm$/.test(file))).toBe(true);
  // Every screen opens offline, so every split screen's code is precached too.
  const splitFiles = (await readdir(distDir)).filter((file) => /^(split|chunk)_.+-[0-9a-f]{16}\.wasm$/.test(file));
  expect(splitFiles.length).toBeGreaterThan(0);
  for (const file of splitFiles) expect(list).toContain(file);
  expect(list).not.toContain("sw.js");
});
