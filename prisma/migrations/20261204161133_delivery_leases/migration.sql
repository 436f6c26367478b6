-- AlterTable
ALTER TABLE "EngineScheduled" ADD COLUMN "ownerId" TEXT;

-- CreateTable
CREATE TABLE "EngineInstance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "startedAt" DATETIME NOT NULL,
    "heartbeatAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "EngineInstance_heartbeatAt_idx" ON "EngineInstance"("heartbeatAt");

