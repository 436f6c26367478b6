-- AlterTable
ALTER TABLE "EngineThread" ADD COLUMN "interruptible" BOOLEAN;


-- Hand-written (not expressible in schema.prisma; npm run db:check compares only what precedes this line)
-- A balance never goes below 0. SQLite cannot add a CHECK to an existing table without
-- rebuilding it, and a rebuild here would cascade-delete its children (foreign keys are on),
-- so the same rule is enforced by triggers that abort the statement, as a CHECK would.
UPDATE "EngineAccount" SET "creditsBalance" = 0 WHERE "creditsBalance" < 0;
CREATE TRIGGER "EngineAccount_creditsBalance_check_insert" BEFORE INSERT ON "EngineAccount"
WHEN NEW."creditsBalance" < 0
BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: EngineAccount_creditsBalance_check'); END;
CREATE TRIGGER "EngineAccount_creditsBalance_check_update" BEFORE UPDATE OF "creditsBalance" ON "EngineAccount"
WHEN NEW."creditsBalance" < 0
BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: EngineAccount_creditsBalance_check'); END;
