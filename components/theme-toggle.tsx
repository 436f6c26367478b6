"use client";

import { MonitorIcon, MoonIcon, SunIcon, SunMoonIcon } from "lucide-react";
import { useTheme } from "next-themes";
import { useSyncExternalStore } from "react";

import { Button } from "@/components/ui/button";

const ORDER = ["light", "dark", "system"] as const;
type Theme = (typeof ORDER)[number];

const ICONS = { light: SunIcon, dark: MoonIcon, system: MonitorIcon } as const;

const noopSubscribe = () => () => {};

/** False during SSR and hydration, true afterwards (the theme is only known on the client). */
function useMounted(): boolean {
  return useSyncExternalStore(
    noopSubscribe,
    () => true,
    () => false,
  );
}

function isTheme(value: string | undefined): value is Theme {
  return (ORDER as readonly string[]).includes(value ?? "");
}

/** Cycles light → dark → system. */
export function ThemeToggle({ className }: { className?: string }) {
  const { theme, setTheme } = useTheme();
  const mounted = useMounted();

  if (!mounted) {
    return (
      <Button variant="ghost" size="icon" className={className} aria-label="Toggle theme">
        <SunMoonIcon aria-hidden="true" />
      </Button>
    );
  }

  const current: Theme = isTheme(theme) ? theme : "system";
  const next = ORDER[(ORDER.indexOf(current) + 1) % ORDER.length] ?? "light";
  const Icon = ICONS[current];
  const label = `Theme: ${current}. Switch to ${next} theme`;

  return (
    <Button
      variant="ghost"
      size="icon"
      className={className}
      aria-label={label}
      title={label}
      onClick={() => setTheme(next)}
    >
      <Icon aria-hidden="true" />
    </Button>
  );
}
