// Accessibility: every screen, in the states people see, has no axe-core violations of
// WCAG 2.1 A and AA, on a phone and on a desktop screen.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { waitForApp } from "./support/app";

const viewports = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1280, height: 800 },
];

/** Runs axe on the page as it is and fails with the rules broken and where. */
async function expectNoViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  const found = results.violations.map(
    (violation) => `${screen}: ${violation.id} (${violation.help}) at ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
  );
  expect(found).toEqual([]);
}

/** Opens a screen by its address and waits for its heading. */
async function open(page: Page, hash: string): Promise<void> {
  await page.goto(`./${hash}`);
  await waitForApp(page);
}

/** Saves a plan from nurse to CNIO and returns its address. */
async function savePlan(page: Page): Promise<string> {
  await open(page, "#/routes/registered-nurse/chief-nursing-information-officer");
  await page.getByRole("button", { name: "Save as plan" }).first().click();
  await expect(page).toHaveTitle(/^Plan –/);
  return page.url();
}

for (const viewport of viewports) {
  test.describe(`on a ${viewport.name}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test("the screens without saved data have no accessibility violations", async ({ page }) => {
      const screens: [string, string][] = [
        ["start", "#/"],
        ["routes", "#/routes/registered-nurse/chief-nursing-information-officer"],
        ["no route", "#/routes/administrator/chief-medical-information-officer"],
        ["explore", "#/explore/administrator"],
        ["roles", "#/roles"],
        ["role", "#/roles/digital-nurse"],
        ["role map", "#/map"],
        ["what I have", "#/skills"],
        ["plans (empty)", "#/plans"],
        ["your data", "#/data"],
        ["about the data", "#/about"],
        ["not found", "#/no-such-screen"],
      ];
      for (const [screen, hash] of screens) {
        await open(page, hash);
        await expectNoViolations(page, screen);
      }
    });

    test("the start screen with its options open and errors shown has no violations", async ({ page }) => {
      await open(page, "#/");
      await page.getByText("Route options").click();
      await page.getByRole("button", { name: "Find routes" }).click();
      await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
      await page.getByRole("combobox", { name: "Current role" }).fill("nurse");
      await expect(page.getByRole("listbox").first()).toBeVisible();
      await expectNoViolations(page, "start with errors and matches");
    });

    test("the screens with a saved plan have no violations", async ({ page }) => {
      const plan = await savePlan(page);
      await page.getByLabel("Status of step 1").selectOption("In progress");
      await page.getByRole("button", { name: "Share link" }).click();
      await expect(page.getByLabel("Share link")).toBeVisible();
      await page.getByText(/: nothing logged yet$/).first().click();
      await expectNoViolations(page, "plan");

      const shared = await page.getByLabel("Share link").inputValue();
      await open(page, "#/plans");
      await expectNoViolations(page, "plans");
      await page.getByRole("button", { name: /^Delete/ }).click();
      await expect(page.getByRole("button", { name: "Undo" })).toBeVisible();
      await expectNoViolations(page, "plans after a delete");
      await page.getByRole("button", { name: "Undo" }).click();

      await page.goto(shared);
      await expect(page.getByRole("button", { name: "Save a copy" })).toBeVisible();
      await expectNoViolations(page, "shared plan");
      await page.goto(plan);
      await open(page, "#/data");
      await expectNoViolations(page, "your data with backups");
    });

    test("the credential screens have no violations", async ({ page }) => {
      for (const [screen, hash] of [
        ["no route without a registration", "#/routes/data-analyst/digital-pharmacist"],
        ["routes from a role covering several professions", "#/routes/allied-health-professional/digital-ahp"],
      ]) {
        await open(page, hash);
        await expectNoViolations(page, screen);
      }
    });

    test("what I have, asking which profession and with a registration ticked, has no violations", async ({ page }) => {
      await open(page, "#/routes/allied-health-professional/digital-ahp");
      await page.getByRole("link", { name: "Mark what you already have" }).click();
      await expect(page.getByText(/Your starting role, Allied health professional, covers several professions/)).toBeVisible();
      await page.getByRole("checkbox", { name: "Registration as a physiotherapist", exact: true }).check();
      await expect(page.getByText(/covers several professions/)).toHaveCount(0);
      await expectNoViolations(page, "what I have with a registration ticked");
    });

    test("a plan whose route no longer holds has no violations", async ({ page }) => {
      const fixture = JSON.parse(await readFile("tests/fixtures/store/v2.json", "utf8"));
      Object.assign(fixture.data.plans[0], {
        start: "administrator",
        target: "data-scientist",
        steps: [{ from: "administrator", to: "data-scientist", status: "not-started", notes: "Kept" }],
      });
      await open(page, "#/");
      await page.evaluate((text) => localStorage.setItem("foothold.data", text), JSON.stringify(fixture));
      await page.goto(`./#/plans/${fixture.data.plans[0].id}`);
      await page.reload();
      await waitForApp(page);
      await expect(page.getByRole("region", { name: "This route is no longer one Foothold can recommend" })).toBeVisible();
      await expectNoViolations(page, "plan no longer recommended");
    });

    test("the other-tab warning and the recovery message have no violations", async ({ context }) => {
      const first = await context.newPage();
      const plan = await savePlan(first);
      const second = await context.newPage();
      await second.goto(plan);
      await expect(second.getByLabel("Notes for step 1")).toBeVisible();
      await first.getByLabel("Notes for step 1").fill("Changed here");
      await expect(second.getByRole("heading", { name: "Foothold was changed in another tab" })).toBeVisible();
      await expectNoViolations(second, "other-tab warning");

      await second.evaluate(() => localStorage.setItem("foothold.data", "not a Foothold document"));
      await second.reload();
      await expect(second.getByText(/could not be opened/).first()).toBeVisible();
      await expectNoViolations(second, "recovery message");
      await open(second, "#/data");
      await expect(second.getByRole("heading", { name: "Data that could not be read" })).toBeVisible();
      await expectNoViolations(second, "your data with put-aside data");
    });
  });
}

for (const viewport of viewports) {
  test.describe(`in dark mode on a ${viewport.name}`, () => {
    test.use({ colorScheme: "dark", viewport: { width: viewport.width, height: viewport.height } });

    test("every screen keeps AA contrast and has no other violations", async ({ page }) => {
      test.setTimeout(180_000);
      await open(page, "#/");
      await expectNoViolations(page, "start (dark)");
      await savePlan(page);
      await expectNoViolations(page, "plan (dark)");
      for (const [screen, hash] of [
        ["routes (dark)", "#/routes/registered-nurse/chief-nursing-information-officer"],
        ["explore (dark)", "#/explore/administrator"],
        ["plans (dark)", "#/plans"],
        ["what I have (dark)", "#/skills"],
        ["your data (dark)", "#/data"],
        ["roles (dark)", "#/roles"],
        ["a role (dark)", "#/roles/clinical-safety-officer"],
        ["role map (dark)", "#/map?from=registered-nurse&to=chief-nursing-information-officer"],
        ["about the data (dark)", "#/about"],
        ["not found (dark)", "#/no-such-screen"],
      ]) {
        await open(page, hash);
        await expectNoViolations(page, screen);
      }
    });
  });
}

