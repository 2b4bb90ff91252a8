// The journeys people make through Foothold, end to end against the built app with the
// bundled NHS pack: plan a route, save it, come back to it, change what they hold, and
// keep their plans safe through export, import, corrupted storage and a second tab.
// Elements are found by role and accessible name, as people find them.
import { expect, test, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { waitForApp } from "./support/app";

const phone = { width: 390, height: 844 };

/** Opens the app at a screen (a hash such as "#/plans") and waits for its heading. */
async function open(page: Page, hash = ""): Promise<void> {
  await page.goto(`./${hash}`);
  await waitForApp(page);
}

/** Types into a role picker and chooses the matching role from its list. */
async function chooseRole(page: Page, label: string, typed: string, option: RegExp): Promise<void> {
  await page.getByRole("combobox", { name: label }).fill(typed);
  await page.getByRole("option", { name: option }).first().click();
}

/** From the start screen, asks for routes between two roles. */
async function findRoutes(page: Page, from: [string, RegExp], to: [string, RegExp]): Promise<void> {
  await chooseRole(page, "Current role", ...from);
  await chooseRole(page, "Target role", ...to);
  await page.getByRole("button", { name: "Find routes" }).click();
  await expect(page).toHaveTitle(/Your routes/);
}

const nurse: [string, RegExp] = ["nurse", /^Registered nurse/];
const cnio: [string, RegExp] = ["CNIO", /^Chief nursing information officer/];

/** The link to the nurse-to-CNIO plan in the dashboard's list of saved plans. */
function savedPlanLink(page: Page) {
  return page
    .getByRole("list", { name: "Saved plans" })
    .getByRole("link", { name: "Registered nurse to Chief nursing information officer", exact: true });
}

/** Saves the best route as a plan and waits for the plan screen. */
async function saveBestRoute(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Save as plan" }).first().click();
  await expect(page).toHaveTitle(/^Plan –/);
}

test("the first journey: find routes, save the best as a plan, and find it again after reloading", async ({ page }) => {
  await open(page);
  await findRoutes(page, nurse, cnio);

  const routes = page.getByRole("list", { name: "Routes" });
  const best = routes.getByRole("article").first();
  await expect(best.getByRole("heading", { level: 2 })).toContainText("Route 1");
  const steps = best.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3 }) });
  expect(await steps.count()).toBeGreaterThan(0);
  await expect(steps.first()).toContainText(/About \d/);

  await saveBestRoute(page);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Registered nurse to Chief nursing information officer");

  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Registered nurse to Chief nursing information officer");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Plans" }).click();
  await expect(savedPlanLink(page)).toBeVisible();
});

test.describe("on a phone", () => {
  test.use({ viewport: phone });

  test("a nurse finds routes to CNIO without scrolling sideways, with targets big enough to tap", async ({ page }) => {
    await open(page);
    await findRoutes(page, nurse, cnio);
    const routes = page.getByRole("list", { name: "Routes" });
    await expect(routes.getByRole("article").first()).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(phone.width);
    const save = page.getByRole("button", { name: "Save as plan" }).first();
    const box = await save.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    await saveBestRoute(page);
  });
});

test("someone who does not know where to aim explores from administrator", async ({ page }) => {
  await open(page);
  // "Medical secretary" is one of the administrator role's other titles.
  await chooseRole(page, "Current role", "medical secretary", /^Administrator/);
  await page.getByRole("button", { name: "I don't know yet: show me where I could go" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Where could you go?");
  await page.getByLabel("Look ahead").selectOption("10");
  const families = page.getByRole("main").getByRole("heading", { level: 2 });
  expect(await families.count()).toBeGreaterThan(0);
  const reachable = page.getByRole("main").getByRole("listitem").getByRole("link");
  expect(await reachable.count()).toBeGreaterThan(1);
  await reachable.first().click();
  await expect(page).toHaveTitle(/Your routes/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("From Administrator");
});

test("marking skills as held changes the routes", async ({ page }) => {
  await open(page);
  await findRoutes(page, nurse, cnio);
  const best = page.getByRole("list", { name: "Routes" }).getByRole("article").first();
  const firstStep = best.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3 }) }).first();
  const firstSkill =
    (await firstStep.getByRole("list", { name: "Skills to gain" }).getByRole("listitem").first().textContent())?.trim() ?? "";
  expect(firstSkill.length).toBeGreaterThan(0);
  const before = await best.getByRole("definition").nth(2).textContent();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "What I have" }).click();
  await page.getByRole("checkbox", { name: firstSkill, exact: true }).check();
  await page.getByRole("link", { name: "See your routes with these changes" }).first().click();

  await expect(page.getByText(/Times allow for the 1 skill/)).toBeVisible();
  const after = page.getByRole("list", { name: "Routes" }).getByRole("article");
  await expect(after.filter({ hasText: `You already have: ${firstSkill}` }).first()).toBeVisible();
  const learnAfter = await after.first().getByRole("definition").nth(2).textContent();
  expect(learnAfter).not.toBe(before);
});

