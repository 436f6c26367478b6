import { describe, expect, it, vi } from "vitest";
import { onShutdown, runShutdownHooks } from "./shutdown-hooks";

describe("shutdown hooks", () => {
  it("runs every hook to the end, even when one fails", async () => {
    const done: string[] = [];
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    onShutdown(async () => {
      throw new Error("disk gone");
    });
    onShutdown(async () => {
      await new Promise((r) => setTimeout(r, 10));
      done.push("flushed");
    });
    await runShutdownHooks();
    expect(done).toEqual(["flushed"]);
    expect(error).toHaveBeenCalledWith("shutdown:", expect.any(Error));
    error.mockRestore();
  });
});
