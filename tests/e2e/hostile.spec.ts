// Hostile input, end to end: addresses the hash router cannot read, JavaScript errors
// during start-up and routing, bad import files and hostile share links that must leave
// local storage exactly as it was, storage that fills up and frees again, and closing a
// tab whose edits are not saved.
import { expect, test, type Page } from "@playwright/test";
import { deflateRawSync } from "node:zlib";
import { waitForApp } from "./support/app";

/** Every key and value in local storage. */
async function storage(page: Page): Promise<Record<string, string | null>> {
  return page.evaluate(() =>
    Object.fromEntries(Object.keys(localStorage).map((key) => [key, localStorage.getItem(key)])),
  );
}

/** Saves the best registered nurse to CNIO route as a plan and waits for its screen. */
async function savePlan(page: Page): Promise<void> {
  await page.goto("./");
  await waitForApp(page);
  for (const [label, typed, option] of [
    ["Current role", "nurse", /^Registered nurse/],
    ["Target role", "CNIO", /^Chief nursing information officer/],
  ] as const) {
    await page.getByRole("combobox", { name: label }).fill(typed);
    await page.getByRole("option", { name: option }).first().click();
  }
  await page.getByRole("button", { name: "Find routes" }).click();
  await page.getByRole("button", { name: "Save as plan" }).first().click();
  await expect(page).toHaveTitle(/^Plan –/);
}

/** A share link's fragment holding `value` as JSON, packed as the app packs plans. */
function shareFragment(value: unknown): string {
  return `#/shared/${deflateRawSync(Buffer.from(JSON.stringify(value))).toString("base64url")}`;
}

/** A plan of `steps` steps back and forth between two roles. */
function longPlan(steps: number) {
  const roles = ["registered-nurse", "digital-nurse"];
  return {
    id: "p-1-abc",
    name: "Long",
    created: "2026-01-05",
    start: roles[0],
    target: roles[steps % 2],
    steps: Array.from({ length: steps }, (_, i) => ({ from: roles[i % 2], to: roles[(i + 1) % 2] })),
    data_version: "2026.11.0",
  };
}

const notFound = ["#//", "#///", "#//[", "#//%zz", "#/\\", "#//evil.example/x", `#/${"a".repeat(50_000)}`];

test.describe("addresses the router cannot read", () => {
  for (const hash of notFound) {
    test(`opening ${hash.slice(0, 20)} ends on the page-not-found screen`, async ({ page }) => {
      await page.goto(`./${hash}`);
      await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
      await waitForApp(page);
    });
  }

  test("an address without a screen opens the start screen", async ({ page }) => {
    await page.goto("./#abc");
    await expect(page.getByRole("heading", { level: 1, name: "Plan your route" })).toBeVisible();
    await waitForApp(page);
  });

  test("a very long role address ends on a screen and is not remembered", async ({ page }) => {
    const long = `#/roles/${"x".repeat(50_000)}`;
    await page.goto(`./${long}`);
    await waitForApp(page);
    const saved = await page.evaluate(() => localStorage.getItem("foothold.data") ?? "");
    expect(saved.length).toBeLessThan(5_000);
  });

  test("typing a hostile address into a running app shows page not found, and the app still works", async ({ page }) => {
    await page.goto("./#/roles");
    await waitForApp(page);
    for (const hash of ["#//", "#//[", "#abc", "#"]) {
      await page.evaluate((next) => {
        window.location.hash = next;
      }, hash);
      await expect(page.getByRole("heading", { level: 1, name: /Page not found|Plan your route/ })).toBeVisible();
      await expect(page.locator("[data-foothold-failure]")).toHaveCount(0);
    }
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Roles" }).click();
    await expect(page).toHaveTitle(/^Roles/);
  });
});

/** Makes `new URL(path, base)` throw for one path, as a broken history layer would. */
async function breakUrlFor(page: Page, path: string): Promise<void> {
  await page.addInitScript((broken) => {
    const RealUrl = URL;
    class BrokenUrl extends RealUrl {
      constructor(url: string | URL, base?: string | URL) {
        if (base !== undefined && url === broken) throw new TypeError("Failed to construct 'URL'");
        super(url, base);
      }
    }
    window.URL = BrokenUrl;
  }, path);
}

test("a JavaScript error during start-up shows the failure message, not a loading line", async ({ page }) => {
  await breakUrlFor(page, "/");
  await page.goto("./#/");
  const failure = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "Sorry, Foothold stopped working." }) });
  await expect(failure).toBeVisible();
  await expect(failure.getByRole("button", { name: "Reload" })).toBeVisible();
  await expect(page.getByText("Loading Foothold…").filter({ visible: true })).toHaveCount(0);
});