test("a saved plan keeps its progress, dates and notes when reopened", async ({ page }) => {
  await open(page);
  await findRoutes(page, nurse, cnio);
  await saveBestRoute(page);
  await page.getByLabel("Status of step 1").selectOption("In progress");
  await page.getByLabel("Target date for step 1").fill("2027-03-01");
  await page.getByLabel("Target date for step 1").blur();
  await page.getByLabel("Notes for step 1").fill("Ask the CNIO about shadowing");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Plan a route" }).click();
  await page.reload();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Plans" }).click();
  await expect(page.getByText(/in progress/).first()).toBeVisible();
  await savedPlanLink(page).click();
  await expect(page.getByLabel("Status of step 1")).toHaveValue("In progress");
  await expect(page.getByLabel("Target date for step 1")).toHaveValue("2027-03-01");
  await expect(page.getByLabel("Notes for step 1")).toHaveValue("Ask the CNIO about shadowing");
});

test("plans survive export, clearing the browser's storage and import", async ({ page }) => {
  await open(page);
  await findRoutes(page, nurse, cnio);
  await saveBestRoute(page);
  await page.getByLabel("Status of step 1").selectOption("Done");
  await page.reload();
  await expect(page.getByLabel("Status of step 1")).toHaveValue("Done");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Your data" }).click();
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export all your data" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^foothold-plans-.*\.json$/);
  const file = await download.path();

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Plans" }).click();
  await expect(page.getByRole("heading", { name: "You have no saved plans yet" })).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Your data" }).click();
  await page.getByLabel("Choose a file to import").setInputFiles(file);
  await expect(page.getByText("This file holds 1 plan")).toBeVisible();
  await page.getByRole("button", { name: "Replace all" }).click();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Plans" }).click();
  await savedPlanLink(page).click();
  await expect(page.getByLabel("Status of step 1")).toHaveValue("Done");
  await page.reload();
  await expect(page.getByLabel("Status of step 1")).toHaveValue("Done");
});

test("a file that is not a Foothold file is refused in plain English and nothing changes", async ({ page }) => {
  await open(page, "#/data");
  await page.getByLabel("Choose a file to import").setInputFiles({
    name: "notes.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"hello": "world"}'),
  });
  await expect(page.getByRole("alert")).toContainText("This file is not a Foothold file");
});

test("corrupted storage shows a recovery message and nothing is lost", async ({ page }) => {
  await open(page);
  await findRoutes(page, nurse, cnio);
  await saveBestRoute(page);
  const corrupt = '{"app":"foothold", this is not json';
  await page.evaluate((text) => localStorage.setItem("foothold.data", text), corrupt);
  await page.reload();
  await expect(page.getByText(/could not be opened/).first()).toBeVisible();
  await expect(page.getByText(/Nothing has been deleted/).first()).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Your data" }).click();
  // The unreadable copy is kept exactly as it was, and can be exported.
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: /Export it/ }).first().click();
  const kept = await readFile(await (await downloading).path(), "utf8");
  expect(kept).toBe(corrupt);

  // The plan comes back from an earlier saved version.
  await page
    .getByRole("listitem")
    .filter({ hasText: "1 plan:" })
    .getByRole("button", { name: /^Restore/ })
    .first()
    .click();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Plans" }).click();
  await expect(savedPlanLink(page)).toBeVisible();
  await page.reload();
  await expect(savedPlanLink(page)).toBeVisible();
});

test("two tabs editing the same plan never overwrite each other silently", async ({ context }) => {
  const first = await context.newPage();
  await open(first);
  await findRoutes(first, nurse, cnio);
  await saveBestRoute(first);
  const planAddress = first.url();

  const second = await context.newPage();
  await second.goto(planAddress);
  await expect(second.getByLabel("Notes for step 1")).toBeVisible();

  await first.getByLabel("Notes for step 1").fill("Written in the first tab");
  await expect(second.getByRole("heading", { name: "Foothold was changed in another tab" })).toBeVisible();
  await second.getByRole("button", { name: "Load the newer version" }).click();
  await expect(second.getByLabel("Notes for step 1")).toHaveValue("Written in the first tab");

  await second.getByLabel("Status of step 1").selectOption("In progress");
  await expect(first.getByRole("heading", { name: "Foothold was changed in another tab" })).toBeVisible();
  await first.getByRole("button", { name: "Keep mine" }).click();
  await expect(first.getByRole("heading", { name: "Foothold was changed in another tab" })).toBeHidden();
  await expect(first.getByLabel("Status of step 1")).toHaveValue("Not started");

  // The choice sticks: a fresh load shows the first tab's version.
  const third = await context.newPage();
  await third.goto(planAddress);
  await expect(third.getByLabel("Status of step 1")).toHaveValue("Not started");
  await expect(third.getByLabel("Notes for step 1")).toHaveValue("Written in the first tab");
});

