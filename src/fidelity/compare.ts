import { isDeepStrictEqual } from 'node:util';
import { type ErrorScenario, type OperationName, SUCCESS_STATUS_CODE } from '../contract';
import { attemptsOf, type Recording, type TestExchange, type TestRecording } from './recording';
import { type AnswerShape, type BodyShape, NOT_JSON } from './shape';

/**
 * Two recordings compared scenario by scenario: the same test's n-th call of an operation, on the tenant and
 * on the mock. A scenario only one side has is not compared (and says why); so is one whose requests differ
 * (the two runs went different ways, which is no drift of the answers); the others agree or differ, path by
 * path.
 */

export type ScenarioStatus = 'agree' | 'differ' | 'tenant only' | 'mock only' | 'diverged';

export interface Difference {
  /** `httpStatus`, `mediaType`, `statusCode`, `apiCode`, `requestId`, or a path of the body. */
  readonly path: string;
  readonly tenant: string;
  readonly mock: string;
}

export interface ScenarioComparison {
  /** `<test> · <operation> #<n>`. */
  readonly scenario: string;
  readonly test: string;
  readonly operation: OperationName;
  readonly n: number;
  readonly status: ScenarioStatus;
  /** The kind of answer: `success`, the error catalog scenario answered, or `statusCode <n>`. */
  readonly answer: string;
  readonly differences: readonly Difference[];
  /** The tenant's answer, where the tenant had the scenario. */
  readonly tenantAnswer?: AnswerShape;
  /** The catalog scenario of the mock's answer, where it is one exactly (for catalog proposals). */
  readonly catalogScenario?: ErrorScenario;
  /** Why a scenario was not compared. */
  readonly reason?: string;
}

export interface Comparison {
  readonly tenant: Pick<Recording, 'target' | 'recordedAt'>;
  readonly mock: Pick<Recording, 'target' | 'recordedAt'>;
  readonly scenarios: readonly ScenarioComparison[];
}

export const scenarioKey = (test: string, operation: OperationName, n: number) =>
  `${test} · ${operation} #${n}`;

const ENVELOPE_FIELDS = ['httpStatus', 'mediaType', 'statusCode', 'apiCode', 'requestId'] as const;

function envelopeValue(answer: AnswerShape, field: (typeof ENVELOPE_FIELDS)[number]): string {
  if (field === 'requestId') return answer.requestId ? 'present' : 'absent';
  const value = answer[field];
  if (value === undefined || value === '') return 'none';
  return typeof value === 'string' && field !== 'mediaType' ? JSON.stringify(value) : String(value);
}

/** The path a path hangs from: `a.b` for `a.b.c`, `data` for `data[]` and `data[factorType=SMS]`. */
function parentOf(path: string): string | undefined {
  if (path.endsWith(']')) return path.slice(0, path.lastIndexOf('['));
  const dot = path.lastIndexOf('.');
  return dot > 0 ? path.slice(0, dot) : undefined;
}

function ancestorsOf(path: string): string[] {
  const found: string[] = [];
  for (let at = parentOf(path); at !== undefined; at = parentOf(at)) found.push(at);
  return found;
}

/** The list buckets a path lies in (`data[factorType=SMS]`), itself included. */
const bucketsOf = (path: string) =>
  [path, ...ancestorsOf(path)].filter((at) => /\[factorType=[^\]]+\]$/.test(at));

function bodyDifferences(
  tenant: BodyShape | typeof NOT_JSON,
  mock: BodyShape | typeof NOT_JSON,
): Difference[] {
  if (tenant === NOT_JSON || mock === NOT_JSON) {
    return tenant === mock ? [] : [{ path: '$', tenant: describeBody(tenant), mock: describeBody(mock) }];
  }
  const paths = [...new Set([...Object.keys(tenant), ...Object.keys(mock)])].sort();
  const differing = new Map<string, Difference>();
  for (const path of paths) {
    // Items of a factor type only one side's list had: which factors a user has is no shape of the answer.
    if (bucketsOf(path).some((bucket) => !(bucket in tenant) || !(bucket in mock))) continue;
    const t = tenant[path] ?? 'missing';
    const m = mock[path] ?? 'missing';
    if (t !== m) differing.set(path, { path, tenant: t, mock: m });
  }
  // A difference under one that already differs (a field of an object that became null) is that one.
  return [...differing.values()].filter((d) => !ancestorsOf(d.path).some((at) => differing.has(at)));
}

function describeBody(body: BodyShape | typeof NOT_JSON): string {
  return body === NOT_JSON ? NOT_JSON : 'JSON';
}

/** Every difference of two answers to the same request: the envelope's values first, then the body's paths. */
export function answerDifferences(tenant: AnswerShape, mock: AnswerShape): Difference[] {
  const envelope = ENVELOPE_FIELDS.flatMap((field) => {
    const t = envelopeValue(tenant, field);
    const m = envelopeValue(mock, field);
    return t === m ? [] : [{ path: field, tenant: t, mock: m }];
  });
  return [...envelope, ...bodyDifferences(tenant.body, mock.body)];
}

/** The kind of an answer: success, its catalog scenario, or its statusCode. */
export function answerKind(answer: AnswerShape): string {
  if (answer.statusCode === SUCCESS_STATUS_CODE) return 'success';
  return answer.catalogScenario ?? `statusCode ${String(answer.statusCode ?? 'none')}`;
}

const byOperation = (exchanges: readonly TestExchange[]) => {
  const grouped = new Map<OperationName, TestExchange[]>();
  for (const exchange of exchanges) {
    grouped.set(exchange.operation, [...(grouped.get(exchange.operation) ?? []), exchange]);
  }
  return grouped;
};

