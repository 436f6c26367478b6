-- CreateTable
CREATE TABLE "AgentTurn" (
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AgentTurn_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AgentTurn_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "AgentTurn_roomId_createdAt_idx" ON "AgentTurn"("roomId", "createdAt");

