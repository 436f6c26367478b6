-- CreateTable
CREATE TABLE "ScheduleFate" (
    "scheduleId" TEXT NOT NULL PRIMARY KEY,
    "cancelled" BOOLEAN NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

