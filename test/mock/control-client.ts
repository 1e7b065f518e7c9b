import { MockControl } from '../../src/env/mock-control';
import { CONTROL_PREFIX, CONTROL_TOKEN_HEADER } from '../../src/mock/control-api';

export interface RawControlAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** The harness's control-plane client, with what only the self-tests need: raw requests and the latest code. */
export class ControlClient extends MockControl {
  constructor(
    baseUrl: string,
    private readonly token?: string,
  ) {
    super(baseUrl, token);
  }

  async latestCode(to: string): Promise<string> {
    const [latest] = await this.outbox(to);
    if (!latest) throw new Error(`no code was sent to ${to}`);
    return latest.code;
  }

  advance(userId: string, advanceMs: number) {
    return this.advanceClock(userId, advanceMs);
  }

  async raw(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<RawControlAnswer> {
    const response = await fetch(`${this.baseUrl}${CONTROL_PREFIX}${path}`, {
      method,
      headers: {
        ...(method === 'GET' ? {} : { 'content-type': 'application/json' }),
        ...(this.token ? { [CONTROL_TOKEN_HEADER]: this.token } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }
}
