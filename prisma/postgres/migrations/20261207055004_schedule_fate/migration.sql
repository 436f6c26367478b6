-- CreateTable
CREATE TABLE "ScheduleFate" (
    "scheduleId" TEXT NOT NULL,
    "cancelled" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScheduleFate_pkey" PRIMARY KEY ("scheduleId")
);

