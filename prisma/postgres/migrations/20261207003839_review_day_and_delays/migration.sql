-- AlterTable
ALTER TABLE "AgentTurn" ADD COLUMN     "day" TEXT,
ADD COLUMN     "firstDelayMs" INTEGER,
ADD COLUMN     "lastDelayMs" INTEGER;


-- CreateIndex
CREATE INDEX "AgentTurn_review_day_idx" ON "AgentTurn"("day", "agentName", "decision", "roomId", "credits", "createdAt");

-- CreateIndex
CREATE INDEX "AgentTurn_first_delay_idx" ON "AgentTurn"("outcome", "firstDelayMs", "roomId", "agentName", "day");

-- CreateIndex
CREATE INDEX "AgentTurn_last_delay_idx" ON "AgentTurn"("outcome", "lastDelayMs", "roomId", "agentName", "day");

-- CreateIndex
CREATE INDEX "AgentTurn_room_delay_idx" ON "AgentTurn"("roomId", "outcome", "firstDelayMs", "day", "agentName");

-- Hand-written (not expressible in schema.prisma; npm run db:check compares only what precedes this line)
-- Backfill of the new columns: the app writes them with every new turn.
UPDATE "AgentTurn" SET
  "day" = to_char("createdAt", 'YYYY-MM-DD'),
  "firstDelayMs" = FLOOR(EXTRACT(EPOCH FROM ("firstBubbleAt" - "createdAt")) * 1000)::int,
  "lastDelayMs" = FLOOR(EXTRACT(EPOCH FROM ("lastBubbleAt" - "createdAt")) * 1000)::int;
