import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigurationError } from '../config/configuration-error';
import type { Env } from '../config/parsers';
import { readVariables } from '../config/schema';
import { AUTHING_NODE_SDK } from './authing-node-sdk';
import type { ConsumerAdapter } from './consumer';
import { harnessConsumer } from './typed-client';

/** The pact's two parties, as `PACT_CONSUMER_NAME` and `PACT_PROVIDER_NAME` name them. */
export interface PactParties {
  /** The consumer name of the harness's own adapter. */
  readonly consumer: string;
  readonly provider: string;
}

/** The adapters the harness ships, by the name `PACT_CONSUMERS` uses. */
const BUILT_IN: Readonly<Record<string, (parties: PactParties) => ConsumerAdapter>> = {
  harness: (parties) => harnessConsumer(parties.consumer),
  'authing-node-sdk': () => AUTHING_NODE_SDK,
};

/** The consumers cannot be used: every problem, one line each. */
export class ConsumerConfigError extends ConfigurationError {
  override readonly name = 'ConsumerConfigError';
  constructor(problems: readonly string[]) {
    super(problems, {
      heading: 'The consumers of the pact tests cannot be used:',
      fix: 'Fix PACT_CONSUMERS or the adapter files it names; docs/contract-testing.md shows how to write one. No pact was written.',
    });
  }
}

const isAdapter = (value: unknown): value is ConsumerAdapter =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ConsumerAdapter).consumer === 'string' &&
  typeof (value as ConsumerAdapter).connect === 'function';

/** What an adapter's app declares it uses but its client cannot send, one line each. */
export function unsendable(adapter: ConsumerAdapter, source: string): string[] {
  const name = `the consumer ${adapter.consumer} (${source})`;
  return [
    ...adapter.uses.operations
      .filter((operation) => !adapter.can.operations.includes(operation))
      .map(
        (operation) =>
          `${name} declares the operation ${operation}, which its adapter cannot send: implement it in the adapter, or take it out of uses.operations`,
      ),
    ...adapter.uses.factorTypes
      .filter((factorType) => !adapter.can.factorTypes.includes(factorType))
      .map(
        (factorType) =>
          `${name} declares the factor type ${factorType}, which its adapter cannot send: add it to can.factorTypes if the client binds it, or take it out of uses.factorTypes`,
      ),
  ];
}

/**
 * The consumers of this run, checked: built-in adapters by name (`harness`, `authing-node-sdk`) and a team's
 * own by the path of a file whose default export is a `ConsumerAdapter` (`defineConsumer`). Every problem of
 * every entry is named at once.
 */
export async function consumersFrom(env: Env, parties: PactParties): Promise<ConsumerAdapter[]> {
  const entries = readVariables(
    env,
    ['PACT_CONSUMERS'],
    (problems) => new ConsumerConfigError(problems),
  ).PACT_CONSUMERS;
  const problems: string[] = [];
  const adapters: ConsumerAdapter[] = [];
  for (const entry of entries) {
    const builtIn = BUILT_IN[entry];
    if (builtIn) {
      adapters.push(builtIn(parties));
      continue;
    }
    const file = resolve(entry);
    if (!existsSync(file)) {
      problems.push(
        `PACT_CONSUMERS names "${entry}", which is neither a built-in adapter (${Object.keys(BUILT_IN).join(', ')}) nor a file`,
      );
      continue;
    }
    let loaded: { default?: unknown };
    try {
      loaded = (await import(pathToFileURL(file).href)) as { default?: unknown };
    } catch (error) {
      problems.push(`${entry} could not be loaded (${(error as Error).message.split('\n')[0]})`);
      continue;
    }
    if (!isAdapter(loaded.default)) {
      problems.push(`${entry} has no default export made with defineConsumer (src/consumers/consumer.ts)`);
      continue;
    }
    problems.push(...unsendable(loaded.default, entry));
    adapters.push(loaded.default);
  }
  const names = adapters.map((adapter) => adapter.consumer);
  for (const name of new Set(names.filter((name, index) => names.indexOf(name) !== index))) {
    problems.push(`two adapters write the consumer ${name}: give each a consumer name of its own`);
  }
  for (const adapter of adapters.filter((item) => item.consumer === parties.provider)) {
    problems.push(
      `the consumer ${adapter.consumer} has the provider's name: a pact needs two different parties`,
    );
  }
  if (adapters.length === 0 && problems.length === 0) problems.push('PACT_CONSUMERS names no consumer');
  if (problems.length > 0) throw new ConsumerConfigError(problems);
  return adapters;
}
