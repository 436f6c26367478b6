-- CreateTable
CREATE TABLE "UsageCounter" (
    "key" TEXT NOT NULL,
    "windowStart" DATETIME NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("key", "windowStart")
);

-- CreateIndex
CREATE INDEX "UsageCounter_windowStart_idx" ON "UsageCounter"("windowStart");

