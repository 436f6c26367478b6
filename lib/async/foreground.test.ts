import { describe, expect, it } from "vitest";
import { Foreground } from "./foreground";

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe("Foreground", () => {
  it("lets background work through at once when nothing is in flight", async () => {
    const fg = new Foreground();
    let through = false;
    void fg.clear(1000).then(() => (through = true));
    await tick();
    expect(through).toBe(true);
  });

  it("holds background work until the last foreground work ends, then lets it all through", async () => {
    const fg = new Foreground();
    const order: string[] = [];
    let finishA!: () => void;
    let finishB!: () => void;
    const a = fg.run(() => new Promise<void>((r) => (finishA = r)).then(() => order.push("a")));
    const b = fg.run(() => new Promise<void>((r) => (finishB = r)).then(() => order.push("b")));
    const waited = fg.clear(5000).then(() => order.push("background"));
    await tick(5);
    finishA();
    await a;
    await tick(5);
    expect(order).toEqual(["a"]);
    expect(fg.busy).toBe(true);
    finishB();
    await Promise.all([b, waited]);
    expect(order).toEqual(["a", "b", "background"]);
    expect(fg.busy).toBe(false);
  });

  it("never holds background work longer than its bound, and a failed foreground still counts as done", async () => {
    const fg = new Foreground();
    let finish!: () => void;
    const stuck = fg.run(() => new Promise<void>((r) => (finish = r)));
    const started = Date.now();
    await fg.clear(40);
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
    finish();
    await stuck;
    await expect(fg.run(() => Promise.reject(new Error("no")))).rejects.toThrow("no");
    expect(fg.busy).toBe(false);
  });
});
