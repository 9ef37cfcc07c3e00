import type { IncomingMessage } from "node:http";
import type { BlockList } from "node:net";

export declare const CLIENT_ADDRESS_HEADER: "x-lectern-client-address";
export declare const HOOK_INSTALLED: unique symbol;
export declare function parseTrustedProxies(
  value: string | undefined,
): { ok: true; trusted: BlockList | null } | { ok: false; entry: string };
export declare function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: BlockList | null,
): string;
export declare function stampClientAddress(
  request: IncomingMessage,
  socketAddress: string | undefined,
  trusted: BlockList | null,
): void;
export declare function installClientAddressHook(env?: Record<string, string | undefined>): void;
