-- AlterTable
ALTER TABLE "EngineThread" ADD COLUMN     "interruptible" BOOLEAN;


-- Hand-written (not expressible in schema.prisma; npm run db:check compares only what precedes this line)
-- A balance never goes below 0 (balances overdrawn before the charge became one conditional decrement are floored).
UPDATE "EngineAccount" SET "creditsBalance" = 0 WHERE "creditsBalance" < 0;
ALTER TABLE "EngineAccount" ADD CONSTRAINT "EngineAccount_creditsBalance_check" CHECK ("creditsBalance" >= 0);
