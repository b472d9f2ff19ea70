// oidc-provider ships no types and @types/oidc-provider is not installed: the little the
// test provider uses, declared loosely.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  export interface KoaContextWithOIDC {
    // biome-ignore lint/suspicious/noExplicitAny: untyped library
    oidc: any;
  }
  export default class Provider {
    // biome-ignore lint/suspicious/noExplicitAny: untyped library
    constructor(issuer: string, configuration: Record<string, any>);
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: Record<string, unknown>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
  }
}
