// Cost and entry where choices are made, on a 390×844 touch phone: route cards, the
// "Where could you go?" list, route steps and saved plan steps say whether a degree is
// needed and what the training costs the person, with "Paid while you train" on
// apprenticeships; the screens stay free of axe-core violations.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { waitForApp } from "./support/app";

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

async function open(page: Page, hash: string): Promise<void> {
  await page.goto(`./${hash}`);
  await waitForApp(page);
}

async function expectNoViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  const found = results.violations.map(
    (violation) => `${screen}: ${violation.id} (${violation.help}) at ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
  );
  expect(found).toEqual([]);
}

const apprenticeship = "Data technician apprenticeship (level 3)";

test("an apprenticeship route says paid while you train on its card, its step and the saved plan", async ({ page }) => {
  await open(page, "#/routes/administrator/data-technician");
  const card = page.getByRole("article", { name: /^Route 1/ });
  await expect(card.getByRole("definition").filter({ hasText: /^Paid while you train$/ })).toBeVisible();
  await expect(card.getByRole("definition").filter({ hasText: /^No degree needed$/ })).toBeVisible();

  const helps = card.getByRole("list", { name: "What helps" });
  const item = helps.getByRole("listitem").filter({ hasText: apprenticeship });
  await expect(item).toContainText("Paid while you train");
  await item.getByText(`Cost, entry and length: ${apprenticeship}`).tap();
  await expect(item.getByRole("definition").filter({ hasText: /employed and paid at least the minimum wage/ })).toBeVisible();
  await expect(item.getByRole("term")).toHaveText(["Cost to you", "Degree", "Who it is for", "Length", "Status"]);
  await expectNoViolations(page, "apprenticeship route");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await card.getByRole("button", { name: "Save as plan" }).tap();
  await expect(page).toHaveTitle(/^Plan –/);
  const step = page.getByRole("region", { name: /^Step 1: Data technician/ });
  const planHelps = step.getByRole("list", { name: "What helps" });
  await expect(planHelps.getByRole("listitem").filter({ hasText: apprenticeship })).toContainText("Paid while you train");
  await planHelps.getByText(`Cost, entry and length: ${apprenticeship}`).tap();
  await expect(planHelps.getByRole("term").first()).toHaveText("Cost to you");
  await expectNoViolations(page, "saved apprenticeship plan");
});

test("the where-could-you-go list says what each route costs and whether it needs a degree", async ({ page }) => {
  await open(page, "#/explore/administrator");
  const entry = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Data technician", exact: true }) });
  await expect(entry).toContainText("No degree needed. Paid while you train.");
  await expectNoViolations(page, "explore");
});

test("the nursing degree apprenticeship route earns the degree while paid", async ({ page }) => {
  await open(page, "#/routes/healthcare-support-worker/registered-nurse");
  const card = page.getByRole("article", { name: /^Route 1/ });
  await expect(card.getByRole("definition").filter({ hasText: /^Degree earned while paid$/ })).toBeVisible();
  await expect(card).toContainText("you earn a degree while paid");
});
