import { expect, test, withMock } from './fixtures';

test('with a latency, every API answer takes at least its minimum and the control plane none of it', async () => {
  await withMock({ latency: { minMs: 150, maxMs: 250 } }, async (harness) => {
    const user = await harness.newUser();
    const timed = async (call: () => Promise<unknown>) => {
      const started = performance.now();
      await call();
      return performance.now() - started;
    };
    const api = await Promise.all([1, 2, 3].map(() => timed(() => user.client.listEnrolledFactors())));
    for (const ms of api) expect(ms).toBeGreaterThanOrEqual(145);
    expect(await timed(() => harness.control.health())).toBeLessThan(145);
  });
});

test('a latency range the wrong way round is refused before the mock starts', async () => {
  await expect(withMock({ latency: { minMs: 200, maxMs: 100 } }, async () => undefined)).rejects.toThrow(
    /latency: minMs must not be above maxMs/,
  );
});
