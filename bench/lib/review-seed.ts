// Seeds a review benchmark database: rooms of three agents with people talking to them, every
// message heard by each agent (a turn per agent), decisions with realistic reasons JSON,
// credits and bubble times. Bulk multi-row INSERTs in large transactions, on SQLite (libsql)
// or Postgres (pg). Deterministic: a seeded PRNG, so two runs seed the same data.

import type { Client as LibsqlClient, Transaction } from "@libsql/client";
import type pg from "pg";
import { turnReviewColumns } from "../../lib/chat/turn-review-columns";

export interface SeedPlan {
  rooms: number;
  messages: number;
  turns: number;
  /** the data spans this many days, ending now */
  days: number;
}

export interface Seeded {
  userId: string;
  roomIds: string[];
  agentNames: string[];
  /** the room with the most messages (for the timeline and per-room charts) */
  busiestRoomId: string;
}

const AGENT_NAMES = ["Sam", "Maya", "Pip", "Ada", "Lin", "Omar", "Zoe", "Kai", "Noor", "Theo", "Ivy", "Ravi"];
const PEOPLE = ["Alex", "Jordan", "Priya", "Mateo", "Chen", "Fatima"];
const LINES = [
  "Sam, I can't log in to my account, can you help?",
  "What do you all think of the new onboarding screen?",
  "Anyone up for lunch on Friday?",
  "Does anyone know why my invoice shows the wrong amount?",
  "ok thanks",
  "Maya, could you review the layout before the demo?",
  "brb, stepping away for a minute",
  "Pip, any fun ideas for the offsite?",
];
const SPEAK_FACTORS = [
  "addressed_by_name",
  "open_question",
  "relevant_question",
  "problem_report",
  "request",
  "follow_up_question",
  "helper_open_question",
];
const SILENT_FACTORS = [
  "addressed_to_other",
  "acknowledgement",
  "already_answered",
  "agent_spoke_just_before",
  "side_conversation",
  "stepping_away",
  "typing_now",
];
const PROMPT =
  "You are a helpful member of a small team chat. Answer questions about your field briefly, in a friendly tone, and stay quiet when the conversation is between other people or already answered. Only speak up when you add something.";

/** mulberry32: small, fast, seeded. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Row = unknown[];
interface Table {
  name: string;
  columns: string[];
  rows: Row[];
}

export interface SeedTarget {
  provider: "sqlite" | "postgres";
  /** runs one INSERT of many rows */
  insert(table: Table): Promise<void>;
  begin(): Promise<void>;
  commit(): Promise<void>;
}

/** Dates as Prisma keeps them (see lib/chat/review-sql.ts). */
const asStored = (provider: SeedTarget["provider"], ms: number | null) =>
  ms === null
    ? null
    : provider === "sqlite"
      ? new Date(ms).toISOString().replace("Z", "+00:00")
      : new Date(ms).toISOString().replace("Z", "");

export function libsqlTarget(client: LibsqlClient): SeedTarget {
  let tx: Transaction | null = null;
  return {
    provider: "sqlite",
    async insert(t) {
      const one = `(${t.columns.map(() => "?").join(",")})`;
      await (tx ?? client).execute({
        sql: `INSERT INTO "${t.name}" (${t.columns.map((c) => `"${c}"`).join(",")}) VALUES ${t.rows.map(() => one).join(",")}`,
        args: t.rows.flat() as never[],
      });
    },
    async begin() {
      tx = await client.transaction("write");
    },
    async commit() {
      await tx?.commit();
      tx = null;
    },
  };
}

export function pgTarget(client: pg.Client): SeedTarget {
  return {
    provider: "postgres",
    async insert(t) {
      let i = 0;
      const values = t.rows.map((r) => `(${r.map(() => `$${++i}`).join(",")})`).join(",");
      await client.query(
        `INSERT INTO "${t.name}" (${t.columns.map((c) => `"${c}"`).join(",")}) VALUES ${values}`,
        t.rows.flat(),
      );
    },
    begin: () => client.query("BEGIN").then(() => {}),
    commit: () => client.query("COMMIT").then(() => {}),
  };
}

