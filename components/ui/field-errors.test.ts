import { describe, expect, it } from "vitest";
import { registerSchema } from "@/lib/auth/schemas";
import { visibleFieldError } from "./field-errors";

const checkEmail = (value: string) => () =>
  registerSchema.shape.email.safeParse(value).error?.issues[0]?.message;

describe("visibleFieldError", () => {
  it("shows the server's error until the field is edited", () => {
    expect(visibleFieldError("An account with this email already exists.", false, checkEmail("a@b.co"))).toBe(
      "An account with this email already exists.",
    );
  });

  it("clears as soon as the edited value is valid, and keeps saying what is still wrong", () => {
    expect(visibleFieldError("Enter a valid email address", true, checkEmail("ana@"))).toBe(
      "Enter a valid email address",
    );
    expect(
      visibleFieldError("Enter a valid email address", true, checkEmail("ana@example.com")),
    ).toBeUndefined();
  });

  it("never invents an error the server did not give", () => {
    expect(visibleFieldError(undefined, true, checkEmail("not an email"))).toBeUndefined();
  });
});
