// What a host must send: the security headers in deploy/_headers (the build copies them
// into dist/, scripts/serve-dist.mjs sends them, deploy/nginx holds the same for nginx),
// and with them the app cannot be framed by another site.
import { test, expect, type Page } from "@playwright/test";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { distDir } from "./support/app";
import { headersFor, parseHeadersFile, startServer } from "../../scripts/serve-dist.mjs";

const repo = fileURLToPath(new URL("../../", import.meta.url));

/** The headers deploy/_headers gives every response. */
async function everyResponseHeaders(): Promise<Record<string, string>> {
  const rules = parseHeadersFile(await readFile(path.join(repo, "deploy/_headers"), "utf8"));
  return headersFor(rules, "index.html");
}

test("the host's header rules forbid framing, and the build, the server and the nginx snippet agree on them", async () => {
  const headers = await everyResponseHeaders();
  expect(headers["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
  expect(headers["X-Frame-Options"]).toBe("DENY");
  expect(headers["X-Content-Type-Options"]).toBe("nosniff");
  expect(headers["Referrer-Policy"]).toBe("no-referrer");
  expect(headers["Permissions-Policy"]).toContain("camera=()");

  // The header policy is the page's own meta policy without its default, script and
  // style sources (which allow the build's inline stylesheet and boot script by hash, so
  // change with every build), plus what only a header can say.
  const html = await readFile(path.join(distDir, "index.html"), "utf8");
  // Release builds minify index.html, which may reorder the attributes and drop quotes.
  const tag = html.match(/<meta\b[^>]*http-equiv="?Content-Security-Policy[^>]*>/)?.[0] ?? "";
  const meta = tag.match(/\bcontent="([^"]+)"/)?.[1];
  expect(meta).toBeTruthy();
  const directives = (policy: string) => policy.split(";").map((part) => part.trim()).filter(Boolean);
  const pageOnly = /^(?:default-src|script-src|style-src) /;
  const expected = [...directives(meta ?? "").filter((d) => !pageOnly.test(d)), "frame-ancestors 'none'"];
  expect(directives(headers["Content-Security-Policy"])).toEqual(expected);
  // The page keeps the sources the header leaves to it, with no blanket inline allowance.
  expect(meta).toContain("default-src 'self'");
  expect(meta).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]+=*'(;|$)/);
  expect(meta).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/]+=*'(;|$)/);
  expect(meta).not.toContain("unsafe-inline");

  // The build ships the rules, and the service worker never asks for them.
  expect(await readFile(path.join(distDir, "_headers"), "utf8")).toBe(await readFile(path.join(repo, "deploy/_headers"), "utf8"));
  const worker = await readFile(path.join(distDir, "sw.js"), "utf8");
  expect(worker).not.toContain('"_headers"');

  // nginx sends the same headers.
  const nginx = await readFile(path.join(repo, "deploy/nginx/foothold-headers.conf"), "utf8");
  const nginxHeaders = Object.fromEntries(
    [...nginx.matchAll(/^add_header ([\w-]+) "([^"]*)" always;$/gm)].map((match) => [match[1], match[2]]),
  );
  expect(nginxHeaders).toEqual(headers);
});

test("the served app sends the security headers, and caches only hashed files for long", async ({ request, baseURL }) => {
  const expected = await everyResponseHeaders();
  const html = await readFile(path.join(distDir, "index.html"), "utf8");
  const wasm = html.match(/\.\/(foothold-app-[0-9a-f]+_bg\.wasm)/)?.[1];
  expect(wasm).toBeTruthy();
  const cases = [
    { file: "", cache: "no-cache" },
    { file: "sw.js", cache: "no-cache" },
    { file: "manifest.webmanifest", cache: "no-cache" },
    { file: wasm, cache: "public, max-age=31536000, immutable" },
  ];
  for (const { file, cache } of cases) {
    const response = await request.get(new URL(file ?? "", baseURL).href);
    expect(response.status(), file).toBe(200);
    const sent = response.headers();
    for (const [name, value] of Object.entries(expected)) expect(sent[name.toLowerCase()], `${name} on ${file || "/"}`).toBe(value);
    expect(sent["cache-control"], file).toBe(cache);
  }
  // Like Netlify, the server keeps the rules to itself.
  expect((await request.get(new URL("_headers", baseURL).href)).status()).toBe(404);
});

/** Serves, on another port of 127.0.0.1 (another origin), a page that frames `target`. */
async function framingSite(target: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(`<!doctype html><title>Another site</title><iframe src="${target}" title="Framed" width="800" height="600"></iframe>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Opens a page of another origin that frames `target` and says whether the app showed in it. */
async function appShowsInFrame(page: Page, target: string): Promise<boolean> {
  const site = await framingSite(target);
  try {
    await page.goto(site.url);
    // Wait until the frame has settled on a document: the app, or the browser's error page.
    await expect.poll(() => page.frames().length).toBe(2);
    const frame = page.frames()[1];
    await frame.waitForLoadState("load");
    const heading = page.frameLocator("iframe").getByRole("heading", { name: "Plan your route" });
    return (await heading.count()) > 0 && frame.url().startsWith(target);
  } finally {
    await site.close();
  }
}

test("another site cannot frame the app", async ({ browser }) => {
  const context = await browser.newContext();
  // A control: the same build from a server without the header rules can be framed, so
  // the check below sees a framed app when there is one.
  const bare = await startServer({ root: distDir, port: 0, headers: false });
  const served = await startServer({ root: distDir, port: 0 });
  try {
    expect(await appShowsInFrame(await context.newPage(), bare.url)).toBe(true);

    const page = await context.newPage();
    const refused: string[] = [];
    page.on("console", (message) => {
      if (/frame-ancestors|X-Frame-Options/.test(message.text())) refused.push(message.text());
    });
    expect(await appShowsInFrame(page, served.url)).toBe(false);
    await expect.poll(() => refused.length).toBeGreaterThan(0);
  } finally {
    await context.close();
    await bare.close();
    await served.close();
  }
});
