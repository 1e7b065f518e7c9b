import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { measureGateOverhead } from './gate-overhead';
import { measureMemory } from './memory';
import { measureThroughput } from './mock-throughput';
import { measureTimeControl } from './time-control';

/**
 * `npm run bench`: every figure in one run on one machine, printed with its goal and written to
 * reports/bench.json. Sizes: BENCH_ENROLLMENTS (default 100000), BENCH_REAL_TTL_SECONDS (default 4),
 * BENCH_LOAD_SECONDS (default 10), BENCH_CONNECTIONS (default 20); BENCH_ONLY=gate,time,throughput,memory.
 */
const reportsDir = join(process.cwd(), 'reports');
const logDir = join(reportsDir, 'bench');
mkdirSync(logDir, { recursive: true });
const only = new Set((process.env.BENCH_ONLY ?? 'gate,time,throughput,memory').split(','));
const pactFile = 'pacts/mfa-enrollment-app-genauth-authentication-api.json';

interface Row {
  readonly figure: string;
  readonly value: string;
  readonly goal: string;
  readonly met: boolean;
}
const rows: Row[] = [];
const results: Record<string, unknown> = {};
const say = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const fmt = (n: number, digits = 2) => n.toFixed(digits);

if (only.has('gate')) {
  say('gate overhead: three trivial Playwright runs, then npm run gate');
  const gate = await measureGateOverhead(logDir);
  results.gateOverhead = gate;
  rows.push({
    figure: 'gate wall / Playwright floor',
    value: `${fmt(gate.ratio)} (${fmt(gate.gateWallMs / 1000, 1)} s / ${fmt(gate.floorWallMs / 1000, 1)} s, gate exit ${gate.gateExitCode})`,
    goal: '<= 4',
    met: gate.ratio <= 4 && gate.gateExitCode === 0,
  });
}

if (only.has('time')) {
  const ttlSeconds = Number(process.env.BENCH_REAL_TTL_SECONDS ?? 4);
  say(`time control: token expiry in virtual time, then real time with a TTL of ${ttlSeconds} s`);
  const time = await measureTimeControl(logDir, ttlSeconds);
  results.timeControl = time;
  rows.push({
    figure: 'token expiry, virtual time (8 scenarios)',
    value: `${fmt(time.virtual.totalTestMs / 1000)} s in all, ${time.virtual.passed}/${time.virtual.tests} passed`,
    goal: '< 1 s in all',
    met:
      time.virtual.totalTestMs < 1000 && time.virtual.passed === time.virtual.tests && time.virtual.tests > 0,
  });
  rows.push({
    figure: `token expiry, real time (TTL ${ttlSeconds} s)`,
    value: `${fmt(time.realTime.runMs / 1000, 1)} s = ${fmt(time.realTime.ttlMultiple)} x TTL, ${time.realTime.passed}/${time.realTime.tests} passed`,
    goal: '<= 1.3 x TTL',
    met:
      time.realTime.ttlMultiple <= 1.3 &&
      time.realTime.passed === time.realTime.tests &&
      time.realTime.tests > 0,
  });
}

if (only.has('throughput')) {
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
  const durationSeconds = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
  say(
    `throughput: send -> enroll -> reset for ${durationSeconds} s at ${connections} connections, mock then pact stub`,
  );
  const throughput = await measureThroughput({ pactFile, connections, durationSeconds });
  results.throughput = throughput;
  rows.push({
    figure: 'mock req/s vs pact stub req/s',
    value: `${fmt(throughput.mock.requestsPerSecond, 0)} vs ${fmt(throughput.pactStub.requestsPerSecond, 0)} = ${fmt(throughput.ratio)} x (${throughput.mock.failed} failed answers on the mock)`,
    goal: '>= 1.0 x',
    met: throughput.ratio >= 1 && throughput.mock.failed === 0,
  });
  rows.push({
    figure: 'p99 latency, mock vs pact stub',
    value: `${throughput.mock.p99LatencyMs} ms vs ${throughput.pactStub.p99LatencyMs} ms`,
    goal: 'reported',
    met: true,
  });
}

if (only.has('memory')) {
  const enrollments = Number(process.env.BENCH_ENROLLMENTS ?? 100_000);
  say(`memory: two rounds of ${enrollments} completed and ${enrollments} expired enrollments`);
  const memory = await measureMemory({ enrollments, rounds: 2 });
  results.memory = memory;
  rows.push({
    figure: `mock RSS after ${enrollments} enrollments + expirations`,
    value: `${fmt(memory.finalRssMb, 0)} MB (rounds: ${memory.rounds.map((r) => fmt(r.rssMb, 0)).join(', ')} MB)`,
    goal: '< 200 MB',
    met: memory.finalRssMb < 200,
  });
  rows.push({
    figure: 'heap growth round 1 -> 2, pending after sweep',
    value: `${fmt(memory.heapGrowthPercent, 1)} %, ${memory.rounds.map((r) => r.pendingAfterSweep).join(', ')} pending`,
    goal: 'flat (< 10 %), 0 pending',
    met: memory.heapGrowthPercent < 10 && memory.rounds.every((r) => r.pendingAfterSweep === 0),
  });
}

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 1024 ** 3),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  date: new Date().toISOString(),
};
writeFileSync(join(reportsDir, 'bench.json'), `${JSON.stringify({ machine, rows, results }, null, 2)}\n`);

const widths = [
  Math.max(...rows.map((r) => r.figure.length), 6),
  Math.max(...rows.map((r) => r.value.length), 5),
  Math.max(...rows.map((r) => r.goal.length), 4),
];
const line = (cells: readonly string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ');
process.stdout.write(
  [
    `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}`,
    '',
    `${line(['figure', 'value', 'goal'])} | met`,
    `${widths.map((w) => '-'.repeat(w)).join('-|-')}-|----`,
    ...rows.map((r) => `${line([r.figure, r.value, r.goal])} | ${r.met ? 'yes' : 'NO'}`),
    '',
    'written to reports/bench.json',
    '',
  ].join('\n'),
);
