-- CreateIndex
CREATE INDEX "ScheduleFate_createdAt_idx" ON "ScheduleFate"("createdAt");

