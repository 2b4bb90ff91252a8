// Renders the app icons from one source, assets/icon.svg, with headless Chromium through
// Playwright: PNGs at 180, 192 and 512 px for the "any" purpose, and maskable PNGs at 192
// and 512 px whose mark sits inside the central safe zone on a full-bleed background.
// Run after changing the SVG: `node scripts/icons.mjs` (the PNGs are committed).
import { chromium } from "@playwright/test";
import { mkdir, readFile, copyFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const source = path.join(root, "assets/icon.svg");
const out = path.join(root, "assets/icons");
const BACKGROUND = "#005eb8";

const svg = await readFile(source, "utf8");
const inner = svg.replace(/^[\s\S]*?<svg[^>]*>/, "").replace(/<\/svg>\s*$/, "");
// The maskable variant: square corners in the brand colour, the mark scaled to 76% so it
// stays inside the 80% circle that every platform mask keeps.
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" fill="${BACKGROUND}"/><g transform="translate(61.44 61.44) scale(0.76)">${inner}</g></svg>`;

const icons = [
  { name: "icon-192.png", size: 192, svg },
  { name: "icon-512.png", size: 512, svg },
  { name: "apple-touch-icon.png", size: 180, svg: maskable },
  { name: "maskable-192.png", size: 192, svg: maskable },
  { name: "maskable-512.png", size: 512, svg: maskable },
];

await mkdir(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.FOOTHOLD_CHROMIUM || "/usr/bin/chromium",
  args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const icon of icons) {
    await page.setViewportSize({ width: icon.size, height: icon.size });
    const dataUrl = `data:image/svg+xml;base64,${Buffer.from(icon.svg).toString("base64")}`;
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img src="${dataUrl}" width="${icon.size}" height="${icon.size}" style="display:block"></body></html>`,
    );
    await page.locator("img").evaluate((img) => img.decode());
    await page.screenshot({ path: path.join(out, icon.name), omitBackground: true });
    console.log(`icons: wrote assets/icons/${icon.name}`);
  }
} finally {
  await browser.close();
}
await copyFile(source, path.join(out, "icon.svg"));
console.log("icons: copied assets/icon.svg to assets/icons/icon.svg");
