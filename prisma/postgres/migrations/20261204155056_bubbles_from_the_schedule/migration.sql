-- AlterTable
ALTER TABLE "Room" ADD COLUMN     "lastSeq" INTEGER NOT NULL DEFAULT 0;

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

-- AddForeignKey
ALTER TABLE "AgentBubble" ADD CONSTRAINT "AgentBubble_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgentBubble" ADD CONSTRAINT "AgentBubble_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReplyRelay" ADD CONSTRAINT "ReplyRelay_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE CASCADE ON UPDATE CASCADE;

