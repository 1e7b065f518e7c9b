import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { measureCleanRehearsals } from '../bench/fidelity';
import { formatGateBreakdown, measureGateOverhead } from '../bench/gate-overhead';
import { countLines } from '../bench/line-counts';
import { measureMemory } from '../bench/memory';
import { measureThroughput } from '../bench/mock-throughput';
import { measureHeavySelfTests, measureNpmTest, measureSensitivity } from '../bench/suite-durations';
import { median, type TimedRun } from '../bench/support/commands';
import { measureFlatCost, measureRemoteRehearsal, measureTimeControl } from '../bench/time-control';
import { measureUsers } from '../bench/users';
import { FACTOR_TYPES } from '../src/contract';
import { Steps } from '../src/process/steps';
import { runMain } from './main';

/**
 * `npm run bench`: every figure in one run on one machine, printed with its goal and written to
 * reports/bench.json. Sizes: BENCH_ENROLLMENTS (default 100000), BENCH_REAL_TTL_SECONDS (default 10),
 * BENCH_LOAD_SECONDS (default 10), BENCH_CONNECTIONS (default 20), BENCH_FLAT_ROUNDS (default 100),
 * BENCH_USERS (default 100000), BENCH_FIDELITY_REHEARSALS (default 10);
 * BENCH_ONLY=lines,gate,test,sensitivity,time,remote,flat,throughput,memory,users,fidelity picks figures. Each figure is a step: one that cannot be measured (a command or server failing) is that step's
 * failure, the others are still measured, and the run exits 1. A goal not met is a finding, not a failure.
 */
const reportsDir = join(process.cwd(), 'reports');
const logDir = join(reportsDir, 'bench');
mkdirSync(logDir, { recursive: true });
const only = new Set(
  (
    process.env.BENCH_ONLY ?? 'lines,gate,test,sensitivity,time,remote,flat,throughput,memory,users,fidelity'
  ).split(','),
);
const pactFile = 'pacts/mfa-enrollment-app-genauth-authentication-api.json';

interface Row {
  readonly figure: string;
  readonly value: string;
  readonly goal: string;
  readonly met: boolean;
}
const rows: Row[] = [];
const notes: string[] = [];
const results: Record<string, unknown> = {};
const say = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const fmt = (n: number, digits = 2) => n.toFixed(digits);
const WALL_UNITS = { min: { ms: 60_000, digits: 2 }, s: { ms: 1000, digits: 1 } } as const;
/** A command's wall time against its limit: met when it stayed within the limit and exited 0. */
const wallRow = (figure: string, run: TimedRun, limit: number, unit: keyof typeof WALL_UNITS): Row => ({
  figure,
  value: `${fmt(run.wallMs / WALL_UNITS[unit].ms, WALL_UNITS[unit].digits)} ${unit}, exit ${run.exitCode}`,
  goal: `<= ${limit} ${unit}`,
  met: run.wallMs <= limit * WALL_UNITS[unit].ms && run.exitCode === 0,
});

