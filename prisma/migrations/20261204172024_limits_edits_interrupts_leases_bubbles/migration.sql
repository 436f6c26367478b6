-- AlterTable
ALTER TABLE "ChatMessage" ADD COLUMN "editedAt" DATETIME;

-- AlterTable
ALTER TABLE "EngineThread" ADD COLUMN "interruptible" BOOLEAN;

-- AlterTable
ALTER TABLE "EngineScheduled" ADD COLUMN "ownerId" TEXT;

-- CreateTable
CREATE TABLE "RoomSeq" (
    "roomId" TEXT NOT NULL PRIMARY KEY,
    "lastSeq" INTEGER NOT NULL,
    CONSTRAINT "RoomSeq_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UsageCounter" (
    "key" TEXT NOT NULL,
    "windowStart" DATETIME NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("key", "windowStart")
);

-- CreateTable
CREATE TABLE "AgentBubble" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roomId" TEXT NOT NULL,
    "agentId" TEXT,
    "senderName" TEXT NOT NULL,
    "scheduleId" TEXT NOT NULL,
    "replyKey" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "deliverAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AgentBubble_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AgentBubble_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReplyRelay" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roomId" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "replyKey" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "claimedUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReplyRelay_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EngineInstance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "startedAt" DATETIME NOT NULL,
    "heartbeatAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "UsageCounter_windowStart_idx" ON "UsageCounter"("windowStart");

-- CreateIndex
CREATE UNIQUE INDEX "AgentBubble_scheduleId_key" ON "AgentBubble"("scheduleId");

-- CreateIndex
CREATE INDEX "AgentBubble_status_deliverAt_idx" ON "AgentBubble"("status", "deliverAt");

-- CreateIndex
CREATE INDEX "AgentBubble_roomId_status_deliverAt_idx" ON "AgentBubble"("roomId", "status", "deliverAt");

-- CreateIndex
CREATE INDEX "AgentBubble_replyKey_idx" ON "AgentBubble"("replyKey");

-- CreateIndex
CREATE UNIQUE INDEX "ReplyRelay_replyKey_key" ON "ReplyRelay"("replyKey");

-- CreateIndex
CREATE INDEX "ReplyRelay_status_dueAt_idx" ON "ReplyRelay"("status", "dueAt");

-- CreateIndex
CREATE INDEX "EngineInstance_heartbeatAt_idx" ON "EngineInstance"("heartbeatAt");


-- Hand-written (not expressible in schema.prisma; npm run db:check compares only what precedes this line)
-- A balance never goes below 0. SQLite cannot add a CHECK to an existing table without
-- rebuilding it, and a rebuild here would cascade-delete its children (foreign keys are on),
-- so the same rule is enforced by triggers that abort the statement, as a CHECK would.
UPDATE "EngineAccount" SET "creditsBalance" = 0 WHERE "creditsBalance" < 0;
CREATE TRIGGER "EngineAccount_creditsBalance_check_insert" BEFORE INSERT ON "EngineAccount"
WHEN NEW."creditsBalance" < 0
BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: EngineAccount_creditsBalance_check'); END;
CREATE TRIGGER "EngineAccount_creditsBalance_check_update" BEFORE UPDATE OF "creditsBalance" ON "EngineAccount"
WHEN NEW."creditsBalance" < 0
BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: EngineAccount_creditsBalance_check'); END;
-- Existing rooms continue their message sequence where it stands.
INSERT INTO "RoomSeq" ("roomId", "lastSeq") SELECT "roomId", MAX("seq") FROM "ChatMessage" GROUP BY "roomId";
