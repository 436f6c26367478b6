import type { ReviewFilter } from "./review-types";

/** What each outcome filter is called on the page. */
export const FILTER_LABELS: Record<ReviewFilter, string> = {
  all: "All decisions",
  spoke: "Spoke",
  silent: "Stayed silent",
  dropped: "Dropped drafts",
  interrupted: "Interrupted",
  heard: "Heard, not asked",
  failed: "Failed",
};