/** Buffers rows per table and writes them in chunks that stay under both databases' parameter limits. */
class Writer {
  private buffers = new Map<string, Table>();
  constructor(private readonly target: SeedTarget) {}
  async add(name: string, columns: string[], row: Row) {
    let t = this.buffers.get(name);
    if (!t) {
      t = { name, columns, rows: [] };
      this.buffers.set(name, t);
    }
    t.rows.push(row);
    // Every table in the order first written (parents before children: foreign keys hold).
    if (t.rows.length * columns.length >= 30_000) await this.flush();
  }
  async flush() {
    for (const t of this.buffers.values()) {
      if (t.rows.length === 0) continue;
      await this.target.insert({ ...t, rows: t.rows });
      t.rows = [];
    }
  }
}

const USER_COLS = ["id", "name", "email", "isGuest", "createdAt", "updatedAt"];
const ROOM_COLS = ["id", "name", "inviteCode", "createdById", "isDemo", "createdAt", "updatedAt"];
const MEMBER_COLS = ["id", "roomId", "userId", "role", "joinedAt"];
const AGENT_COLS = [
  "id",
  "roomId",
  "name",
  "color",
  "persona",
  "systemPrompt",
  "modelId",
  "typingWpm",
  "readingDelayMs",
  "maxTypingMs",
  "forwardness",
  "threadId",
  "createdAt",
  "updatedAt",
];
const MESSAGE_COLS = [
  "id",
  "roomId",
  "seq",
  "authorType",
  "userId",
  "agentId",
  "senderName",
  "content",
  "deliveryId",
  "replyKey",
  "position",
  "createdAt",
];
const TURN_COLS = [
  "id",
  "roomId",
  "agentId",
  "agentName",
  "heardFrom",
  "heardFromAgent",
  "heard",
  "decision",
  "turnEpoch",
  "tags",
  "outcome",
  "draft",
  "replyKey",
  "score",
  "reasons",
  "credits",
  "systemPrompt",
  "forwardness",
  "firstBubbleAt",
  "lastBubbleAt",
  "day",
  "firstDelayMs",
  "lastDelayMs",
  "createdAt",
  "updatedAt",
];

