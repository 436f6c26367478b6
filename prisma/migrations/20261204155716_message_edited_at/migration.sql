-- AlterTable
ALTER TABLE "ChatMessage" ADD COLUMN "editedAt" DATETIME;

