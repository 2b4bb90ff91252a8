// Takes a phone-sized screenshot of the built app for the README:
//   node scripts/screenshot.mjs [docs/screenshot-phone.png] [#/route]
// Serves dist/ on a free port of 127.0.0.1 and uses the system Chromium.
import { chromium } from "@playwright/test";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { startServer } from "./serve-dist.mjs";

const output = process.argv[2] || "docs/screenshot-phone.png";
const route = process.argv[3] || "";
await mkdir(path.dirname(output), { recursive: true });
const server = await startServer({ root: "dist", port: 0 });
const browser = await chromium.launch({
  executablePath: process.env.FOOTHOLD_CHROMIUM || "/usr/bin/chromium",
  args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
try {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  await page.goto(server.url + route);
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  await page.getByText("Loading Foothold…").waitFor({ state: "hidden" });
  await page.screenshot({ path: output });
  console.log(`screenshot: wrote ${output}`);
} finally {
  await browser.close();
  await server.close();
}
