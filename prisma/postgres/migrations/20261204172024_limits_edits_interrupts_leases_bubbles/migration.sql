-- AlterTable
ALTER TABLE "ChatMessage" ADD COLUMN     "editedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "EngineThread" ADD COLUMN     "interruptible" BOOLEAN;

-- AlterTable
ALTER TABLE "EngineScheduled" ADD COLUMN     "ownerId" TEXT;

-- CreateTable
CREATE TABLE "RoomSeq" (
    "roomId" TEXT NOT NULL,
    "lastSeq" INTEGER NOT NULL,

    CONSTRAINT "RoomSeq_pkey" PRIMARY KEY ("roomId")
);

-- CreateTable
CREATE TABLE "UsageCounter" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "UsageCounter_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateTable
CREATE TABLE "AgentBubble" (
    "id" TEXT NOT NULL,
    "roomId" TEXT NOT NULL,
    "agentId" TEXT,
    "senderName" TEXT NOT NULL,
    "scheduleId" TEXT NOT NULL,
    "replyKey" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "deliverAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgentBubble_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReplyRelay" (
    "id" TEXT NOT NULL,
    "roomId" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "replyKey" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "claimedUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReplyRelay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EngineInstance" (
    "id" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "heartbeatAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EngineInstance_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "RoomSeq" ADD CONSTRAINT "RoomSeq_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgentBubble" ADD CONSTRAINT "AgentBubble_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgentBubble" ADD CONSTRAINT "AgentBubble_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReplyRelay" ADD CONSTRAINT "ReplyRelay_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written (not expressible in schema.prisma; npm run db:check compares only what precedes this line)
-- A balance never goes below 0 (balances overdrawn before the charge became one conditional decrement are floored).
UPDATE "EngineAccount" SET "creditsBalance" = 0 WHERE "creditsBalance" < 0;
ALTER TABLE "EngineAccount" ADD CONSTRAINT "EngineAccount_creditsBalance_check" CHECK ("creditsBalance" >= 0);
-- Existing rooms continue their message sequence where it stands.
INSERT INTO "RoomSeq" ("roomId", "lastSeq") SELECT "roomId", MAX("seq") FROM "ChatMessage" GROUP BY "roomId";
