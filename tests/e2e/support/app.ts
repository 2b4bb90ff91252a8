// Shared helpers for the end-to-end specs: waiting for the app like a person would (by
// roles and names), collecting what must never happen (console errors, CSP violations,
// requests leaving this machine), and serving copies of the build.
import { expect, type BrowserContext, type Page } from "@playwright/test";
import { cp, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer as startStaticServer } from "../../../scripts/serve-dist.mjs";

/** The built app that `trunk build --release --offline` wrote. */
export const distDir = fileURLToPath(new URL("../../../dist", import.meta.url));

/** A running static server; `url` ends with "/". */
export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

/**
 * Serves `root` on a free port of 127.0.0.1, under `prefix` if given. `headers: false`
 * leaves out the deploy headers (the bench page runs Trunk's inline loader, which the
 * app's Content Security Policy rightly blocks).
 */
export async function serve(
  root: string = distDir,
  prefix = "/",
  { headers = true }: { headers?: boolean } = {},
): Promise<StaticServer> {
  return startStaticServer({ root, port: 0, prefix, headers });
}

/** Copies the build to a fresh temporary folder, so a test can change files in it. */
export async function copyOfDist(): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), "foothold-dist-"));
  await cp(distDir, folder, { recursive: true });
  return folder;
}

/** Waits until the app has taken the place of the pre-rendered frame with its own page. */
export async function waitForApp(page: Page): Promise<void> {
  await expect(page.locator("[data-foothold-shell]")).toHaveCount(0);
  await expect(page.locator("#app")).toBeVisible();
  await expect(page.getByRole("main")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await expect(page.getByText("Loading Foothold…")).toHaveCount(0);
  await expect(page.locator("[data-foothold-failure]")).toHaveCount(0);
}

/** Waits until a service worker controls the page, as after a first visit. */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/**
 * Opens the app at `url` and waits until it has started and its service worker controls
 * the page, which is once the precache has put the whole app on the device.
 */
export async function openWithAppOnDevice(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitForApp(page);
  await waitForServiceWorkerControl(page);
}

/** Everything that went wrong in a page, for asserting that nothing did. */
export interface Problems {
  consoleErrors: string[];
  cspViolations: string[];
  pageErrors: string[];
}

/** Starts recording console errors, uncaught exceptions and CSP violations in `page`. */
export async function recordProblems(page: Page): Promise<Problems> {
  const problems: Problems = { consoleErrors: [], cspViolations: [], pageErrors: [] };
  page.on("console", (message) => {
    if (message.type() === "error") problems.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => problems.pageErrors.push(String(error)));
  await page.exposeFunction("__footholdCspViolation", (text: string) => problems.cspViolations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __footholdCspViolation: (t: string) => void }).__footholdCspViolation;
      report(`${event.violatedDirective} blocked ${event.blockedURI || "inline code"}`);
    });
  });
  return problems;
}

/** Records the URL of every request made in `context`, including the service worker's. */
export function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on("request", (request) => urls.push(request.url()));
  return urls;
}

/**
 * The "Current role" control, once the journey exists; null while the app is a shell.
 * Specs that walk the journey append their steps where this returns a locator.
 */
export async function currentRoleControl(page: Page) {
  const control = page.getByLabel("Current role");
  return (await control.count()) > 0 ? control.first() : null;
}
