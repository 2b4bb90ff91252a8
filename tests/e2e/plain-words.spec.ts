// Plain words for evidence: every grade has its explanation next to it, open to touch,
// keyboard and screen readers alike, and nothing is explained only in a tooltip.
import { expect, test } from "@playwright/test";
import { waitForApp } from "./support/app";

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

test("every evidence grade on a route opens to say what it means for that move", async ({ page }) => {
  await page.goto("./#/routes/registered-nurse/chief-nursing-information-officer");
  await waitForApp(page);
  const grades = page.locator(".fh-evidence");
  expect(await grades.count()).toBeGreaterThan(0);
  for (const grade of await grades.all()) {
    await expect(grade.locator("details summary")).toContainText("What this means");
  }
  const first = grades.first();
  await first.locator("summary").tap();
  await expect(first.locator(".fh-evidence__text")).toBeVisible();
  // No grade or explanation hides in a title attribute.
  await expect(page.locator("main [title]")).toHaveCount(0);
  await expect(page.getByText("Weakest evidence on this route")).toHaveCount(0);
  await expect(page.getByText("What bands mean").first()).toBeVisible();
});

test("About the data explains the words Foothold uses", async ({ page }) => {
  await page.goto("./#/about");
  await waitForApp(page);
  await expect(page.getByRole("heading", { name: "Words Foothold uses" })).toBeVisible();
  await expect(page.getByRole("term").filter({ hasText: "DCB0129 and DCB0160" })).toBeVisible();
});
