// Registrations and qualifications travel with the person: what they tick under "What I
// already have" opens or closes routes, each step says which registration it relies on,
// "no route" lists what is missing and how people get it, and a saved plan whose route
// no longer holds says so and keeps everything.
import { expect, test, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { waitForApp } from "./support/app";

/** Opens the app at a screen (a hash such as "#/plans") and waits for its heading. */
async function open(page: Page, hash = ""): Promise<void> {
  await page.goto(`./${hash}`);
  await waitForApp(page);
}

test("a data analyst is told which registration digital pharmacist needs and how people get it", async ({ page }) => {
  await open(page, "#/routes/data-analyst/digital-pharmacist");
  await expect(page.getByRole("heading", { name: "No route found" })).toBeVisible();
  const missing = page.getByRole("list", { name: "It needs" }).getByRole("listitem").first();
  await expect(missing).toContainText("Registration as a pharmacist");
  await expect(missing).toContainText("General Pharmaceutical Council (GPhC)");
  await expect(missing).toContainText("How people get it:");
  await expect(page.getByRole("list", { name: "Routes" })).toHaveCount(0);
});

test("a healthcare scientist is routed through the Scientist Training Programme until they tick registration as a clinical scientist", async ({ page }) => {
  // Unregistered, the only way in is training that ends in registration.
  await open(page, "#/routes/healthcare-scientist/clinical-informatician");
  const first = page.getByRole("list", { name: "Routes" }).getByRole("article").first();
  await expect(first).toContainText("Clinical scientist in informatics");
  await expect(first).toContainText("Gives you: registration as a clinical scientist (HCPC)");

  await page.getByRole("link", { name: "Mark what you already have" }).click();
  await expect(page.getByRole("heading", { name: "Registrations and qualifications" })).toBeVisible();
  const group = page.getByRole("group", { name: "Held with Health and Care Professions Council (HCPC)" });
  const scientist = group.getByRole("checkbox", { name: "Registration as a clinical scientist", exact: true });
  await scientist.check();
  await expect(scientist).toBeChecked();

  // Registered, the direct move relies on it and needs no retraining.
  await page.getByRole("link", { name: "See your routes with these changes" }).first().click();
  const best = page.getByRole("list", { name: "Routes" }).getByRole("article").first();
  await expect(best).toBeVisible();
  await expect(best).toContainText("Relies on your registration as a clinical scientist (HCPC)");
  await expect(best).not.toContainText("Gives you");

  // The choice is kept on the device.
  await page.reload();
  await waitForApp(page);
  await expect(page.getByRole("list", { name: "Routes" }).getByRole("article").first()).toContainText(
    "Relies on your registration as a clinical scientist (HCPC)",
  );
});

test("a saved plan whose route no longer holds says so, keeps its steps and notes, and offers to plan again", async ({ page }) => {
  const fixture = JSON.parse(await readFile("tests/fixtures/store/v2.json", "utf8"));
  // A plan saved when an administrator could move straight to data scientist: that move
  // is not in the data.
  const plan = fixture.data.plans[0];
  plan.start = "administrator";
  plan.target = "data-scientist";
  plan.steps = [
    {
      from: "administrator",
      to: "data-scientist",
      status: "in-progress",
      notes: "Shadow the data science team on Tuesdays",
    },
  ];
  await open(page);
  await page.evaluate((text) => localStorage.setItem("foothold.data", text), JSON.stringify(fixture));
  // Reloading makes the app read the seeded data as if it had been saved earlier.
  await page.goto("./#/plans");
  await page.reload();
  await waitForApp(page);
  const card = page.getByRole("article", { name: plan.name });
  await expect(card).toContainText("This route is no longer one Foothold can recommend.");
  // The other saved plan still holds, so it says nothing of the kind.
  await expect(page.getByRole("article", { name: fixture.data.plans[1].name })).not.toContainText("no longer");
  await open(page, `#/plans/${plan.id}`);

  const notice = page.getByRole("region", { name: "This route is no longer one Foothold can recommend" });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("Step 1: the move from Administrator to Data scientist is no longer in the role data.");
  await expect(notice).toContainText("Your steps and notes are kept.");
  await expect(page.getByLabel("Notes for step 1")).toHaveValue("Shadow the data science team on Tuesdays");
  await expect(page.getByLabel("Status of step 1")).toHaveValue("In progress");

  await notice.getByRole("link", { name: "Plan this route again" }).click();
  await expect(page).toHaveTitle(/Your routes/);
  await expect(page.getByRole("list", { name: "Routes" }).getByRole("article").first()).toBeVisible();
  // Nothing was dropped on the way.
  await open(page, `#/plans/${plan.id}`);
  await expect(page.getByLabel("Notes for step 1")).toHaveValue("Shadow the data science team on Tuesdays");
});
