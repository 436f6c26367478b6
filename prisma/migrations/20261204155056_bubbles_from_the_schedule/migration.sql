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

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Room" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "inviteCode" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "lastSeq" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Room" ("createdAt", "createdById", "id", "inviteCode", "isDemo", "name", "updatedAt") SELECT "createdAt", "createdById", "id", "inviteCode", "isDemo", "name", "updatedAt" FROM "Room";
DROP TABLE "Room";
ALTER TABLE "new_Room" RENAME TO "Room";
CREATE UNIQUE INDEX "Room_inviteCode_key" ON "Room"("inviteCode");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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

