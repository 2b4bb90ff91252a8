// Takes the screenshots of the main screens kept in docs/, on a phone and a desktop:
//   node docs/take-screenshots.mjs [base URL of a served build, default http://127.0.0.1:4173/] [stems]
// where stems, if given, is a comma-separated list of the shots to take (such as
// "menu,mentor"); all are taken otherwise.
// Serve the release build first (for example with scripts/serve-dist.mjs). Uses the
// system Chromium; no browser is downloaded.
import { chromium } from "@playwright/test";
import path from "node:path";
import { fileURLToPath } from "node:url";

const base = process.argv[2] || "http://127.0.0.1:4173/";
const only = process.argv[3] ? process.argv[3].split(",") : null;
const docs = path.dirname(fileURLToPath(import.meta.url));
const sizes = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 800 } },
};

/** Each shot: a file name stem and how to get the page there. */
const shots = [
  ["screenshot", async (page) => page.goto(base)],
  [
    "routes",
    async (page) => page.goto(`${base}#/routes/registered-nurse/chief-nursing-information-officer`),
  ],
  [
    "plan",
    async (page) => {
      await page.goto(`${base}#/routes/registered-nurse/chief-nursing-information-officer`);
      await page.getByRole("button", { name: "Save as plan" }).first().click();
      await page.getByLabel("Status of step 1").selectOption("In progress");
      await page.getByLabel("Target date for step 1").fill("2027-03-01");
      await page.getByLabel("Notes for step 1").fill("Join the digital nursing network and ask to shadow the CNIO.");
      await page.getByRole("heading", { level: 1 }).click();
    },
  ],
  ["explore", async (page) => page.goto(`${base}#/explore/administrator`)],
  [
    // The header's menu, open: on a phone only, since a desktop shows the links.
    "menu",
    async (page) => {
      await page.goto(base);
      await page.getByRole("button", { name: "Menu" }).click();
    },
    ["phone"],
  ],
  [
    "mentor",
    async (page) => {
      await page.goto(`${base}#/routes/registered-nurse/chief-nursing-information-officer`);
      await page.getByRole("button", { name: "Save as plan" }).first().click();
      await page.getByLabel("Your name on the printed plan (optional)").fill("Sam Patel");
      await page.getByLabel("Your name on the printed plan (optional)").blur();
      await page.getByLabel("Status of step 1").selectOption("In progress");
      await page.getByLabel("Target date for step 1").fill("2027-03-01");
      await page.getByLabel("Notes for step 1").fill("Join the digital nursing network and ask to shadow the CNIO.");
      await page.getByRole("heading", { level: 1 }).click();
      await page.getByRole("button", { name: "Share link" }).click();
      const link = await page.getByLabel("Share link").inputValue();
      // The mentor's own browser: nothing saved, so the link opens as theirs to read.
      await page.evaluate(() => localStorage.clear());
      await page.goto("about:blank");
      await page.goto(link);
      await page.getByText(/^Shared by Sam Patel/).waitFor();
    },
  ],
];

const browser = await chromium.launch({
  executablePath: process.env.FOOTHOLD_CHROMIUM || "/usr/bin/chromium",
  args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
try {
  for (const [size, options] of Object.entries(sizes)) {
    for (const [stem, reach, onlySizes] of shots) {
      if (only && !only.includes(stem)) continue;
      if (onlySizes && !onlySizes.includes(size)) continue;
      const context = await browser.newContext(options);
      const page = await context.newPage();
      await reach(page);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      await page.getByText("Loading Foothold…").waitFor({ state: "hidden" });
      const file = path.join(docs, `${stem}-${size}.png`);
      await page.screenshot({ path: file });
      console.log(`screenshots: wrote ${path.relative(process.cwd(), file)}`);
      await context.close();
    }
  }
} finally {
  await browser.close();
}