test("a JavaScript error while changing screen shows the failure message", async ({ page }) => {
  await breakUrlFor(page, "/roles");
  await page.goto("./#/");
  await waitForApp(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Roles" }).click();
  await expect(page.getByRole("heading", { name: "Sorry, Foothold stopped working." })).toBeVisible();
});

test("bad import files are refused with a message and leave local storage exactly as it was", async ({ page }) => {
  await savePlan(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Your data" }).click();
  await expect(page.getByLabel("Choose a file to import")).toBeVisible();
  const before = await storage(page);
  const envelope = (data: unknown) =>
    JSON.stringify({ app: "foothold", schema: 2, kind: "export", scope: "everything", data_version: "2026.11.0", saved_at: "2026-11-25T09:30:00Z", generation: 0, data });
  const files: [string, string, RegExp][] = [
    ["ten thousand steps", envelope({ plans: [longPlan(10_000)] }), /at most 50/],
    ["no pace", envelope({ pace: { "part-time": 0 } }), /working pace is 0% of full time/],
    ["too fast", envelope({ pace: { "part-time": 255 } }), /working pace is 255% of full time/],
    ["huge value", envelope({ pace: "x".repeat(200_000) }), /damaged/],
    ["not json", "{ this is not json", /not in the JSON format/],
  ];
  for (const [name, text, message] of files) {
    await page.getByLabel("Choose a file to import").setInputFiles({
      name: `${name}.json`,
      mimeType: "application/json",
      buffer: Buffer.from(text),
    });
    const alert = page.getByRole("alert").filter({ hasText: "That file was not imported" });
    await expect(alert).toContainText(message);
    expect((await alert.innerText()).length).toBeLessThan(700);
    expect(await storage(page)).toEqual(before);
  }
});

test("hostile share links show a message or the plan and leave local storage exactly as it was", async ({ page }) => {
  await savePlan(page);
  const before = await storage(page);
  const links: [string, string, RegExp][] = [
    [shareFragment({ v: 1, plan: longPlan(10_000) }), "This share link does not work", /at most 50|unpacks to far more/],
    [`#/shared/${deflateRawSync(Buffer.alloc(40 * 1024 * 1024)).toString("base64url")}`, "This share link does not work", /unpacks to far more than a plan/],
    ["#/shared/!!!not-base64!!!", "This share link does not work", /incomplete or has been changed/],
    [
      shareFragment({ v: 1, plan: { ...longPlan(1), id: "p-1\r\nATTACH:https://evil.example/x", name: "<img src=x onerror=alert(1)>" } }),
      "<img src=x onerror=alert(1)>",
      /shared with you/,
    ],
  ];
  for (const [fragment, heading, words] of links) {
    await page.goto(`./${fragment}`);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(page.getByText(words)).toBeVisible();
    expect(await storage(page)).toEqual(before);
  }
});

/** Fills local storage until the browser refuses more. */
async function fillStorage(page: Page): Promise<void> {
  await page.evaluate(() => {
    const chunk = "x".repeat(256 * 1024);
    for (let i = 0; ; i++) {
      try {
        localStorage.setItem(`filler.${i}`, chunk);
      } catch {
        break;
      }
    }
    // Then whatever small room is left.
    for (const size of [1024, 16, 1]) {
      for (let i = 0; ; i++) {
        try {
          localStorage.setItem(`filler.${size}.${i}`, "x".repeat(size));
        } catch {
          break;
        }
      }
    }
  });
}

async function freeStorage(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith("filler.")) localStorage.removeItem(key);
    }
  });
}

test("saving resumes by itself once storage has room again", async ({ page }) => {
  await savePlan(page);
  const notSaved = page.getByRole("alert").filter({ hasText: "Your latest changes are not saved" });

  // When the page is shown again.
  await fillStorage(page);
  // Longer than anything the app can free by dropping older saved versions.
  const long = "x".repeat(3_000);
  await page.getByLabel("Notes for step 1").fill(`Written while storage was full ${long}`);
  await expect(notSaved).toBeVisible();
  await freeStorage(page);
  await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
  await expect(notSaved).toBeHidden();
  expect(await page.evaluate(() => localStorage.getItem("foothold.data"))).toContain("Written while storage was full");

  // And on a timer, with nothing else happening.
  await fillStorage(page);
  await page.getByLabel("Notes for step 1").fill(`Written while storage was full again ${"y".repeat(4_000)}`);
  await expect(notSaved).toBeVisible();
  await freeStorage(page);
  await expect(notSaved).toBeHidden({ timeout: 30_000 });
  expect(await page.evaluate(() => localStorage.getItem("foothold.data"))).toContain("Written while storage was full again");
});

test("a tab warned about another tab says its edits are not saved, and asks before closing with unsaved edits", async ({ context }) => {
  const first = await context.newPage();
  await savePlan(first);
  const planAddress = first.url();
  const second = await context.newPage();
  await second.goto(planAddress);
  await expect(second.getByLabel("Notes for step 1")).toBeVisible();

  await first.getByLabel("Notes for step 1").fill("Written in the first tab");
  const warning = second.getByRole("alert").filter({ has: second.getByRole("heading", { name: "Foothold was changed in another tab" }) });
  await expect(warning).toContainText("Changes made in this tab are not saved");

  // An edit in the warned tab is not saved over the other tab's...
  await second.getByLabel("Notes for step 1").click();
  await second.getByLabel("Notes for step 1").fill("Written in the second tab");
  await expect(warning).toBeVisible();
  expect(await second.evaluate(() => localStorage.getItem("foothold.data"))).not.toContain("Written in the second tab");

  // ...so closing that tab asks first.
  const asked = second.waitForEvent("dialog");
  await second.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe("beforeunload");
  await dialog.dismiss();
  await expect(second.getByLabel("Notes for step 1")).toHaveValue("Written in the second tab");

  // A tab whose edits are all saved closes without asking.
  await first.getByLabel("Notes for step 1").click();
  let askedFirst = false;
  first.on("dialog", async (d) => {
    askedFirst = true;
    await d.accept();
  });
  const closed = first.waitForEvent("close");
  await first.close({ runBeforeUnload: true });
  await closed;
  expect(askedFirst).toBe(false);
});
