// A saved plan on a touch phone: the pace asked where the finish is shown, an
// appraisal-ready print, and a mentor's view of a shared plan.
import { expect, test, type Page } from "@playwright/test";
import { waitForApp } from "./support/app";

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

/** Saves the best route from nurse to CNIO as a plan and waits for the plan screen. */
async function savePlan(page: Page): Promise<void> {
  await page.goto("./#/routes/registered-nurse/chief-nursing-information-officer");
  await waitForApp(page);
  await page.getByRole("button", { name: "Save as plan" }).first().tap();
  await expect(page).toHaveTitle(/^Plan –/);
}

test("the printed plan carries the person's name, the date and a true reason for the route", async ({ page }) => {
  await savePlan(page);
  await page.getByLabel("Your name on the printed plan (optional)").fill("Sam Patel");
  await page.getByLabel("Your name on the printed plan (optional)").blur();
  await page.emulateMedia({ media: "print" });
  const printed = page.locator(".fh-print-only");
  await expect(printed).toBeVisible();
  await expect(printed.getByRole("definition").filter({ hasText: "Sam Patel" })).toBeVisible();
  await expect(printed).toContainText("Chosen by the person from the routes Foothold suggested");
  await expect(printed).not.toContainText("Chosen for");
  await expect(printed).toContainText("This is Sam Patel's own plan");
  await expect(printed).toContainText(/Made with Foothold, role data version \S+ \(facts last checked/);

  // Typed once: the name is there for the next plan too, after a reload.
  await page.emulateMedia({ media: "screen" });
  await page.reload();
  await waitForApp(page);
  await expect(page.getByLabel("Your name on the printed plan (optional)")).toHaveValue("Sam Patel");
});

test("a mentor sees the whole shared plan, who shared it and when, and can print it", async ({ page, context }) => {
  await savePlan(page);
  await page.getByLabel("Your name on the printed plan (optional)").fill("Sam Patel");
  await page.getByLabel("Notes for step 1").fill("Ask the digital team about a super-user role");
  await page.getByLabel("Notes for step 1").blur();
  await page.getByRole("button", { name: "Share link" }).tap();
  const link = await page.getByLabel("Share link").inputValue();
  expect(link).toContain("#/shared/");

  const other = await context.browser()!.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const mentor = await other.newPage();
  await mentor.goto(link);
  await waitForApp(mentor);
  await expect(mentor.getByText(/^Shared by Sam Patel on \d{1,2} \w+ \d{4}\.$/)).toBeVisible();
  await expect(mentor.getByRole("button", { name: "Print" })).toBeVisible();
  await expect(mentor.getByText("Ask the digital team about a super-user role")).toBeVisible();
  await expect(mentor.getByText("Skills this move asks for").first()).toBeVisible();
  await expect(mentor.getByText("Development that helps").first()).toBeVisible();
  await expect(mentor.getByText(/Status: Not started/).first()).toBeVisible();
  await expect(mentor.getByText(/could be finished around/)).toBeVisible();
  await other.close();
});

test("the plan asks about pace (alongside my job, part time or full time) where it shows the projected finish", async ({ page }) => {
  await savePlan(page);
  const finish = page.locator(".fh-plan-finish");
  await expect(finish).toHaveText(/^Working on it alongside your job, you could finish around \w+ \d{4} \(\d+ months? from now\)\.$/);
  await page.getByText("Change how you work on it").tap();
  await page.getByRole("radio", { name: "Part time" }).check();
  await expect(finish).toContainText("part time, at 60% of a full-time week");
  const partTime = await finish.innerText();
  await page.getByRole("radio", { name: "Full time" }).check();
  await expect(finish).toContainText("full time, at the short end of each move's typical time");
  expect(await finish.innerText()).not.toBe(partTime);
  await page.getByRole("radio", { name: "Alongside my job" }).check();
  await expect(finish).toContainText("alongside your job");
});

test("saving the same route twice asks first, shows the saved state, and Cancel opens the plan saved before", async ({ page }) => {
  await savePlan(page);
  await expect(page.getByRole("region", { name: "Notice" })).toContainText("to your plans, on this device.");
  await expect(page.getByText(/^Saved on this device/)).toBeVisible();
  const first = page.url();
  await page.goto("./#/routes/registered-nurse/chief-nursing-information-officer");
  await waitForApp(page);
  let question = "";
  page.once("dialog", async (dialog) => {
    question = dialog.message();
    await dialog.dismiss();
  });
  await page.getByRole("button", { name: "Save as plan" }).first().tap();
  await expect(page).toHaveURL(first);
  expect(question).toContain("You already saved this route as");
  await page.goto("./#/plans");
  await waitForApp(page);
  await expect(page.getByRole("list", { name: "Saved plans" }).locator(":scope > li")).toHaveCount(1);
});

test("a saved plan opens with what to do this month, and ticked actions stay ticked", async ({ page }) => {
  await savePlan(page);
  const thisMonth = page.getByRole("region", { name: "This month" });
  await expect(thisMonth).toBeVisible();
  const first = (await thisMonth.getByRole("listitem").first().innerText()).replace(/ \(step 1: .*\)$/, "");
  expect(first.length).toBeGreaterThan(10);

  const actions = page.getByRole("group", { name: "What to do first for step 1" });
  const box = actions.getByRole("checkbox", { name: first, exact: true });
  await box.check();
  await expect(box).toBeChecked();
  await expect(thisMonth).not.toContainText(first);

  await page.reload();
  await waitForApp(page);
  await expect(
    page.getByRole("group", { name: "What to do first for step 1" }).getByRole("checkbox", { name: first, exact: true }),
  ).toBeChecked();
  await expect(page.getByRole("region", { name: "This month" })).not.toContainText(first);
});

test("routes say what to do first on every step", async ({ page }) => {
  await page.goto("./#/routes/administrator/data-analyst");
  await waitForApp(page);
  const best = page.getByRole("list", { name: "Routes" }).getByRole("article").first();
  await expect(best.getByText("What to do first").first()).toBeVisible();
});
