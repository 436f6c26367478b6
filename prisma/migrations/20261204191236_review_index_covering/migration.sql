-- CreateIndex
CREATE INDEX "AgentTurn_review_idx" ON "AgentTurn"("roomId", "createdAt", "agentName", "decision", "outcome", "credits", "firstBubbleAt", "lastBubbleAt");

