/** Default agent colours: distinct, and readable as tints in light and dark themes. */
export const STARTER_COLORS = ["#2563eb", "#db2777", "#059669", "#d97706", "#7c3aed", "#0891b2", "#dc2626"];

/**
 * A colour no agent in the room wears yet: the first free one of the palette, then hues
 * spread around the wheel, so a new agent is told apart at a glance.
 */
export function freeColor(taken: readonly string[]): string {
  const used = new Set(taken.map((c) => c.toLowerCase()));
  const free = STARTER_COLORS.find((c) => !used.has(c));
  if (free) return free;
  for (let i = 0; i < 360; i++) {
    const hue = (i * 137) % 360; // golden-angle steps keep neighbours apart
    const color = hslToHex(hue, 70, 45);
    if (!used.has(color)) return color;
  }
  return STARTER_COLORS[0]!;
}

function hslToHex(h: number, s: number, l: number): string {
  const a = (s / 100) * Math.min(l / 100, 1 - l / 100);
  const channel = (n: number) => {
    const k = (n + h / 30) % 12;
    const value = l / 100 - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, "0");
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}