export async function seedReview(target: SeedTarget, plan: SeedPlan, now = Date.now()): Promise<Seeded> {
  const rand = prng(13);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const w = new Writer(target);
  const bool = (b: boolean) => (target.provider === "sqlite" ? (b ? 1 : 0) : b);
  const at = (ms: number | null) => asStored(target.provider, ms);
  const start = now - plan.days * 86_400_000;
  const userId = "bench-user";
  const other = "bench-other";

  await target.begin();
  await w.add("User", USER_COLS, [
    userId,
    "Bench reviewer",
    "bench@example.test",
    bool(false),
    at(start),
    at(start),
  ]);
  await w.add("User", USER_COLS, [
    other,
    "Someone else",
    "other@example.test",
    bool(false),
    at(start),
    at(start),
  ]);
  const roomIds: string[] = [];
  const agentNames = new Set<string>();
  const perRoom = Math.floor(plan.messages / plan.rooms);
  // Turns per message so that the totals come out at plan.turns.
  const turnsPerMessage = plan.turns / plan.messages;
  let messagesLeft = plan.messages;
  let turnsLeft = plan.turns;
  let busiest = { id: "", n: -1 };
  for (let r = 0; r < plan.rooms; r++) {
    const roomId = `bench-room-${String(r).padStart(5, "0")}`;
    roomIds.push(roomId);
    // Room sizes vary (busy and quiet rooms), the total stays exact: the last room takes the rest.
    const n = r === plan.rooms - 1 ? messagesLeft : Math.max(1, Math.round(perRoom * (0.4 + 1.2 * rand())));
    messagesLeft -= n;
    const nTurns = r === plan.rooms - 1 ? turnsLeft : Math.round(n * turnsPerMessage);
    turnsLeft -= nTurns;
    if (n > busiest.n) busiest = { id: roomId, n };
    // A tenth of the rooms belong to someone else: the index must leave them out.
    const owner = r % 10 === 9 ? other : userId;
    await w.add("Room", ROOM_COLS, [
      roomId,
      `${pick(["Support", "Design", "Ops", "Team", "Launch"])} room ${r}`,
      `inv-${r}`,
      owner,
      bool(false),
      at(start),
      at(start),
    ]);
    await w.add("RoomMember", MEMBER_COLS, [`m-${r}`, roomId, owner, "owner", at(start)]);
    const agents = [0, 1, 2].map((k) => {
      const name = AGENT_NAMES[(r + k * 4) % AGENT_NAMES.length]!;
      agentNames.add(name);
      return { id: `${roomId}-a${k}`, name, forwardness: 0.2 + 0.3 * k };
    });
    for (const a of agents)
      await w.add("Agent", AGENT_COLS, [
        a.id,
        roomId,
        a.name,
        "#3b82f6",
        "helpful",
        PROMPT,
        "offline",
        150,
        600,
        6000,
        a.forwardness,
        `thr-${a.id}`,
        at(start),
        at(start),
      ]);
    // Messages spread over the period, in order.
    const roomStart = start + rand() * plan.days * 0.5 * 86_400_000;
    const step = (now - roomStart) / n;
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = Math.round(roomStart + i * step + rand() * step * 0.5);
      times.push(t);
      const fromAgent = i % 3 === 2;
      const agent = agents[i % 3]!;
      await w.add("ChatMessage", MESSAGE_COLS, [
        `${roomId}-msg-${i}`,
        roomId,
        i + 1,
        fromAgent ? "agent" : "user",
        fromAgent ? null : owner,
        fromAgent ? agent.id : null,
        fromAgent ? agent.name : pick(PEOPLE),
        pick(LINES),
        fromAgent ? `${roomId}-r${i}:0` : null,
        fromAgent ? `${roomId}-r${i}` : null,
        fromAgent ? 0 : null,
        at(t),
      ]);
    }
    for (let k = 0; k < nTurns; k++) {
      const agent = agents[k % 3]!;
      const heardAt = times[Math.min(n - 1, Math.floor(k / turnsPerMessage))]! + 5 + Math.floor(rand() * 200);
      const roll = rand();
      // Roughly: a third speak, most stay silent, a few are not asked or fail.
      const decision =
        roll < 0.33 ? "speak" : roll < 0.9 ? "stay_silent" : roll < 0.97 ? "not_asked" : "unavailable";
      const o = rand();
      const outcome =
        decision === "speak"
          ? o < 0.8
            ? "replied"
            : o < 0.9
              ? "superseded"
              : o < 0.96
                ? "interrupted"
                : "failed"
          : decision === "stay_silent"
            ? "silent"
            : decision === "not_asked"
              ? "not_asked"
              : "failed";
      const decided = decision === "speak" || decision === "stay_silent";
      const first =
        outcome === "replied" || outcome === "interrupted"
          ? heardAt + 800 + Math.floor(rand() * rand() * 9000)
          : null;
      const last = first === null ? null : first + Math.floor(rand() * 6000);
      const factors = decision === "speak" ? SPEAK_FACTORS : SILENT_FACTORS;
      const sign = decision === "speak" ? 1 : -1;
      const reasons = [
        { factor: "base", weight: -0.4 },
        {
          factor: pick(factors),
          weight: Math.round(sign * (1 + rand() * 2) * 100) / 100,
          detail: "the strongest signal",
        },
        { factor: pick(factors), weight: Math.round(sign * rand() * 100) / 100 },
        {
          factor: pick(decision === "speak" ? SILENT_FACTORS : SPEAK_FACTORS),
          weight: Math.round(-sign * rand() * 50) / 100,
        },
        {
          factor: "context_relevance",
          weight: Math.round((rand() - 0.5) * 60) / 100,
          detail: "overlap with the agent's field",
        },
      ];
      // Most decisions have their reasons written back; some (hosted, or never read) do not.
      const withReasons = decided && rand() < 0.85;
      const credits =
        decision === "not_asked" || decision === "unavailable"
          ? 0
          : 1 + (outcome === "replied" || outcome === "interrupted" ? 2 : 0);
      const review = turnReviewColumns(
        new Date(heardAt),
        first === null ? null : new Date(first),
        last === null ? null : new Date(last),
      );
      await w.add("AgentTurn", TURN_COLS, [
        `${roomId}-t-${k}`,
        roomId,
        agent.id,
        agent.name,
        pick(PEOPLE),
        bool(false),
        pick(LINES),
        decision,
        decided ? k : null,
        "[]",
        outcome,
        outcome === "superseded" || outcome === "interrupted" ? "A draft the room moved past." : null,
        first === null ? null : `${roomId}-rk-${k}`,
        decided ? Math.round(rand() * 1e4) / 1e4 : null,
        withReasons ? JSON.stringify(reasons) : null,
        credits,
        PROMPT,
        agent.forwardness,
        at(first),
        at(last),
        review.day,
        review.firstDelayMs,
        review.lastDelayMs,
        at(heardAt),
        at(heardAt),
      ]);
    }
  }
  await w.flush();
  await target.commit();
  return { userId, roomIds, agentNames: [...agentNames].sort(), busiestRoomId: busiest.id };
}
