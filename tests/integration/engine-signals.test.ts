import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action, type apiClient, openSocket } from "./helpers/api";
import { clientFor, keyFor, startEngine } from "./helpers/engine-fixture";
import type { RunningProcess } from "./helpers/processes";

let engine: RunningProcess;
let call: ReturnType<typeof apiClient>;

beforeAll(async () => {
  const started = await startEngine();
  engine = started.proc;
  call = clientFor(engine, keyFor(started.databaseUrl, "signals"));
});

afterAll(async () => {
  await engine?.stop();
});

const SAM = "You are Sam, a support engineer for billing and login issues.";

async function thread(social: boolean) {
  const res = await call<{ thread: { id: string }; realtime: { connect_url: string } }>(
    action("open_thread"),
    social ? { integrations: { social_signals: {} } } : {},
  );
  const socket = await openSocket(res.body.realtime.connect_url);
  await socket.waitFor((f) => f[0]?.type === "attached");
  return { id: res.body.thread.id, socket };
}

const submit = (threadId: string, messages: { sender: string; content: string; client_ts?: string }[]) =>
  call<{ decision: string; turn_epoch: number; tags: string[] }>(action("submit_messages"), {
    thread_id: threadId,
    messages,
    agent_name: "Sam",
    system_prompt: SAM,
  });

const event = (threadId: string, type: string, sender: string) =>
  call(action("record_event"), { thread_id: threadId, type, sender });

const signals = (frames: { type: string; data?: Record<string, unknown> }[]) =>
  frames.filter((f) => f.type === "turn_taking.signal").map((f) => `${f.data?.kind}:${f.data?.user_id}`);

async function agentReply(threadId: string, epoch: number, content: string) {
  await call(action("respond"), {
    thread_id: threadId,
    turn_epoch: epoch,
    content,
    pacing: { max_typing_ms: 50 },
  });
}

for (const social of [true, false]) {
  describe(social ? "with social_signals" : "without social_signals", () => {
    it(
      social ? "sends typing_started, typing_abandoned and message_edited signals" : "sends no signal frames",
      async () => {
        const { id, socket } = await thread(social);
        await event(id, "typing_start", "Ana");
        await event(id, "typing_stop", "Ana"); // stopped without sending: abandoned
        await event(id, "typing_start", "Bo");
        await submit(id, [{ sender: "Bo", content: "sent it" }]);
        await event(id, "typing_stop", "Bo"); // sent before stopping: not abandoned
        await event(id, "message_edited", "Bo");
        await new Promise((r) => setTimeout(r, 300));
        expect(signals(socket.frames)).toEqual(
          social
            ? ["typing_started:Ana", "typing_abandoned:Ana", "typing_started:Bo", "message_edited:Bo"]
            : [],
        );
        socket.close();
      },
    );

    it(social ? "tags fast, burst, edited and comeback batches" : "returns no tags", async () => {
      const { id, socket } = await thread(social);
      const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
      const first = await submit(id, [
        { sender: "Ana", content: "Sam, my invoice is wrong", client_ts: ago(20 * 60_000) },
      ]);
      expect(first.body.tags).toEqual([]);
      await agentReply(id, first.body.turn_epoch, "Sorry about that Ana. Which invoice number is it?");
      await socket.waitFor((f) => f.some((x) => x.type === "turn_taking.typing" && x.data?.typing === false));

      const quick = await submit(id, [{ sender: "Ana", content: "INV-204" }]);
      expect(quick.body.tags.includes("fast")).toBe(social);
      expect(quick.body.tags.includes("comeback")).toBe(social);

      const burst = await submit(id, [
        { sender: "Ana", content: "also" },
        { sender: "Ana", content: "the date" },
      ]);
      expect(burst.body.tags.includes("burst")).toBe(social);

      await event(id, "message_edited", "Ana");
      const edited = await submit(id, [{ sender: "Ana", content: "sorry, INV-240" }]);
      expect(edited.body.tags.includes("edited")).toBe(social);

      const plain = await submit(id, [{ sender: "Bo", content: "unrelated, lunch later?" }]);
      expect(plain.body.tags).not.toContain("edited");
      expect(plain.body.tags).not.toContain("comeback");
      socket.close();
    });

    it(
      social
        ? "signals went_silent when an addressed participant never answers"
        : "never signals went_silent",
      async () => {
        const { id, socket } = await thread(social);
        const first = await submit(id, [
          { sender: "Ana", content: "hi all" },
          { sender: "Bo", content: "Sam, can you help with a login issue?" },
        ]);
        await agentReply(
          id,
          first.body.turn_epoch,
          "Sure Bo, what error do you see? Ana, are you affected too?",
        );
        await socket.waitFor((f) =>
          f.some((x) => x.type === "turn_taking.typing" && x.data?.typing === false),
        );
        // Bo answers in time; Ana never does.
        await submit(id, [{ sender: "Bo", content: "it says token expired" }]);
        await new Promise((r) => setTimeout(r, 2_500));
        expect(signals(socket.frames)).toEqual(social ? ["went_silent:Ana"] : []);
        socket.close();
      },
    );
  });
}

describe("typing informs the decision", () => {
  it("records a typing factor while another person is typing", async () => {
    const { id, socket } = await thread(false);
    await event(id, "typing_start", "Bo");
    const res = await submit(id, [{ sender: "Ana", content: "does anyone know how billing cycles work?" }]);
    const projection = await call<{ decisions: { turn_epoch: number; reasons: { factor: string }[] }[] }>(
      "/v1/turn-taking/projections/decisions",
      { thread_id: id },
    );
    const decision = projection.body.decisions.find((d) => d.turn_epoch === res.body.turn_epoch);
    expect(decision?.reasons.map((r) => r.factor)).toContain("others_typing");
    socket.close();
  });

  it("exposes reasons for every decision through the projection", async () => {
    const { id, socket } = await thread(false);
    for (const content of ["Sam, can you check my invoice?", "thanks!", "Bo, lunch at noon?"]) {
      await submit(id, [{ sender: "Ana", content }]);
    }
    const projection = await call<{
      decisions: { decision: string; score: number; reasons: { factor: string; weight: number }[] }[];
    }>("/v1/turn-taking/projections/decisions", { thread_id: id });
    expect(projection.body.decisions).toHaveLength(3);
    for (const d of projection.body.decisions) {
      expect(d.reasons.length).toBeGreaterThan(0);
      for (const r of d.reasons)
        expect(r).toMatchObject({ factor: expect.any(String), weight: expect.any(Number) });
      expect(d.score).toBeGreaterThanOrEqual(0);
      expect(d.score).toBeLessThanOrEqual(1);
    }
    expect(projection.body.decisions.map((d) => d.decision)).toEqual(["speak", "stay_silent", "stay_silent"]);

    const recent = await call<{ decisions: { turn_epoch: number }[] }>(
      "/v1/turn-taking/projections/decisions",
      {
        thread_id: id,
        from_epoch: 2,
      },
    );
    expect(recent.body.decisions.map((d) => d.turn_epoch)).toEqual([2, 3]);
    const bad = await call<{
      error: { code: string; details: { loc: (string | number)[]; type: string }[] };
    }>("/v1/turn-taking/projections/decisions", { thread_id: id, from_epoch: -1 });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe("validation_failed");
    expect(bad.body.error.details.map((d) => [d.loc, d.type])).toEqual([
      [["from_epoch"], "greater_than_equal"],
    ]);
    socket.close();
  });
});
