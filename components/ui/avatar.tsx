"use client";

import { Avatar as AvatarPrimitive } from "radix-ui";
import type * as React from "react";

import { cn } from "@/lib/utils";

/** Named colours; each keeps white initials at >= 4.5:1 contrast. */
const PALETTE = {
  slate: "bg-slate-600",
  red: "bg-red-700",
  orange: "bg-orange-700",
  amber: "bg-amber-700",
  green: "bg-green-700",
  teal: "bg-teal-700",
  sky: "bg-sky-700",
  blue: "bg-blue-700",
  indigo: "bg-indigo-600",
  violet: "bg-violet-600",
  purple: "bg-purple-600",
  pink: "bg-pink-700",
} as const;

export type AvatarColor = keyof typeof PALETTE;

const SIZES = {
  sm: "size-6 text-[0.625rem]",
  default: "size-8 text-xs",
  lg: "size-10 text-sm",
} as const;

function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0];
  if (!first) return "?";
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const letter = (w: string | undefined) => (w ? (Array.from(w)[0] ?? "") : "");
  return (letter(first) + letter(last)).toUpperCase();
}

function colorFromName(name: string): AvatarColor {
  const keys = Object.keys(PALETTE) as AvatarColor[];
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return keys[hash % keys.length] ?? "slate";
}

/** Black or white text, whichever contrasts more with a #rgb / #rrggbb background. */
function foregroundFor(color: string): string {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m?.[1]) return "#fff";
  const hex = m[1].length === 3 ? Array.from(m[1], (c) => c + c).join("") : m[1];
  const [r = 0, g = 0, b = 0] = [0, 2, 4].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const lum = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return (lum + 0.05) / 0.05 > 1.05 / (lum + 0.05) ? "#000" : "#fff";
}

export type AvatarProps = Omit<React.ComponentProps<typeof AvatarPrimitive.Root>, "color"> & {
  /** Display name: used for the initials fallback and the accessible label. */
  name: string;
  /** Image URL; initials are shown while it loads or if it fails. */
  src?: string | null;
  /** A palette name or any CSS colour (hex gets an auto-contrasting text colour). Defaults to a colour derived from `name`. */
  color?: AvatarColor | (string & {});
  size?: keyof typeof SIZES;
  /** Hide from assistive tech when the name is already shown next to the avatar. */
  decorative?: boolean;
};

export function Avatar({
  name,
  src,
  color,
  size = "default",
  decorative = false,
  className,
  style,
  ...props
}: AvatarProps) {
  const paletteKey =
    color === undefined ? colorFromName(name) : Object.hasOwn(PALETTE, color) ? (color as AvatarColor) : null;
  const a11y = decorative ? { "aria-hidden": true } : { role: "img", "aria-label": name };
  return (
    <AvatarPrimitive.Root
      data-slot="avatar"
      className={cn(
        "relative flex shrink-0 select-none overflow-hidden rounded-full",
        SIZES[size],
        className,
      )}
      style={style}
      {...a11y}
      {...props}
    >
      {src ? (
        <AvatarPrimitive.Image
          data-slot="avatar-image"
          src={src}
          alt=""
          className="aspect-square size-full object-cover"
        />
      ) : null}
      <AvatarPrimitive.Fallback
        data-slot="avatar-fallback"
        delayMs={src ? 400 : undefined}
        className={cn(
          "flex size-full items-center justify-center rounded-full font-medium text-white",
          paletteKey ? PALETTE[paletteKey] : null,
        )}
        style={paletteKey || !color ? undefined : { backgroundColor: color, color: foregroundFor(color) }}
      >
        {initialsOf(name)}
      </AvatarPrimitive.Fallback>
    </AvatarPrimitive.Root>
  );
}
