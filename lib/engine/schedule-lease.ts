import { newRowId } from "./ids";
import {
  deleteInstance,
  deleteInstancesSilentSince,
  insertInstance,
  renewInstance,
  takeDueBubbles,
  takeOrphanedBubbles,
} from "./store/queries/instance-leases";
import type { Sql } from "./store/sql";

/** How often a live instance renews its lease, and how stale a lease is before others take over. */
export const HEARTBEAT_MS = 1000;
export const LEASE_MS = 5000;
/** How often each instance looks for bubbles whose owner's lease has lapsed. */
export const TAKEOVER_SCAN_MS = 2000;

/**
 * With several engine instances on one Postgres database, each bubble is owned by the
 * instance whose timers will deliver it. An instance's lease is its EngineInstance row,
 * renewed every second; when it lapses (the process died), whichever live instance scans
 * next takes its scheduled bubbles over with one conditional update, so exactly one does,
 * and arms them. A second delivery is impossible anyway: the claim that sends a bubble is
 * conditional too. On SQLite one process owns the file and every bubble: no lease needed.
 */
export class ScheduleLease {
  readonly instanceId = newRowId();
  private heartbeat: NodeJS.Timeout | null = null;
  private scanner: NodeJS.Timeout | null = null;
  private scanning: Promise<void> | null = null;

  constructor(
    private readonly sql: Sql,
    /** Arms bubbles this instance has just taken over. */
    private readonly adopt: (ids: string[]) => Promise<void>,
  ) {}

  get enabled(): boolean {
    return this.sql.dialect === "postgres";
  }

  /** The owner to record on a new bubble. */
  get owner(): string | null {
    return this.enabled ? this.instanceId : null;
  }

  /** Registers this instance and takes over whatever is orphaned now; returns how many bubbles. */
  async start(): Promise<number> {
    if (!this.enabled) return 0;
    const insert = insertInstance(this.instanceId, new Date());
    await this.sql.run(insert.sql, insert.args);
    this.heartbeat = setInterval(() => void this.renew(), HEARTBEAT_MS);
    this.heartbeat.unref();
    this.scanner = setInterval(() => void this.scan(), TAKEOVER_SCAN_MS);
    this.scanner.unref();
    return this.takeOver();
  }

  /** Bubbles of a thread that are due now, whoever owns them (a socket just attached here). */
  async takeDue(threadPk: string): Promise<void> {
    if (!this.enabled) return;
    const take = takeDueBubbles(this.instanceId, threadPk, new Date());
    const rows = await this.sql.all<{ id: string }>(take.sql, take.args);
    if (rows.length > 0) await this.adopt(rows.map((r) => String(r.id)));
  }

  private async renew(): Promise<void> {
    try {
      const renew = renewInstance(this.instanceId, new Date());
      await this.sql.run(renew.sql, renew.args);
    } catch (error) {
      // Others may take our bubbles over meanwhile; the conditional claim still sends each once.
      console.error("engine: lease heartbeat failed", error);
    }
  }

  private scan(): Promise<void> {
    this.scanning ??= this.takeOver()
      .then(() => undefined)
      .catch((error) => console.error("engine: taking over orphaned bubbles failed", error))
      .finally(() => {
        this.scanning = null;
      });
    return this.scanning;
  }

  private async takeOver(): Promise<number> {
    const cutoff = new Date(Date.now() - LEASE_MS);
    const take = takeOrphanedBubbles(this.instanceId, cutoff);
    const rows = await this.sql.all<{ id: string }>(take.sql, take.args);
    if (rows.length > 0) await this.adopt(rows.map((r) => String(r.id)));
    // Leases lapsed an hour ago belong to processes long gone.
    const prune = deleteInstancesSilentSince(new Date(Date.now() - 3600_000));
    await this.sql.run(prune.sql, prune.args);
    return rows.length;
  }

  /** A graceful stop gives up the lease at once, so a survivor takes over at its next scan. */
  async stop(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.scanner) clearInterval(this.scanner);
    await this.scanning;
    if (this.enabled) {
      const release = deleteInstance(this.instanceId);
      await this.sql.run(release.sql, release.args).catch(() => undefined);
    }
  }
}
