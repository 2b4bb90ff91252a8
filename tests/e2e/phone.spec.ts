// Foothold on a touch phone (390×844) and a small one (320 px wide): the header keeps to
// a small share of the first screen behind a Menu button, and the role picker lists the
// role people mean first.
import { expect, test, type Page } from "@playwright/test";
import { waitForApp } from "./support/app";

const phones = [
  { name: "390×844 touch phone", width: 390, height: 844 },
  { name: "320 px phone", width: 320, height: 640 },
];

/** The first option the role picker lists for `typed`. */
async function firstOption(page: Page, typed: string): Promise<string> {
  const input = page.getByRole("combobox", { name: "Current role" });
  await input.fill(typed);
  const listbox = page.getByRole("listbox", { name: "Roles matching what you typed" }).first();
  await expect(listbox).toBeVisible();
  return (await listbox.getByRole("option").first().innerText()).trim();
}

for (const phone of phones) {
  test.describe(`on a ${phone.name}`, () => {
    test.use({ viewport: { width: phone.width, height: phone.height }, hasTouch: true, isMobile: true });

    test("the header takes at most 15% of the first screen and its Menu button holds every link", async ({ page }) => {
      await page.goto("./");
      await waitForApp(page);
      const header = await page.getByRole("banner").boundingBox();
      expect(header).not.toBeNull();
      expect(header!.y + header!.height).toBeLessThanOrEqual(phone.height * 0.15);

      const menu = page.getByRole("button", { name: "Menu" });
      await expect(menu).toHaveAttribute("aria-expanded", "false");
      await expect(menu).toHaveAttribute("aria-controls", "fh-menu");
      const nav = page.getByRole("navigation", { name: "Main" });
      await expect(nav).toBeHidden();

      await menu.tap();
      await expect(menu).toHaveAttribute("aria-expanded", "true");
      await expect(nav.getByRole("link")).toHaveText(["Plan a route", "Roles", "Role map", "What I have", "Plans", "Your data", "About the data"]);
      await nav.getByRole("link", { name: "Roles" }).tap();
      await expect(page).toHaveURL(/#\/roles$/);
      await expect(menu).toHaveAttribute("aria-expanded", "false");
      await expect(nav).toBeHidden();
      // Nothing runs off the side of the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    });

    test("the Menu button works from the keyboard and Escape closes it", async ({ page }) => {
      await page.goto("./");
      await waitForApp(page);
      const menu = page.getByRole("button", { name: "Menu" });
      await menu.focus();
      await page.keyboard.press("Enter");
      await expect(menu).toHaveAttribute("aria-expanded", "true");
      await page.keyboard.press("Tab");
      await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Plan a route" })).toBeFocused();
      await page.keyboard.press("Escape");
      await expect(menu).toHaveAttribute("aria-expanded", "false");
      await expect(menu).toBeFocused();
      await page.keyboard.press("Space");
      await expect(menu).toHaveAttribute("aria-expanded", "true");
    });

    test("the role picker lists the role people mean first", async ({ page }) => {
      await page.goto("./");
      await waitForApp(page);
      expect(await firstOption(page, "nur")).toBe("Registered nurse");
      expect(await firstOption(page, "ward nurse")).toMatch(/^Registered nurse/);
      expect(await firstOption(page, "RN")).toMatch(/^Registered nurse/);
      expect(await firstOption(page, "band 5")).toMatch(/· (band 5|bands 5 to)/);
      const options = page.getByRole("option");
      await expect(options.filter({ hasText: "Machine learning engineer" })).toHaveCount(0);
      await page.getByRole("combobox", { name: "Current role" }).fill("analyst");
      await expect(page.getByRole("status").filter({ hasText: /roles match; the first 8 are listed/ })).toBeAttached();
      await page.getByRole("combobox", { name: "Current role" }).fill("zzzz");
      await expect(page.locator(".fh-role-picker__none").first()).toHaveText(/^No roles match. Try the start of a job title/);
      await expect(page.locator(".fh-role-picker__none").first()).toBeVisible();
    });
  });
}

test.describe("at 200% zoom on a desktop (640×400 CSS pixels)", () => {
  test.use({ viewport: { width: 640, height: 400 } });

  test("every link is still one press of the Menu button away", async ({ page }) => {
    await page.goto("./");
    await waitForApp(page);
    const header = await page.getByRole("banner").boundingBox();
    expect(header!.height).toBeLessThanOrEqual(400 * 0.2);
    await page.getByRole("button", { name: "Menu" }).click();
    for (const name of ["Plan a route", "Roles", "Role map", "What I have", "Plans", "Your data", "About the data"]) {
      await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name })).toBeVisible();
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640);
  });
});