test("deleting a plan can be undone", async ({ page }) => {
  await open(page);
  await findRoutes(page, nurse, cnio);
  await saveBestRoute(page);
  await page.getByRole("link", { name: "Back to your plans" }).click();
  await page.getByRole("button", { name: /^Delete/ }).click();
  await expect(page.getByRole("heading", { name: "You have no saved plans yet" })).toBeVisible();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(savedPlanLink(page)).toBeVisible();
});

test("a shared link opens the plan read-only and a copy can be saved", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await open(page);
  await findRoutes(page, nurse, cnio);
  await saveBestRoute(page);
  await page.getByLabel("Notes for step 1").fill("For my mentor");
  await page.getByRole("button", { name: "Share link" }).click();
  const link = await page.getByLabel("Share link").inputValue();
  expect(link).toContain("#/shared/");

  const other = await context.browser()!.newContext();
  const mentor = await other.newPage();
  await mentor.goto(link);
  await expect(mentor.getByRole("heading", { level: 1 })).toContainText("Registered nurse to Chief nursing information officer");
  await expect(mentor.getByText("For my mentor")).toBeVisible();
  await expect(mentor.getByLabel("Notes for step 1")).toHaveCount(0);
  await mentor.getByRole("button", { name: "Save a copy" }).click();
  await expect(savedPlanLink(mentor)).toBeVisible();
  await other.close();
});

test("opening the app without an address reopens the screen last used", async ({ page }) => {
  await open(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "What I have" }).click();
  await expect(page).toHaveTitle(/What I already have/);
  await page.goto("./");
  await expect(page).toHaveTitle(/What I already have/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What I already have");
});

test("a failed save shows at once with a way to export, and clears when saving works again", async ({ page }) => {
  await open(page, "#/skills");
  await page.evaluate(() => {
    const original = Storage.prototype.setItem;
    (window as unknown as { restoreSetItem: () => void }).restoreSetItem = () => {
      Storage.prototype.setItem = original;
    };
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await page.getByRole("checkbox").first().check();
  const alert = page.getByRole("alert").filter({ hasText: "Your latest changes are not saved" });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("full");
  const downloading = page.waitForEvent("download");
  await alert.getByRole("button", { name: "Export now" }).click();
  expect((await downloading).suggestedFilename()).toMatch(/^foothold-plans-.*\.json$/);

  await page.evaluate(() => (window as unknown as { restoreSetItem: () => void }).restoreSetItem());
  await page.getByRole("checkbox").nth(1).check();
  await expect(alert).toBeHidden();
  await page.reload();
  await expect(page.getByRole("checkbox").first()).toBeChecked();
  await expect(page.getByRole("checkbox").nth(1)).toBeChecked();
});

test("route options limit the number of routes and keep avoided roles off them", async ({ page }) => {
  await open(page);
  await chooseRole(page, "Current role", ...nurse);
  await chooseRole(page, "Target role", ...cnio);
  await page.getByText("Route options").click();
  await page.getByRole("radio", { name: "Fewest steps" }).check();
  await page.getByLabel("Number of routes to show").fill("2");
  await page.getByLabel("Number of routes to show").blur();
  await chooseRole(page, "Avoid a role (optional)", "clinical safety", /^Clinical safety officer/);
  await expect(page.getByRole("list", { name: "Roles to avoid" })).toContainText("Clinical safety officer");
  await page.getByRole("button", { name: "Find routes" }).click();

  const routes = page.getByRole("list", { name: "Routes" }).getByRole("article");
  await expect(routes.first()).toBeVisible();
  expect(await routes.count()).toBeLessThanOrEqual(2);
  await expect(page.getByText(/best first by fewest moves/)).toBeVisible();
  for (const route of await routes.all()) {
    await expect(route.getByRole("heading", { level: 3, name: /Clinical safety officer/ })).toHaveCount(0);
  }

  await page.getByRole("link", { name: "Change your choices" }).click();
  await expect(page.getByRole("combobox", { name: "Current role" })).toHaveValue("Registered nurse");
  await expect(page.getByText("Route options (3 changed)")).toBeVisible();
});

test("asking for routes without choosing roles explains what to do", async ({ page }) => {
  await open(page);
  await page.getByRole("button", { name: "Find routes" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeFocused();
  await summary.getByRole("link", { name: "Choose your current role from the list" }).click();
  await expect(page.getByRole("combobox", { name: "Current role" })).toBeFocused();
});

test("moving to another screen titles the tab and moves focus to the new heading", async ({ page }) => {
  await open(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Roles" }).click();
  await expect(page).toHaveTitle(/^Roles – Foothold/);
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  await open(page, "#/routes/registered-nurse/chief-nursing-information-officer");
  await page.getByRole("list", { name: "Routes" }).getByRole("article").first().getByRole("heading", { level: 3 }).getByRole("link").last().click();
  await expect(page).toHaveTitle(/^Chief nursing information officer – Foothold/);
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
});
