// The role explorer, role pages, the role map and About the data, used the way people
// use them: found by label, role and name, never by CSS class. Written against the
// bundled NHS pack's role ids.
import { test, expect, type Locator, type Page } from "@playwright/test";
import { waitForApp } from "./support/app";

async function open(page: Page, path: string) {
  await page.goto(`./#${path}`);
  await waitForApp(page);
}

function resultCount(page: Page): Locator {
  return page.getByRole("status").filter({ hasText: /\broles?\b|No roles match/ });
}

function roleMap(page: Page): Locator {
  return page.getByRole("group", { name: "Role map, use arrow keys to pan" });
}

async function viewBox(page: Page): Promise<number[]> {
  const value = await roleMap(page).locator("svg").getAttribute("viewBox");
  return (value ?? "").split(" ").map(Number);
}

test("searching the explorer by another title finds the role", async ({ page }) => {
  await open(page, "/roles");
  await page.getByLabel("Search by job title").fill("CNIO");
  await expect(
    page.getByRole("link", { name: "Chief nursing information officer", exact: true }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Data analyst", exact: true })).toHaveCount(0);
  await expect(resultCount(page)).not.toContainText("No roles match");
});

test("filtering by family keeps only that family and announces the count", async ({ page }) => {
  await open(page, "/roles");
  await expect(resultCount(page)).toHaveText(/^\d+ roles$/);
  await page.getByLabel("Family").selectOption({ label: "Data and analytics" });
  await expect(page.getByRole("link", { name: "Data analyst", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Clinical coder", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Registered nurse", exact: true })).toHaveCount(0);
  await expect(resultCount(page)).toHaveText(/^\d+ roles? of \d+$/);
});

test("band and entry filters narrow the list to roles that fit", async ({ page }) => {
  await open(page, "/roles");
  await page.getByLabel("Band").selectOption({ label: "Medical contract" });
  await expect(page.getByRole("link", { name: "Resident doctor", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Administrator", exact: true })).toHaveCount(0);
  await page.getByLabel("Band").selectOption({ label: "Any band" });
  await page.getByLabel("Entry roles only").check();
  await expect(page.getByRole("link", { name: "Administrator", exact: true })).toBeVisible();
  await expect(
    page.getByRole("link", { name: "Chief digital information officer", exact: true }),
  ).toHaveCount(0);
});

test("when nothing matches the explorer says what to do next", async ({ page }) => {
  await open(page, "/roles");
  const all = await resultCount(page).innerText();
  await page.getByLabel("Search by job title").fill("zzzz no such job");
  await expect(resultCount(page)).toHaveText("No roles match");
  await expect(page.getByText(/^No roles match. Clear the filters, or try the start of a job title/)).toBeVisible();
  await page.getByRole("button", { name: "Clear the filters" }).first().click();
  await expect(resultCount(page)).toHaveText(all);
  await expect(page.getByLabel("Search by job title")).toHaveValue("");
});

test("the explorer's filters are still there after opening a role and going back", async ({ page }) => {
  await open(page, "/roles");
  await page.getByLabel("Family").selectOption({ label: "Data and analytics" });
  await page.getByRole("link", { name: "Data analyst", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Data analyst" })).toBeVisible();
  await page.goBack();
  await expect(page.getByLabel("Family")).toHaveValue("data-analytics");
  await expect(page.getByRole("link", { name: "Registered nurse", exact: true })).toHaveCount(0);
});

test("a role page shows what the role is and leads on to the next role", async ({ page }) => {
  await open(page, "/roles");
  await page.getByLabel("Search by job title").fill("Digital nurse");
  await page.getByRole("link", { name: "Digital nurse", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Digital nurse" })).toBeVisible();
  await expect(page).toHaveURL(/#\/roles\/digital-nurse$/);
  await expect(page.getByRole("term").filter({ hasText: "Band" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Plan a route to this role" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Where can I go from here" })).toBeVisible();

  const waysIn = page.getByRole("region", { name: "Ways in" });
  await expect(waysIn.getByRole("link", { name: "Registered nurse", exact: true })).toBeVisible();
  await expect(waysIn).toContainText(/Typically \d/);

  const waysOn = page.getByRole("region", { name: "Ways on" });
  const next = waysOn.getByRole("link").first();
  const nextTitle = (await next.innerText()).trim();
  await next.click();
  await expect(page.getByRole("heading", { level: 1, name: nextTitle })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Ways in" }).getByRole("link", { name: "Digital nurse", exact: true }),
  ).toBeVisible();
});

test("sources on a role page are plain external links that leak nothing", async ({ page }) => {
  await open(page, "/roles/clinical-safety-officer");
  const sources = page.getByRole("region", { name: "Sources" }).getByRole("listitem").getByRole("link");
  await expect(sources.first()).toBeVisible();
  for (const link of await sources.all()) {
    expect(await link.getAttribute("href")).toMatch(/^https?:\/\//);
    const rel = (await link.getAttribute("rel")) ?? "";
    expect(rel).toContain("noopener");
    expect(rel).toContain("noreferrer");
  }
});

test("an unknown role gets a clear page with a way back to the explorer", async ({ page }) => {
  await open(page, "/roles/no-such-role");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We can't find that role");
  await page.getByRole("link", { name: "Browse all roles" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Explore roles" })).toBeVisible();
});

test("a role opens from the role map", async ({ page }) => {
  await open(page, "/map");
  const node = roleMap(page).getByRole("link", { name: /^Registered nurse, / });
  // Focusing a box brings it into the map's view, so the click lands on it.
  await node.focus();
  await node.click();
  await expect(page.getByRole("heading", { level: 1, name: "Registered nurse" })).toBeVisible();
  await expect(page).toHaveURL(/#\/roles\/registered-nurse$/);
});

test("the map pans with the arrow keys and zooms with its buttons", async ({ page }) => {
  await open(page, "/map");
  await roleMap(page).focus();
  const start = await viewBox(page);
  await page.keyboard.press("ArrowRight");
  await expect.poll(async () => (await viewBox(page))[0]).toBeGreaterThan(start[0]);
  await page.getByRole("button", { name: "Zoom in" }).click();
  await expect.poll(async () => (await viewBox(page))[2]).toBeLessThan(start[2]);
  await page.getByRole("button", { name: "Reset view" }).click();
  await expect.poll(() => viewBox(page)).toEqual(start);
});

test("the map's roles are also listed as plain links, grouped by family", async ({ page }) => {
  await open(page, "/map");
  const list = page.getByRole("region", { name: "Roles on the map as a list" });
  await expect(list.getByRole("heading", { name: "Clinical informatics" })).toBeVisible();
  await expect(list.getByRole("link", { name: "Chief clinical information officer", exact: true })).toBeVisible();
  const onMap = await roleMap(page).getByRole("link").count();
  expect(onMap).toBeGreaterThan(20);
  await expect(list.getByRole("link")).toHaveCount(onMap);
  await page.getByRole("button", { name: "Skip the map and go to the list of roles" }).click();
  await expect(list.getByRole("heading", { level: 2 })).toBeFocused();
});

test("a highlighted route is marked in words on the map and in the list", async ({ page }) => {
  await open(page, "/map");
  await page.getByLabel("Highlight a route from").selectOption("registered-nurse");
  await page.getByLabel("to", { exact: true }).selectOption("chief-nursing-information-officer");
  await expect(page.getByRole("status").filter({ hasText: "Showing the quickest route" })).toBeVisible();
  await expect(
    roleMap(page).getByRole("link", { name: /^Registered nurse, .*on your route, step 1$/ }),
  ).toHaveCount(1);
  await expect(
    roleMap(page).getByRole("link", { name: /^Chief nursing information officer, .*on your route, step \d+$/ }),
  ).toHaveCount(1);
  await expect(page.getByRole("region", { name: "Roles on the map as a list" })).toContainText(
    "On your route: step 1",
  );
  await expect(page).toHaveURL(/#\/map\?from=registered-nurse&to=chief-nursing-information-officer$/);
});

test("About the data shows the data version and all three evidence grades", async ({ page }) => {
  await open(page, "/about");
  await expect(page.getByRole("heading", { level: 1, name: "About the data" })).toBeVisible();
  const version = page.getByRole("term").filter({ hasText: "Data version" });
  await expect(version).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: /^\d{4}\.\d{1,2}\.\d+/ })).toHaveCount(1);
  for (const [grade, meaning] of [
    ["Sourced", "A primary source"],
    ["Derived from a source about this role", "Worked out from a primary source about this role"],
    ["Informed estimate", "Our informed estimate: no primary source states it"],
  ]) {
    await expect(page.getByRole("term").filter({ hasText: grade })).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: meaning }).first()).toBeVisible();
  }
  await expect(page.getByText("Nothing is sent to a server")).toBeVisible();
});

test("planning a route from a role page fills in the target role", async ({ page }) => {
  await open(page, "/roles/digital-nurse");
  await page.getByRole("link", { name: "Plan a route to this role" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Plan your route" })).toBeVisible();
  await expect(page.getByLabel("Target role")).toHaveValue("Digital nurse");
});

test("where could I go only says times allow for what you have once you have told it", async ({ page }) => {
  await open(page, "/explore/administrator");
  const intro = page.getByText(/roles? within about/);
  await expect(intro).toContainText("Times are typical.");
  await expect(intro).not.toContainText("told us");
  await expect(intro.getByRole("link", { name: "Tell us what you already have" })).toBeVisible();

  await intro.getByRole("link", { name: "Tell us what you already have" }).click();
  await page.getByRole("checkbox").first().check();
  await open(page, "/explore/administrator");
  await expect(page.getByText(/roles? within about/)).toContainText("allow for what you told us you have");
});
