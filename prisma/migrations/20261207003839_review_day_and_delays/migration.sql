-- AlterTable
ALTER TABLE "AgentTurn" ADD COLUMN "day" TEXT;
ALTER TABLE "AgentTurn" ADD COLUMN "firstDelayMs" INTEGER;
ALTER TABLE "AgentTurn" ADD COLUMN "lastDelayMs" INTEGER;


-- CreateIndex
CREATE INDEX "AgentTurn_review_day_idx" ON "AgentTurn"("day", "agentName", "decision", "roomId", "credits", "createdAt");

-- CreateIndex
CREATE INDEX "AgentTurn_first_delay_idx" ON "AgentTurn"("outcome", "firstDelayMs", "roomId", "agentName", "day");

-- CreateIndex
CREATE INDEX "AgentTurn_last_delay_idx" ON "AgentTurn"("outcome", "lastDelayMs", "roomId", "agentName", "day");

-- CreateIndex
CREATE INDEX "AgentTurn_room_delay_idx" ON "AgentTurn"("roomId", "outcome", "firstDelayMs", "day", "agentName");

-- Hand-written (not expressible in schema.prisma; npm run db:check compares only what precedes this line)
-- Backfill of the new columns (timestamps hold whole milliseconds; julianday is a float, hence ROUND): the app writes them with every new turn.
UPDATE "AgentTurn" SET
  "day" = substr("createdAt", 1, 10),
  "firstDelayMs" = CAST(ROUND((julianday("firstBubbleAt") - julianday("createdAt")) * 86400000.0) AS INTEGER),
  "lastDelayMs" = CAST(ROUND((julianday("lastBubbleAt") - julianday("createdAt")) * 86400000.0) AS INTEGER);
