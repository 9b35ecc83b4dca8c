"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { WebsocketProvider } from "y-websocket";
import { removeAwarenessStates } from "y-protocols/awareness";
import * as Y from "yjs";
import { canvasDocument, type CanvasDocument } from "../store/canvasDocument";

export type ConnectionStatus = "connecting" | "connected" | "offline" | "revoked" | "deleted";
export type PeerState = {
  clientId: number;
  user: { id: string; name: string; color: string; role: string };
  cursor?: { x: number; y: number } | null;
  selection?: string[];
  /** How far their selection has been dragged so far (the drag is written to the document on release). */
  moving?: { dx: number; dy: number } | null;
  /** The same person in another tab or on another device: shown as "you", never as someone else. */
  mine?: boolean;
};

type Session = { doc: Y.Doc; provider: WebsocketProvider; canvas: CanvasDocument };

/**
 * The shared document for a canvas over the y-websocket protocol, with status and peers. When the
 * server says our role changed, the session starts over (a downgraded editor's unsent edits would
 * be refused, so they must not linger locally) once `onRoleChanged` has fetched the new role. When
 * it refuses an edit (4422), the session starts over too: reconnecting would send the same edit
 * again, and be refused again, forever. `refusals` counts those restarts, for the editor to say so.
 */
export function useCollaboration(canvasId: string, role: string, onRoleChanged: () => Promise<string>) {
  const [session, setSession] = useState<Session | null>(null);
  const [status, setStatus] = useState<ConnectionStatus>("connecting");
  const [generation, setGeneration] = useState(0);
  const [refusals, setRefusals] = useState(0);
  const roleChanged = useRef(onRoleChanged);
  roleChanged.current = onRoleChanged;
  const currentRole = useRef(role);
  currentRole.current = role;

  useEffect(() => {
    const doc = new Y.Doc();
    const url = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/collab`;
    const provider = new WebsocketProvider(url, canvasId, doc, { disableBc: true, maxBackoffTime: 4000 });
    provider.on("status", ({ status: s }: { status: string }) => {
      setStatus((prev) => (prev === "revoked" || prev === "deleted" ? prev : s === "connected" ? "connected" : s === "connecting" ? "connecting" : "offline"));
    });
    provider.on("connection-close", (event: CloseEvent | null) => {
      // Away from the server, nobody's leaving reaches us: forget everyone else now, and take the
      // server's word on who is here when we are back (else a cursor lingers until it times out).
      const others = [...provider.awareness.getStates().keys()].filter((id) => id !== provider.awareness.clientID);
      if (others.length) removeAwarenessStates(provider.awareness, others, "disconnected");
      // Access removed, signed out or canvas deleted: reconnecting would only be refused again.
      if (event?.code === 4403 || event?.code === 4401 || event?.code === 4404) {
        setStatus(event.code === 4404 ? "deleted" : "revoked");
        provider.shouldConnect = false;
      }
      if (event?.code === 4422) {
        provider.shouldConnect = false;
        setRefusals((n) => n + 1);
        setGeneration((g) => g + 1);
      }
      if (event?.code === 4300) {
        provider.shouldConnect = false;
        // A new role starts a new session by itself; the same role again (changed and changed
        // back) needs a nudge, or nothing would reconnect.
        const before = currentRole.current;
        const restart = () => setGeneration((g) => g + 1);
        roleChanged.current().then((next) => next === before && restart(), restart);
      }
    });
    setSession({ doc, provider, canvas: canvasDocument(doc) });
    return () => {
      provider.destroy();
      doc.destroy();
    };
  }, [canvasId, role, generation]);

  return { session, status, refusals };
}

/** Other people's awareness states (cursor, selection), re-read whenever they change. */
export function usePeers(provider: WebsocketProvider | undefined, myUserId: string): PeerState[] {
  const subscribe = (cb: () => void) => {
    provider?.awareness.on("change", cb);
    return () => provider?.awareness.off("change", cb);
  };
  const snapshot = useSyncExternalStore(
    subscribe,
    () => peersKey(provider, myUserId),
    () => "",
  );
  return snapshot ? (JSON.parse(snapshot) as PeerState[]) : [];
}

function peersKey(provider: WebsocketProvider | undefined, myUserId: string): string {
  if (!provider) return "";
  const self = provider.awareness.clientID;
  const peers: PeerState[] = [];
  provider.awareness.getStates().forEach((state, clientId) => {
    const s = state as Partial<PeerState>;
    if (clientId !== self && s.user) peers.push({ clientId, user: s.user, cursor: s.cursor ?? null, selection: s.selection ?? [], moving: s.moving ?? null, mine: s.user.id === myUserId });
  });
  return JSON.stringify(peers);
}
