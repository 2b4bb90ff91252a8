// End-to-end tests run against the release build in dist/, served on 127.0.0.1 the way
// a static host would serve it (precompressed files, no server-side rewrites). They use
// the system Chromium; Playwright's own browser downloads are never needed.
import { defineConfig } from "@playwright/test";

const port = Number(process.env.FOOTHOLD_E2E_PORT || 4173);
const bench = Boolean(process.env.FOOTHOLD_BENCH);

export const chromiumArgs = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  // Benchmarks (tagged @bench) run only from scripts/bench.sh, never as pass/fail tests.
  grep: bench ? /@bench/ : undefined,
  grepInvert: bench ? undefined : /@bench/,
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: bench ? 10 * 60_000 : 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    headless: true,
    launchOptions: {
      executablePath: process.env.FOOTHOLD_CHROMIUM || "/usr/bin/chromium",
      args: chromiumArgs,
    },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  webServer: {
    command: `node scripts/serve-dist.mjs --root dist --port ${port} --quiet`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
