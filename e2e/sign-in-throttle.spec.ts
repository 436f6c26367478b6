import { expect, test } from "@playwright/test";
import { AuthPages } from "./pages/auth";

test("repeated wrong passwords are throttled, and the form says how long to wait", async ({ page }) => {
  const auth = new AuthPages(page);
  const email = `throttled-${Date.now()}@example.com`;
  // Five failures per e-mail are allowed in the window (AUTH_FAILURES_PER_ACCOUNT).
  for (let i = 0; i < 5; i++) {
    await auth.signIn(email, "wrong password");
    await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
  }
  await auth.signIn(email, "wrong password");
  await expect(
    page.getByText(/Too many sign-in attempts\. Try again in \d+ (minutes|seconds)\./),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});
