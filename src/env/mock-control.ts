import type { z } from '../contract/zod';
import { describeIssues, HarnessError } from '../errors';
import {
  ClockResponseSchema,
  CONTROL_PREFIX,
  CONTROL_TOKEN_HEADER,
  type CreateUserRequest,
  CreateUserResponseSchema,
  DefectsResponseSchema,
  HealthResponseSchema,
  OutboxResponseSchema,
  StatsResponseSchema,
} from '../mock/control-api';
import type { DefectId } from '../mock/defects';

/** A client of the mock's control plane (`/__mock/*`) on the same origin as the API. */
export class MockControl {
  constructor(
    readonly baseUrl: string,
    private readonly controlToken?: string,
  ) {}

  createUser(request: CreateUserRequest) {
    return this.send('POST', '/users', CreateUserResponseSchema, request);
  }

  outbox(to: string) {
    return this.send('GET', `/outbox?to=${encodeURIComponent(to)}`, OutboxResponseSchema);
  }

  advanceClock(userId: string, advanceMs: number) {
    return this.send('POST', '/clock', ClockResponseSchema, {
      userId,
      advanceMs: Math.max(0, Math.round(advanceMs)),
    });
  }

  /** The user's current virtual time. */
  async now(userId: string): Promise<number> {
    return (await this.send('GET', `/clock?userId=${encodeURIComponent(userId)}`, ClockResponseSchema)).now;
  }

  health() {
    return this.send('GET', '/health', HealthResponseSchema);
  }

  /** Switches the provider defects the mock ships, for every request from now on. */
  setDefects(defects: readonly DefectId[]) {
    return this.send('PUT', '/defects', DefectsResponseSchema, { defects });
  }

  defects() {
    return this.send('GET', '/defects', DefectsResponseSchema);
  }

  /** Back to the state the mock started with. */
  reset() {
    return this.send('POST', '/reset', HealthResponseSchema);
  }

  stats() {
    return this.send('GET', '/stats', StatsResponseSchema);
  }

  /** Sweeps expired state now instead of at the next interval. */
  sweep() {
    return this.send('POST', '/sweep', StatsResponseSchema);
  }

  private async send<S extends z.ZodType>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<z.infer<S>> {
    const url = `${this.baseUrl}${CONTROL_PREFIX}${path}`;
    const headers: Record<string, string> = { accept: 'application/json' };
    // The control plane takes state-changing requests only as JSON, even without a body (docs/mock.md).
    const payload = method === 'GET' ? undefined : (body ?? {});
    if (payload !== undefined) headers['content-type'] = 'application/json';
    if (this.controlToken) headers[CONTROL_TOKEN_HEADER] = this.controlToken;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        body: payload === undefined ? undefined : JSON.stringify(payload),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      const reason = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw new HarnessError(
        `cannot reach the mock control plane at ${this.baseUrl}${CONTROL_PREFIX} (${reason}). ` +
          'Is GENAUTH_BASE_URL a mock started with its control plane?',
      );
    }
    const text = await response.text();
    if (!response.ok) {
      throw new HarnessError(
        `${method} ${CONTROL_PREFIX}${path} answered HTTP ${response.status}: ${text.slice(0, 200)}` +
          (response.status === 401 || response.status === 403
            ? ' (check MOCK_CONTROL_TOKEN, and MOCK_CONTROL_HOSTS of the mock)'
            : ''),
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new HarnessError(
        `environment unavailable: ${method} ${CONTROL_PREFIX}${path} answered HTTP ${response.status} ` +
          `with a body that is not JSON (${response.headers.get('content-type') ?? 'no content-type'}): ` +
          `${this.baseUrl} is not the GenAuth mock with its control plane.`,
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new HarnessError(
        `${method} ${CONTROL_PREFIX}${path} answered an unexpected body (${describeIssues(parsed.error.issues, 'body').join('; ')}): ` +
          `${this.baseUrl} is not the GenAuth mock this harness drives, or another version of it.`,
      );
    }
    return parsed.data;
  }
}