test.describe("the role map on a touch phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("one finger on the map scrolls the page rather than the map", async ({ page }) => {
    await page.goto("./#/map");
    await waitForApp(page);
    const map = page.locator(".fh-map__viewport");
    await map.scrollIntoViewIfNeeded();
    await expect(map).toHaveCSS("touch-action", "pan-x pan-y");
    const box = await map.boundingBox();
    expect(box).not.toBeNull();
    const before = await page.evaluate(() => window.scrollY);
    const svgBefore = await page.locator(".fh-map__svg").getAttribute("viewBox");
    // One finger drags upwards across the map, as raw touch events (Chromium's synthetic
    // scroll gesture does not scroll a headless page at all, map or no map).
    const client = await page.context().newCDPSession(page);
    const x = Math.round(box!.x + box!.width / 2);
    const y = Math.round(box!.y + Math.min(box!.height, 400) * 0.8);
    await client.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y }] });
    for (let moved = 20; moved <= 200; moved += 20) {
      await client.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x, y: y - moved }] });
    }
    await client.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before);
    expect(await page.locator(".fh-map__svg").getAttribute("viewBox")).toBe(svgBefore);
  });

  /** The map's view as [x, y, width, height] in map units. */
  async function viewBox(page: import("@playwright/test").Page): Promise<number[]> {
    const box = await page.locator(".fh-map__svg").getAttribute("viewBox");
    return (box ?? "").split(" ").map(Number);
  }

  /** The middle of a role's box on the map, in map units. */
  async function boxMiddle(page: import("@playwright/test").Page, name: string): Promise<[number, number]> {
    const rect = page.locator(".fh-map__svg").getByRole("link", { name, exact: false }).first().locator("rect").first();
    const [x, y, w, h] = await Promise.all(["x", "y", "width", "height"].map(async (a) => Number(await rect.getAttribute(a))));
    return [x + w / 2, y + h / 2];
  }

  const inside = ([x, y]: [number, number], [vx, vy, vw, vh]: number[]) => x >= vx && x <= vx + vw && y >= vy && y <= vy + vh;

  test("the map opens on the person's role and its neighbours, and zooming keeps them in view", async ({ page }) => {
    await page.goto("./#/map?from=chief-technology-officer");
    await waitForApp(page);
    const scientist = await boxMiddle(page, "Chief technology officer");
    const opened = await viewBox(page);
    expect(inside(scientist, opened), `the CTO box ${scientist} is in the view ${opened}`).toBe(true);
    // Without a role chosen the map opens at its corner, which does not show it.
    await page.goto("./#/map");
    await waitForApp(page);
    expect(inside(scientist, await viewBox(page))).toBe(false);
    await page.goto("./#/map?from=chief-technology-officer");
    await waitForApp(page);
    for (const zoom of ["Zoom in", "Zoom in", "Zoom out", "Zoom out", "Zoom out"]) {
      await page.getByRole("button", { name: zoom }).tap();
      expect(inside(scientist, await viewBox(page)), `after ${zoom}`).toBe(true);
    }
  });
});
