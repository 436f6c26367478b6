"use client";

import { useEffect } from "react";

/**
 * Scrolls the deep-linked element into view and moves focus to it (its first focusable
 * part: a turn's summary), once, when the page opens.
 */
export function FocusAnchor({ elementId }: { elementId: string }) {
  useEffect(() => {
    const element = document.getElementById(elementId);
    if (!element) return;
    element.scrollIntoView({ block: "center" });
    const target = element.querySelector<HTMLElement>("summary") ?? element;
    target.focus({ preventScroll: true });
  }, [elementId]);
  return null;
}
