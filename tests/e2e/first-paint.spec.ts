// The frame pre-rendered in index.html: what people see while the wasm module is still on
// its way, and that the app takes its place without anything moving. The wasm download
// is held back by the test, so the frame can be looked at for as long as needed.
import { test, expect, type Page, type Locator } from "@playwright/test";
import { waitForApp } from "./support/app";

test.use({ serviceWorkers: "block" });

/** Holds every request for the main wasm module until the returned function is called. */
async function holdBackTheApp(page: Page): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/foothold-app-[0-9a-f]+_bg\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** Where an element is drawn, rounded to whole pixels. */
async function placeOf(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error("the element is not drawn");
  return { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) };
}

const startLead = /^Find the moves that take you from the job you do now/;

for (const viewport of [
  { name: "phone", size: { width: 390, height: 844 } },
  { name: "desktop", size: { width: 1280, height: 800 } },
]) {
  test(`a first visit reads the header and the start screen's opening lines before the app arrives, and nothing moves when it does (${viewport.name})`, async ({ page }) => {
    await page.setViewportSize(viewport.size);
    const release = await holdBackTheApp(page);
    await page.goto("./");

    const heading = page.getByRole("heading", { level: 1, name: "Plan your route" });
    const lead = page.getByText(startLead);
    await expect(heading).toBeVisible();
    await expect(lead).toBeVisible();
    await expect(page.getByRole("status")).toHaveText("Loading Foothold…");
    const nav = page.getByRole("navigation", { name: "Main" });
    // On a phone the links sit behind the Menu button, closed at first; the markup holds
    // them either way.
    const links = page.locator("nav[aria-label='Main'] a");
    await expect(links).toHaveText(["Plan a route", "Roles", "Role map", "What I have", "Plans", "Your data", "About the data"]);
    await expect(links.first()).toHaveAttribute("aria-current", "page");
    const menu = page.getByRole("button", { name: "Menu" });
    if (viewport.name === "phone") {
      await expect(menu).toHaveAttribute("aria-expanded", "false");
      await expect(nav).toBeHidden();
    } else {
      await expect(menu).toBeHidden();
      await expect(nav).toBeVisible();
    }
    const before = {
      banner: await page.getByRole("banner").innerText(),
      links: await links.evaluateAll((links) => links.map((link) => link.getAttribute("href"))),
      heading: await placeOf(heading),
      lead: await placeOf(lead),
      header: await placeOf(page.getByRole("banner")),
      leadText: await lead.innerText(),
    };

    release();
    await waitForApp(page);
    await expect(page.getByRole("combobox", { name: "Current role" })).toBeVisible();
    // The same words, links and places as the app's own header and start screen.
    expect(await page.getByRole("banner").innerText()).toBe(before.banner);
    expect(await links.evaluateAll((links) => links.map((link) => link.getAttribute("href")))).toEqual(before.links);
    expect(await placeOf(page.getByRole("banner"))).toEqual(before.header);
    await expect(links.first()).toHaveAttribute("aria-current", "page");
    expect(await placeOf(heading)).toEqual(before.heading);
    expect(await page.getByText(startLead).innerText()).toBe(before.leadText);
    expect(await placeOf(page.getByText(startLead))).toEqual(before.lead);
    await expect(page.locator("[data-foothold-shell]")).toHaveCount(0);
  });
}

