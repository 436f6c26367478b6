import { expect, test } from "@playwright/test";
import { AuthPages } from "./pages/auth";

test("a guest lands in the app shell, registers, signs out and signs back in", async ({ page }) => {
  const auth = new AuthPages(page);
  await auth.continueAsGuest();
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const link of ["Rooms", "Review", "Settings"])
    await expect(nav.getByRole("link", { name: link })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Rooms", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: /Demo room/ })).toBeVisible();

  await nav.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByText("Guest", { exact: true })).toBeVisible();

  const email = `ada-${Date.now()}@example.com`;
  await auth.register("Ada Lovelace", email, "analytical-engine");
  await expect(page).toHaveURL(/\/rooms$/);
  await page.goto("/settings");
  await expect(page.getByTestId("settings-name")).toHaveText("Ada Lovelace");
  await expect(page.getByText(email)).toBeVisible();

  await auth.signOut();
  await auth.signIn(email, "wrong-password");
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
  await auth.signIn(email, "analytical-engine");
  await expect(page).toHaveURL(/\/rooms$/);
  await page.goto("/settings");
  await expect(page.getByText("Registered")).toBeVisible();
});

test("registration validates input and refuses a taken email", async ({ page }) => {
  const auth = new AuthPages(page);
  await auth.register("", "not-an-email", "short");
  await expect(page.getByText("Enter your name")).toBeVisible();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText("at least 8 characters")).toBeVisible();

  const email = `taken-${Date.now()}@example.com`;
  await auth.register("First", email, "password-one");
  await expect(page).toHaveURL(/\/rooms$/);
  await auth.signOut();
  await auth.register("Second", email, "password-two");
  await expect(page.getByText("already exists")).toBeVisible();
});

test("protected pages redirect to sign-in when signed out", async ({ page }) => {
  for (const path of ["/rooms", "/review", "/settings"]) {
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`/login\\?callbackUrl=.*${path.slice(1)}`));
  }
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});
