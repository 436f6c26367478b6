import type { AgentTurnStats } from "@/lib/chat/review-types";

// Every turn lands in exactly one of the four columns after the first, so they add up to it.
const STAT_COLUMNS = [
  ["Turns", "turns"],
  ["Spoke", "spoke"],
  ["Silent", "silent"],
  ["Heard, not asked", "heard"],
  ["Dropped", "dropped"],
  ["Credits", "credits"],
] as const satisfies readonly (readonly [string, keyof AgentTurnStats])[];

/** The room's totals per agent (all its turns, not just this page's). */
export function ReviewStatsTable({
  stats,
  colors,
}: {
  stats: AgentTurnStats[];
  colors: ReadonlyMap<string, string>;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border">
      <table className="w-full text-xs sm:text-sm">
        <caption className="sr-only">Decisions per agent</caption>
        <thead className="bg-muted/50 text-left text-muted-foreground">
          <tr>
            <th scope="col" className="px-2 py-2 font-medium sm:px-3">
              Agent
            </th>
            {STAT_COLUMNS.map(([label]) => (
              <th
                key={label}
                scope="col"
                className="px-2 py-2 text-right align-bottom font-medium leading-tight sm:px-3"
              >
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {stats.map((s) => (
            <tr key={s.agentId ?? s.agentName} className="border-t">
              <th scope="row" className="px-2 py-2 text-left font-medium sm:px-3">
                <span className="inline-flex items-center gap-2">
                  <span
                    aria-hidden
                    className="size-2.5 rounded-full"
                    style={{ backgroundColor: s.agentId ? colors.get(s.agentId) : undefined }}
                  />
                  {s.agentName}
                </span>
              </th>
              {STAT_COLUMNS.map(([label, key]) => (
                <td key={label} className="px-2 py-2 text-right tabular-nums sm:px-3">
                  {s[key]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