for (const viewport of [
  { name: "phone", size: { width: 390, height: 844 } },
  { name: "desktop", size: { width: 1280, height: 800 } },
]) {
  test(`a first visit can type into the role fields before the app arrives, and the app carries on from what was typed (${viewport.name})`, async ({ page }) => {
    await page.setViewportSize(viewport.size);
    const release = await holdBackTheApp(page);
    await page.goto("./");

    // The frame's fields: labelled, with the browser's list of every role title.
    const current = page.getByRole("combobox", { name: "Current role" });
    const target = page.getByRole("combobox", { name: "Target role" });
    await expect(current).toBeVisible();
    await expect(target).toBeVisible();
    await expect(page.locator("[data-foothold-shell] datalist option[value='Registered nurse']")).toHaveCount(1);
    await expect(page.locator("[data-foothold-shell] datalist option[value='Chief nursing information officer']")).toHaveCount(1);
    expect(await page.locator("[data-foothold-shell] datalist option").count()).toBeGreaterThan(100);
    await expect(page.getByRole("status")).toHaveText("Loading Foothold…");

    // A whole title in one field, the start of one in the other, cursor left there.
    await current.fill("Registered nurse");
    await target.click();
    await page.keyboard.type("digital n");
    const before = { current: await placeOf(current), target: await placeOf(target) };

    release();
    await waitForApp(page);
    await expect(page.locator("#app").getByRole("combobox", { name: "Current role" })).toHaveValue("Registered nurse");
    // The field the cursor had left chose its role and keeps its list closed.
    await expect(page.locator("#current-role-listbox")).toBeHidden();
    const appTarget = page.locator("#app").getByRole("combobox", { name: "Target role" });
    await expect(appTarget).toHaveValue("digital n");
    await expect(appTarget).toBeFocused();
    expect(await appTarget.evaluate((input: HTMLInputElement) => [input.selectionStart, input.selectionEnd])).toEqual([9, 9]);
    await expect(page.getByRole("option", { name: /Digital nurse/ })).toBeVisible();
    // Nothing moved when the app took over.
    expect(await placeOf(page.locator("#current-role"))).toEqual(before.current);
    expect(await placeOf(appTarget)).toEqual(before.target);

    // And the carried-over choices plan a route.
    await page.keyboard.type("urse");
    await page.getByRole("option", { name: /Digital nurse/ }).click();
    await page.getByRole("button", { name: "Find routes" }).click();
    await expect(page).toHaveTitle(/Your routes/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("From Registered nurse");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Routes to Digital nurse");
  });
}

test("a letter typed into the frame's field is still there, with the cursor after it, once the app arrives", async ({ page }) => {
  const release = await holdBackTheApp(page);
  await page.goto("./");
  await page.getByRole("combobox", { name: "Current role" }).click();
  await page.keyboard.type("pharm");
  release();
  await waitForApp(page);
  const field = page.locator("#current-role");
  await expect(field).toHaveValue("pharm");
  await expect(field).toBeFocused();
  await expect(page.getByRole("option", { name: /^Pharmacist/ })).toBeVisible();
  // Typing carries on in the app's field.
  await page.keyboard.type("acy t");
  await expect(field).toHaveValue("pharmacy t");
  await expect(page.getByRole("option", { name: /Pharmacy technician/ }).first()).toBeVisible();
});

test("on a phone the frame's Menu button opens its links before the app arrives", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const release = await holdBackTheApp(page);
  await page.goto("./");
  const menu = page.getByRole("button", { name: "Menu" });
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Roles" })).toBeVisible();
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  release();
  await waitForApp(page);
});

test("a link to another screen shows the frame and a loading line, never the start screen's heading", async ({ page }) => {
  const release = await holdBackTheApp(page);
  await page.goto("./#/roles");
  await expect(page.getByRole("banner")).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Loading Foothold…");
  await expect(page.getByRole("heading", { name: "Plan your route" })).toBeHidden();
  await expect(page.getByText(startLead)).toBeHidden();
  await expect(page.getByRole("link", { name: "Plan a route" })).not.toHaveAttribute("aria-current", /.*/);

  release();
  await waitForApp(page);
  await expect(page.getByRole("heading", { level: 1, name: "Explore roles" })).toBeVisible();
});

test("a returning visitor, whose last screen may reopen, sees the frame without the start screen's lines", async ({ page }) => {
  await page.goto("./");
  await waitForApp(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "What I have" }).click();
  await expect(page).toHaveTitle(/What I already have/);
  expect(await page.evaluate(() => window.localStorage.getItem("foothold.data"))).not.toBeNull();

  const release = await holdBackTheApp(page);
  await page.goto("./");
  await expect(page.getByRole("status")).toHaveText("Loading Foothold…");
  await expect(page.getByRole("heading", { name: "Plan your route" })).toBeHidden();
  await expect(page.getByRole("combobox", { name: "Current role" })).toBeHidden();

  release();
  await waitForApp(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What I already have");
});

test("the frame's skip link moves focus to its content without changing the address", async ({ page }) => {
  const release = await holdBackTheApp(page);
  await page.goto("./");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
  expect(new URL(page.url()).hash).toBe("");

  release();
  await waitForApp(page);
  await expect(page.getByRole("heading", { level: 1, name: "Plan your route" })).toBeVisible();
});

test("when the app cannot start, the frame gives way to the message", async ({ page }) => {
  await page.route(/foothold-app-[0-9a-f]+_bg\.wasm$/, (route) => route.fulfill({ status: 404, body: "Not found" }));
  await page.goto("./");
  await expect(page.getByRole("alert")).toContainText("Sorry, Foothold could not start.");
  await expect(page.locator("[data-foothold-shell]")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Plan your route" })).toHaveCount(0);
});

test.describe("with JavaScript turned off", () => {
  test.use({ javaScriptEnabled: false });

  test("the page says Foothold needs JavaScript instead of claiming to load", async ({ page }) => {
    await page.goto("./");
    // Playwright turns scripts off in a way that still parses <noscript> as if they ran,
    // so its message is checked as markup rather than on screen.
    expect(await page.locator("noscript").evaluate((element) => element.textContent)).toContain("Foothold needs JavaScript to run.");
    await expect(page.getByRole("banner")).toBeVisible();
    await expect(page.getByText("Loading Foothold…")).toBeHidden();
  });
});
