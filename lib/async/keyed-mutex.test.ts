import { describe, expect, it } from "vitest";
import { KeyedMutex } from "./keyed-mutex";

describe("KeyedMutex", () => {
  it("runs work on one key one at a time, in call order", async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    const job = (name: string, ms: number) =>
      mutex.run("t", async () => {
        log.push(`start ${name}`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`end ${name}`);
      });
    await Promise.all([job("a", 20), job("b", 1), job("c", 5)]);
    expect(log).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
  });

  it("keeps going after a failure and lets other keys run in parallel", async () => {
    const mutex = new KeyedMutex();
    await expect(mutex.run("t", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await mutex.run("t", async () => 1)).toBe(1);
    let otherRan = false;
    const slow = mutex.run("a", () => new Promise((r) => setTimeout(r, 30)));
    await mutex.run("b", async () => {
      otherRan = true;
    });
    expect(otherRan).toBe(true);
    await slow;
  });
});
