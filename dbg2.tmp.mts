import { createDb } from "./lib/db/client";
import { applyMigrations } from "./lib/db/migrations";

const url = "file:/tmp/dbg2.db";
await applyMigrations(url);
const db = createDb(url);
const results = await Promise.allSettled(
  Array.from({ length: 20 }, async (_, i) => {
    const room = await db.room.create({
      data: { name: "r" + i, inviteCode: "c" + i + Math.random(), createdById: "u", members: { create: [] } },
    });
    for (let k = 0; k < 3; k++)
      await db.agent.create({
        data: {
          roomId: room.id,
          name: "a" + k,
          color: "#000000",
          persona: "p",
          systemPrompt: "s",
          modelId: "m",
          threadId: `t${i}-${k}`,
        },
      });
    return room.id;
  }),
);
console.log(
  results.map((r) => (r.status === "fulfilled" ? "ok" : String(r.reason).slice(0, 120))).join("\n"),
);
console.log("agents", await db.agent.count(), "rooms", await db.room.count());
await db.$disconnect();