runMain(async () => {
  const steps = new Steps('bench');
  /** Measures one figure as a step, summed up by its goals. */
  const figures = (name: string, measure: () => Promise<void>) =>
    steps.run(name, async () => {
      const from = rows.length;
      await measure();
      const missed = rows.slice(from).filter((row) => !row.met).length;
      return missed ? `${missed} goal(s) not met` : 'goals met';
    });
  if (only.has('lines')) {
    await figures('lines of code', async () => {
      const lines = countLines();
      results.lines = lines;
      const k = (n: number) => `${fmt(n / 1000, 1)}k`;
      rows.push({
        figure: 'lines: src, cli, fixtures (infrastructure); suites; test',
        value:
          Object.entries(lines.now)
            .map(([folder, count]) => `${folder} ${k(count)} (was ${k(lines.before[folder] ?? 0)})`)
            .join(', ') +
          `; infrastructure ${k(lines.infrastructure.now)} (was ${k(lines.infrastructure.before)})`,
        goal: 'reported',
        met: true,
      });
    });
  }

  if (only.has('gate')) {
    await figures('gate overhead', async () => {
      say('gate overhead: a trivial Playwright run and npm run gate, alternately, three times');
      const gate = await measureGateOverhead(logDir, reportsDir);
      results.gateOverhead = gate;
      rows.push({
        figure: 'gate wall / Playwright floor',
        value:
          `${fmt(gate.ratio)} (${fmt(gate.gateWallMs / 1000, 1)} s / ${fmt(gate.floorWallMs / 1000, 1)} s, the least of ` +
          `gates ${gate.gateRunsMs.map((ms) => fmt(ms / 1000, 1)).join(', ')} s and floors ` +
          `${gate.floorRunsMs.map((ms) => fmt(ms / 1000, 1)).join(', ')} s; gate exit ${gate.gateExitCode})`,
        goal: '<= 8 (goal 4)',
        met: gate.ratio <= 8 && gate.gateExitCode === 0,
      });
      notes.push('where the gate spends its time:', ...formatGateBreakdown(gate));
    });
  }

  if (only.has('test')) {
    await figures('npm test', async () => {
      say('npm test on this checkout');
      const npmTest = await measureNpmTest(logDir);
      results.npmTest = npmTest;
      rows.push(wallRow('npm test wall', npmTest, 180, 's'));
      say('npm run selftest:heavy, which .ci/run runs after npm test');
      const heavy = await measureHeavySelfTests(logDir);
      results.heavySelfTests = heavy;
      rows.push({
        figure: 'selftest:heavy wall (.ci/run, after npm test)',
        value: `${fmt(heavy.wallMs / 1000, 1)} s, exit ${heavy.exitCode}`,
        goal: 'reported; exit 0',
        met: heavy.exitCode === 0,
      });
    });
  }

  if (only.has('sensitivity')) {
    await figures('sensitivity', async () => {
      say('npm run selftest:sensitivity');
      const sensitivity = await measureSensitivity(logDir);
      results.sensitivity = sensitivity;
      rows.push(wallRow('selftest:sensitivity wall', sensitivity, 90, 's'));
    });
  }

  if (only.has('flat')) {
    await figures('per-test cost', async () => {
      const rounds = Number(process.env.BENCH_FLAT_ROUNDS ?? 100);
      // bench/flat runs one test per factor type and round.
      const flows = rounds * FACTOR_TYPES.length;
      say(`per-test cost through a run: ${flows} enrollment flows on one worker`);
      const flat = await measureFlatCost(logDir, rounds);
      results.flatCost = flat;
      rows.push({
        figure: `per-test cost, last third / first third (${flat.tests} tests, one worker)`,
        value: `${fmt(flat.ratio)} (${fmt(flat.lastThirdMs, 1)} ms / ${fmt(flat.firstThirdMs, 1)} ms)`,
        goal: '<= 1.2 (flat)',
        met: flat.ratio <= 1.2 && flat.tests === flows,
      });
    });
  }

  if (only.has('time')) {
    await figures('time control', async () => {
      const ttlSeconds = Number(process.env.BENCH_REAL_TTL_SECONDS ?? 10);
      say(`time control: token expiry in virtual time, then real time with a TTL of ${ttlSeconds} s`);
      const time = await measureTimeControl(logDir, ttlSeconds);
      results.timeControl = time;
      rows.push({
        figure: 'token expiry, virtual time (8 scenarios)',
        value: `${fmt(time.virtual.totalTestMs / 1000)} s in all, ${time.virtual.passed}/${time.virtual.tests} passed`,
        goal: '< 1 s in all',
        met:
          time.virtual.totalTestMs < 1000 &&
          time.virtual.passed === time.virtual.tests &&
          time.virtual.tests > 0,
      });
      rows.push({
        figure: `token expiry, real time (TTL ${ttlSeconds} s, all four types), above a one-test rehearsal`,
        value:
          `${fmt(time.realTime.ttlMultiple)} x TTL, median of ${time.realTime.roundMultiples.map((m) => fmt(m)).join(', ')}; ` +
          `the slowest type's checks ${fmt(time.realTime.slowestChecksMs / 1000, 1)} s = ${fmt(time.realTime.checksMultiple)} x TTL, ` +
          `${time.realTime.passed}/${time.realTime.tests} passed`,
        goal: '<= 1.3 x TTL',
        met:
          time.realTime.ttlMultiple <= 1.3 &&
          time.realTime.passed === time.realTime.tests &&
          time.realTime.tests > 0,
      });
    });
  }

  if (only.has('remote')) {
    await figures('remote rehearsal', async () => {
      say(
        'the rehearsal, remote profile: API suites and provider verification at TTL 60 s, 100-200 ms latency',
      );
      const remote = await measureRemoteRehearsal(logDir);
      results.remoteRehearsal = remote;
      rows.push({
        ...wallRow('rehearsal, remote profile (TTL 60 s, latency 100-200 ms): wall', remote, 3, 'min'),
        value: `${fmt(remote.wallMs / 60_000)} min, ${remote.passed} passed, ${remote.skipped} skipped of ${remote.tests}, exit ${remote.exitCode}`,
      });
      rows.push({
        figure: "token expiry at the documented TTL (remote profile): the slowest type's checks",
        value: `${fmt(remote.slowestExpiryChecksMs / 1000, 1)} s = ${fmt(remote.ttlMultiple)} x TTL`,
        goal: '<= 1.3 x TTL',
        met: remote.ttlMultiple > 0 && remote.ttlMultiple <= 1.3,
      });
    });
  }

  if (only.has('throughput')) {
    await figures('throughput', async () => {
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
    });
  }

  if (only.has('memory')) {
    await figures('memory', async () => {
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
    });
  }

  if (only.has('users')) {
    await figures('users', async () => {
      const users = Number(process.env.BENCH_USERS ?? 100_000);
      say(
        `users: memory and sign-in rate before ${users} control-plane users, among them, and once they are swept`,
      );
      const figures = await measureUsers({ users });
      results.users = figures;
      const { before, crowded, after } = figures;
      rows.push({
        figure: `sign-in req/s among ${crowded.users} users / with ${before.users}`,
        value: `${fmt(figures.signinRatio)} (${fmt(crowded.signinsPerSecond, 0)} / ${fmt(before.signinsPerSecond, 0)} req/s; users created in ${fmt(figures.createSeconds, 1)} s)`,
        goal: '>= 0.8 (flat)',
        met: figures.signinRatio >= 0.8 && crowded.users > users,
      });
      rows.push({
        figure: `mock heap before ${users} users / after they are swept`,
        value: `${fmt(before.heapUsedMb, 1)} -> ${fmt(after.heapUsedMb, 1)} MB (${fmt(figures.heapGrowthPercent, 1)} %, ${fmt(crowded.heapUsedMb, 0)} MB among them), ${after.users} left`,
        goal: 'flat (< 10 %), seed users only',
        met: figures.heapGrowthPercent < 10 && after.users === before.users,
      });
    });
  }

  if (only.has('fidelity')) {
    await figures('fidelity', async () => {
      const runs = Number(process.env.BENCH_FIDELITY_REHEARSALS ?? 10);
      say(
        `fidelity: ${runs} rehearsals with nothing planted; every difference found is the check's own noise`,
      );
      const clean = await measureCleanRehearsals(logDir, runs);
      results.fidelity = clean;
      rows.push({
        figure: `fidelity differences in ${runs} clean rehearsals (nothing planted)`,
        value:
          `${clean.differences} (${clean.notCompared} scenarios not compared; ${Math.min(...clean.compared)}-${Math.max(...clean.compared)} compared per run; ` +
          `${clean.passed}/${runs} passed, median ${fmt(median(clean.wallMs) / 1000, 1)} s)`,
        goal: '0',
        met: clean.differences === 0 && clean.passed === runs,
      });
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
  writeFileSync(
    join(reportsDir, 'bench.json'),
    `${JSON.stringify({ machine, rows, notes, results }, null, 2)}\n`,
  );

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
      ...(notes.length ? [...notes, ''] : []),
      'written to reports/bench.json',
      '',
    ].join('\n'),
  );
  process.stdout.write(steps.summary());
  return steps.passed ? 0 : 1;
});
