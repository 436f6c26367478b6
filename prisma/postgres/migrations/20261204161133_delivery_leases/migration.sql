-- AlterTable
ALTER TABLE "EngineScheduled" ADD COLUMN     "ownerId" TEXT;

-- CreateTable
CREATE TABLE "EngineInstance" (
    "id" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "heartbeatAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EngineInstance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EngineInstance_heartbeatAt_idx" ON "EngineInstance"("heartbeatAt");

