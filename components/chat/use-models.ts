"use client";

import { useEffect, useState } from "react";
import { chatFetch, errorMessage } from "./chat-api";

export interface ModelOption {
  id: string;
  label: string;
  description: string;
  available: boolean;
}

export interface ModelsResponse {
  models: ModelOption[];
  defaultModelId: string;
}

type ModelsState =
  | { status: "loading" }
  | { status: "ready"; data: ModelsResponse }
  | { status: "error"; message: string };

let cached: Promise<ModelsResponse> | undefined;

function loadModels(): Promise<ModelsResponse> {
  cached ??= chatFetch<ModelsResponse>("/api/models").catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

/** GET /api/models once per page load (retried on the next mount after a failure). */
export function useModels(enabled: boolean): ModelsState {
  const [state, setState] = useState<ModelsState>({ status: "loading" });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    loadModels().then(
      (data) => live && setState({ status: "ready", data }),
      (error: unknown) => live && setState({ status: "error", message: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [enabled]);
  return state;
}
