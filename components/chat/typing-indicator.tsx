import { cn } from "@/lib/utils";

export interface Typist {
  key: string;
  name: string;
  /** Agent colour for the dots; people use the muted foreground. */
  color?: string;
}

function Dots({ color }: { color?: string }) {
  return (
    <span aria-hidden="true" className="flex items-end gap-1 pb-0.5" style={color ? { color } : undefined}>
      <span className="size-1.5 animate-typing-dot rounded-full bg-current" />
      <span className="size-1.5 animate-typing-dot rounded-full bg-current" />
      <span className="size-1.5 animate-typing-dot rounded-full bg-current" />
    </span>
  );
}

/** "<Name> is typing…", one line per agent or person, announced politely. */
export function TypingIndicators({ typists, className }: { typists: readonly Typist[]; className?: string }) {
  return (
    <div aria-live="polite" className={cn("flex min-h-6 flex-wrap gap-x-4 gap-y-1 text-sm", className)}>
      {typists.map((t) => (
        <p
          key={t.key}
          data-testid={`typing-${t.name}`}
          className="flex items-center gap-2 text-muted-foreground"
        >
          <Dots color={t.color} />
          <span>
            <span className="font-medium text-foreground">{t.name}</span> is typing…
          </span>
        </p>
      ))}
    </div>
  );
}
