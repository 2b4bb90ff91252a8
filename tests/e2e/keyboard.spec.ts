// The main journey with the keyboard alone: skip link, choosing roles from the lists
// with the arrow keys, finding routes and saving one as a plan, with focus always
// visible and moved to each new screen's heading.
import { expect, test, type Page } from "@playwright/test";
import { waitForApp } from "./support/app";

/** Presses Tab until the focused element matches, failing after `limit` presses. */
async function tabTo(page: Page, isTarget: () => boolean, limit = 60): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(isTarget)) return;
  }
  throw new Error("the element was not reached with the Tab key");
}

/** The focused element's accessible text, roughly: its label, text or id. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element) return "";
    return element.id || element.innerText || element.getAttribute("aria-label") || element.tagName;
  });
}

test("the skip link is the first thing the keyboard reaches and jumps to the content", async ({ page }) => {
  await page.goto("./");
  await waitForApp(page);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  await page.keyboard.press("Enter");
  expect(await focused(page)).toBe("main-content");
});

test("finding a route and saving it as a plan works with the keyboard alone", async ({ page }) => {
  await page.goto("./");
  await waitForApp(page);

  await tabTo(page, () => document.activeElement?.id === "current-role");
  await page.keyboard.type("registered nurse");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("option", { name: /^Registered nurse/ })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("combobox", { name: "Current role" })).toHaveValue("Registered nurse");

  await tabTo(page, () => document.activeElement?.id === "target-role");
  await page.keyboard.type("CNIO");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("combobox", { name: "Target role" })).toHaveValue("Chief nursing information officer");

  // Enter in the box, with the list closed, submits the form.
  await page.keyboard.press("Enter");
  await expect(page).toHaveTitle(/Your routes/);
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();

  await tabTo(page, () => (document.activeElement as HTMLElement | null)?.innerText === "Save as plan");
  const outline = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement as Element);
    return `${style.backgroundColor} ${style.outlineStyle} ${style.boxShadow}`;
  });
  // The NHS focus style: yellow background on buttons.
  expect(outline).toContain("rgb(255, 235, 59)");
  await page.keyboard.press("Enter");
  await expect(page).toHaveTitle(/^Plan –/);
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Registered nurse to Chief nursing information officer");
});

test("Escape closes the list of matching roles without choosing one", async ({ page }) => {
  await page.goto("./");
  const input = page.getByRole("combobox", { name: "Current role" });
  await input.focus();
  await page.keyboard.type("analyst");
  await expect(input).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Escape");
  await expect(input).toHaveAttribute("aria-expanded", "false");
  await expect(input).toHaveValue("analyst");
});
