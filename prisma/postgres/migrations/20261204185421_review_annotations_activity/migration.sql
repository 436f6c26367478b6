-- AlterTable
ALTER TABLE "AgentTurn" ADD COLUMN     "credits" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "firstBubbleAt" TIMESTAMP(3),
ADD COLUMN     "forwardness" DOUBLE PRECISION,
ADD COLUMN     "lastBubbleAt" TIMESTAMP(3),
ADD COLUMN     "reasons" TEXT,
ADD COLUMN     "score" DOUBLE PRECISION,
ADD COLUMN     "systemPrompt" TEXT;

-- AlterTable
ALTER TABLE "AgentBubble" ADD COLUMN     "shownAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "TurnAnnotation" (
    "id" TEXT NOT NULL,
    "turnId" TEXT NOT NULL,
    "roomId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TurnAnnotation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoomActivity" (
    "id" TEXT NOT NULL,
    "roomId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "detail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoomActivity_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TurnAnnotation_roomId_updatedAt_idx" ON "TurnAnnotation"("roomId", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "TurnAnnotation_turnId_userId_key" ON "TurnAnnotation"("turnId", "userId");

-- CreateIndex
CREATE INDEX "RoomActivity_roomId_createdAt_idx" ON "RoomActivity"("roomId", "createdAt");

-- CreateIndex
CREATE INDEX "ChatMessage_roomId_createdAt_idx" ON "ChatMessage"("roomId", "createdAt");

-- CreateIndex
CREATE INDEX "AgentTurn_roomId_agentId_createdAt_idx" ON "AgentTurn"("roomId", "agentId", "createdAt");

-- CreateIndex
CREATE INDEX "AgentTurn_createdAt_idx" ON "AgentTurn"("createdAt");

-- AddForeignKey
ALTER TABLE "TurnAnnotation" ADD CONSTRAINT "TurnAnnotation_turnId_fkey" FOREIGN KEY ("turnId") REFERENCES "AgentTurn"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TurnAnnotation" ADD CONSTRAINT "TurnAnnotation_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TurnAnnotation" ADD CONSTRAINT "TurnAnnotation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoomActivity" ADD CONSTRAINT "RoomActivity_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE CASCADE ON UPDATE CASCADE;

