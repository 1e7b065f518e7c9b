import type { z } from 'zod';
import {
  ClockResponseSchema,
  CONTROL_PREFIX,
  CONTROL_TOKEN_HEADER,
  type CreateUserRequest,
  CreateUserResponseSchema,
  FaultsResponseSchema,
  HealthResponseSchema,
  OutboxResponseSchema,
  StatsResponseSchema,
} from '../../src/mock/control-schema';
import type { DefectId } from '../../src/mock/defects';

export interface RawControlAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** Drives a mock's control plane in the self-tests; every answer is checked against its schema. */
export class ControlClient {
  constructor(
    readonly baseUrl: string,
    private readonly token?: string,
  ) {}

  createUser(request: CreateUserRequest = {}) {
    return this.call('POST', '/users', CreateUserResponseSchema, request);
  }

  outbox(to: string) {
    return this.call('GET', `/outbox?to=${encodeURIComponent(to)}`, OutboxResponseSchema);
  }

  async latestCode(to: string): Promise<string> {
    const [latest] = await this.outbox(to);
    if (!latest) throw new Error(`[enroll-factor-harness] no code was sent to ${to}`);
    return latest.code;
  }

  advance(userId: string, advanceMs: number) {
    return this.call('POST', '/clock', ClockResponseSchema, { userId, advanceMs });
  }

  async now(userId: string): Promise<number> {
    return (await this.call('GET', `/clock?userId=${userId}`, ClockResponseSchema)).now;
  }

  setFaults(faults: DefectId[]) {
    return this.call('PUT', '/faults', FaultsResponseSchema, { faults });
  }

  faults() {
    return this.call('GET', '/faults', FaultsResponseSchema);
  }

  health() {
    return this.call('GET', '/health', HealthResponseSchema);
  }

  reset() {
    return this.call('POST', '/reset', HealthResponseSchema);
  }

  stats() {
    return this.call('GET', '/stats', StatsResponseSchema);
  }

  sweep() {
    return this.call('POST', '/sweep', StatsResponseSchema);
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
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.token ? { [CONTROL_TOKEN_HEADER]: this.token } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  private async call<S extends z.ZodType>(method: string, path: string, schema: S, body?: unknown) {
    const answer = await this.raw(method, path, body);
    if (answer.status !== 200) {
      throw new Error(
        `[enroll-factor-harness] ${method} ${CONTROL_PREFIX}${path}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`,
      );
    }
    return schema.parse(answer.body) as z.infer<S>;
  }
}