function oneSided(
  test: string,
  exchange: TestExchange,
  side: 'tenant' | 'mock',
  reason: string,
): ScenarioComparison {
  return {
    scenario: scenarioKey(test, exchange.operation, exchange.n),
    test,
    operation: exchange.operation,
    n: exchange.n,
    status: side === 'tenant' ? 'tenant only' : 'mock only',
    answer: answerKind(exchange.answer),
    differences: [],
    ...(side === 'tenant' ? { tenantAnswer: exchange.answer } : {}),
    reason,
  };
}

/**
 * One operation's calls in one test, paired: first call with first call where they agree, then calls that
 * agree in another order (calls sent at the same time answer in any order), then the calls of a burst whose
 * answer the other side's burst also gave (how many of a burst a rate limit lets through is timing), then the
 * rest by number.
 */
function compareCalls(
  test: string,
  tenant: readonly TestExchange[],
  mock: readonly TestExchange[],
): ScenarioComparison[] {
  const results: ScenarioComparison[] = [];
  const freeMock = new Set(mock);
  const freeTenant = new Set(tenant);
  const same = (a: TestExchange, b: TestExchange) =>
    isDeepStrictEqual(a.request, b.request) && answerDifferences(a.answer, b.answer).length === 0;
  /** The comparison of tenant call `t` with mock call `m`. */
  const compare = (t: TestExchange, m: TestExchange) => {
    const scenario = scenarioKey(test, t.operation, t.n);
    const base = {
      scenario,
      test,
      operation: t.operation,
      n: t.n,
      answer: answerKind(m.answer),
      tenantAnswer: t.answer,
      ...(m.answer.catalogScenario ? { catalogScenario: m.answer.catalogScenario } : {}),
    };
    if (!isDeepStrictEqual(t.request, m.request)) {
      results.push({
        ...base,
        status: 'diverged',
        differences: [],
        reason: 'the two runs sent different requests here: the test went another way on each side',
      });
      return;
    }
    const differences = answerDifferences(t.answer, m.answer);
    results.push({ ...base, status: differences.length === 0 ? 'agree' : 'differ', differences });
  };
  const pair = (t: TestExchange, m: TestExchange) => {
    freeTenant.delete(t);
    freeMock.delete(m);
    compare(t, m);
  };
  for (const t of tenant) {
    const m = mock.find((candidate) => candidate.n === t.n);
    if (m && same(t, m)) pair(t, m);
  }
  for (const t of [...freeTenant]) {
    const m = [...freeMock].find((candidate) => same(t, candidate));
    if (m) pair(t, m);
  }
  // A burst's calls: an answer one side gave that the other's burst gave too agrees, however many got it; an
  // answer the other never gave is compared with one of the other's calls left over.
  const givenBy = (side: readonly TestExchange[], call: TestExchange) =>
    side.some((candidate) => candidate.concurrent && same(candidate, call));
  const burst = (calls: Set<TestExchange>) => [...calls].filter((call) => call.concurrent);
  for (const t of burst(freeTenant).filter((call) => !givenBy(mock, call))) {
    const left = burst(freeMock);
    const m = left.find((candidate) => !givenBy(tenant, candidate)) ?? left[0];
    if (m) pair(t, m);
  }
  for (const t of burst(freeTenant)) {
    const m = mock.find((candidate) => candidate.concurrent && same(t, candidate));
    if (!m) continue;
    // The mock call may be paired already: several tenant calls agree with one kind of answer.
    freeTenant.delete(t);
    compare(t, m);
  }
  for (const m of burst(freeMock)) if (givenBy(tenant, m)) freeMock.delete(m);
  for (const t of [...freeTenant]) {
    const m = [...freeMock].find((candidate) => candidate.n === t.n);
    if (m) pair(t, m);
  }
  const fewer = 'the test made this call on one side only';
  for (const t of freeTenant) results.push(oneSided(test, t, 'tenant', fewer));
  for (const m of freeMock) results.push(oneSided(test, m, 'mock', fewer));
  return results;
}

/** Compares a tenant's recording with the mock's, scenario by scenario. */
export function compareRecordings(tenant: Recording, mock: Recording): Comparison {
  const mockTests = new Map<string, TestRecording>(attemptsOf(mock).map((test) => [test.test, test]));
  const tenantTests = attemptsOf(tenant);
  const scenarios: ScenarioComparison[] = [];
  for (const t of tenantTests) {
    const m = mockTests.get(t.test);
    mockTests.delete(t.test);
    if (!m) {
      const reason = 'the test made no API call on the mock side (not run, skipped, or failed before it)';
      scenarios.push(...t.exchanges.map((exchange) => oneSided(t.test, exchange, 'tenant', reason)));
      continue;
    }
    const tenantCalls = byOperation(t.exchanges);
    const mockCalls = byOperation(m.exchanges);
    for (const operation of new Set([...tenantCalls.keys(), ...mockCalls.keys()])) {
      scenarios.push(
        ...compareCalls(t.test, tenantCalls.get(operation) ?? [], mockCalls.get(operation) ?? []),
      );
    }
  }
  for (const m of mockTests.values()) {
    const reason = 'the test made no API call on the tenant side (not run, skipped, or failed before it)';
    scenarios.push(...m.exchanges.map((exchange) => oneSided(m.test, exchange, 'mock', reason)));
  }
  scenarios.sort(
    (a, b) => a.test.localeCompare(b.test) || a.operation.localeCompare(b.operation) || a.n - b.n,
  );
  return {
    tenant: { target: tenant.target, recordedAt: tenant.recordedAt },
    mock: { target: mock.target, recordedAt: mock.recordedAt },
    scenarios,
  };
}
