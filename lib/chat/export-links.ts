// The room's downloads, as the review links to them.

const kinds = [
  ["messages", "Messages (CSV)"],
  ["turns", "Decisions with reasons (CSV)"],
  ["bubbles", "Bubbles, scheduled and shown (CSV)"],
  ["annotations", "Annotations (CSV)"],
] as const;

export function exportFiles(roomId: string): { href: string; label: string }[] {
  const api = `/api/rooms/${encodeURIComponent(roomId)}`;
  return [
    { href: `${api}/annotations/export.jsonl`, label: "Eval set (JSONL, eval:decisions)" },
    { href: `${api}/export?format=json`, label: "Whole room (JSON)" },
    ...kinds.map(([kind, label]) => ({ href: `${api}/export?format=csv&kind=${kind}`, label })),
  ];
}
