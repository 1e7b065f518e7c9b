import { createMockUsers, type LoadResult, resetFactors, runEnrollmentLoad } from './support/enrollment-load';
import { startMockProcess, startPactStub } from './support/processes';

export interface ThroughputFigures {
  readonly connections: number;
  readonly durationSeconds: number;
  readonly mock: LoadResult;
  readonly pactStub: LoadResult;
  /** Mock requests per second divided by the stub's. */
  readonly ratio: number;
}

const STUB_USER = { userId: 'example-user-id', accessToken: 'example-access-token', appId: 'example-app-id' };

/** The same send → enroll → reset load against the mock (real work) and `pact stub` serving the committed pact. */
export async function measureThroughput(options: {
  pactFile: string;
  connections?: number;
  durationSeconds?: number;
}): Promise<ThroughputFigures> {
  const connections = options.connections ?? 20;
  const durationSeconds = options.durationSeconds ?? 10;

  const mock = await startMockProcess();
  let mockResult: LoadResult;
  try {
    const users = await createMockUsers(mock.url, connections * 2);
    await runEnrollmentLoad({ url: mock.url, users, connections, durationSeconds: 1 });
    await resetFactors(mock.url, users, 'OTP');
    mockResult = await runEnrollmentLoad({ url: mock.url, users, connections, durationSeconds });
  } finally {
    await mock.stop();
  }

  const stubUsers = Array.from({ length: connections * 2 }, () => STUB_USER);
  const stub = await startPactStub(options.pactFile);
  let stubResult: LoadResult;
  try {
    await runEnrollmentLoad({ url: stub.url, users: stubUsers, connections, durationSeconds: 1 });
    stubResult = await runEnrollmentLoad({ url: stub.url, users: stubUsers, connections, durationSeconds });
  } finally {
    await stub.stop();
  }

  return {
    connections,
    durationSeconds,
    mock: mockResult,
    pactStub: stubResult,
    ratio: mockResult.requestsPerSecond / stubResult.requestsPerSecond,
  };
}
