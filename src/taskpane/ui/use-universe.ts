// The runtime's universe store as React state: re-renders whenever a snapshot is accepted or refused.
import { useEffect, useReducer, useState } from "react";
import type { LoadedUniverse, LoadFailure, UniverseStore } from "../../data/universe-store";

export interface UniverseView {
  loaded: LoadedUniverse | null;
  failure: LoadFailure | null;
  notices: readonly string[];
  /** True until the store's first load has finished, one way or the other. */
  starting: boolean;
}

export function useUniverse(store: UniverseStore): UniverseView {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [starting, setStarting] = useState(() => store.current === null && store.lastFailure === null);
  useEffect(() => {
    const off = store.subscribe(() => rerender());
    let live = true;
    void store.ready().then(() => {
      if (live) setStarting(false);
    });
    return () => {
      live = false;
      off();
    };
  }, [store]);
  return { loaded: store.current, failure: store.lastFailure, notices: store.notices, starting };
}
