-- AlterTable
ALTER TABLE "AgentBubble" ADD COLUMN "shownAt" DATETIME;

-- CreateTable
CREATE TABLE "TurnAnnotation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "turnId" TEXT NOT NULL,
    "roomId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TurnAnnotation_turnId_fkey" FOREIGN KEY ("turnId") REFERENCES "AgentTurn" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TurnAnnotation_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TurnAnnotation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RoomActivity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roomId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "detail" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RoomActivity_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AgentTurn" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roomId" TEXT NOT NULL,
    "agentId" TEXT,
    "agentName" TEXT NOT NULL,
    "heardFrom" TEXT NOT NULL,
    "heardFromAgent" BOOLEAN NOT NULL DEFAULT false,
    "heard" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "turnEpoch" INTEGER,
    "tags" TEXT NOT NULL DEFAULT '[]',
    "outcome" TEXT NOT NULL DEFAULT 'pending',
    "draft" TEXT,
    "replyKey" TEXT,
    "score" REAL,
    "reasons" TEXT,
    "credits" INTEGER NOT NULL DEFAULT 0,
    "systemPrompt" TEXT,
    "forwardness" REAL,
    "firstBubbleAt" DATETIME,
    "lastBubbleAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AgentTurn_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AgentTurn_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_AgentTurn" ("agentId", "agentName", "createdAt", "decision", "draft", "heard", "heardFrom", "heardFromAgent", "id", "outcome", "replyKey", "roomId", "tags", "turnEpoch", "updatedAt") SELECT "agentId", "agentName", "createdAt", "decision", "draft", "heard", "heardFrom", "heardFromAgent", "id", "outcome", "replyKey", "roomId", "tags", "turnEpoch", "updatedAt" FROM "AgentTurn";
DROP TABLE "AgentTurn";
ALTER TABLE "new_AgentTurn" RENAME TO "AgentTurn";
CREATE INDEX "AgentTurn_roomId_createdAt_idx" ON "AgentTurn"("roomId", "createdAt");
CREATE INDEX "AgentTurn_roomId_agentId_createdAt_idx" ON "AgentTurn"("roomId", "agentId", "createdAt");
CREATE INDEX "AgentTurn_createdAt_idx" ON "AgentTurn"("createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "TurnAnnotation_roomId_updatedAt_idx" ON "TurnAnnotation"("roomId", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "TurnAnnotation_turnId_userId_key" ON "TurnAnnotation"("turnId", "userId");

-- CreateIndex
CREATE INDEX "RoomActivity_roomId_createdAt_idx" ON "RoomActivity"("roomId", "createdAt");

-- CreateIndex
CREATE INDEX "ChatMessage_roomId_createdAt_idx" ON "ChatMessage"("roomId", "createdAt");

