import type { BrokerSettings } from './settings';
import type { VersionInfo } from './versions';

/** The command lines of the `pact-broker` CLI (@pact-foundation/pact-cli). None holds a credential. */

/** `pact-broker publish <pactDir> --consumer-app-version <commit> --branch <branch>`. */
export function publishCommand(broker: BrokerSettings, pactDir: string, version: VersionInfo): string[] {
  return [
    'publish',
    pactDir,
    '--consumer-app-version',
    version.version,
    '--branch',
    version.branch,
    ...(version.buildUrl ? ['--build-url', version.buildUrl] : []),
    '--broker-base-url',
    broker.baseUrl,
  ];
}

export interface CanIDeployOptions {
  readonly pacticipant: string;
  readonly version: string;
  /** `PACT_ENVIRONMENT`, e.g. `production`. Required. */
  readonly environment: string;
  /** `PACT_CAN_I_DEPLOY_RETRIES`, default 10: how often to ask again while a verification is still missing. */
  readonly retryWhileUnknown: number;
  /** `PACT_CAN_I_DEPLOY_RETRY_INTERVAL`, default 30 seconds. */
  readonly retryIntervalSeconds: number;
}

/** `pact-broker can-i-deploy`, polling while the provider's verification result is unknown. */
export function canIDeployCommand(broker: BrokerSettings, options: CanIDeployOptions): string[] {
  return [
    'can-i-deploy',
    '--pacticipant',
    options.pacticipant,
    '--version',
    options.version,
    '--to-environment',
    options.environment,
    '--retry-while-unknown',
    String(options.retryWhileUnknown),
    '--retry-interval',
    String(options.retryIntervalSeconds),
    '--broker-base-url',
    broker.baseUrl,
  ];
}

export interface RecordDeploymentOptions {
  readonly pacticipant: string;
  readonly version: string;
  readonly environment: string;
  /** `PACT_APPLICATION_INSTANCE`: set when several instances of the app run in one environment. */
  readonly applicationInstance?: string;
}

/** `pact-broker record-deployment`: tells the broker which version now runs in the environment. */
export function recordDeploymentCommand(broker: BrokerSettings, options: RecordDeploymentOptions): string[] {
  return [
    'record-deployment',
    '--pacticipant',
    options.pacticipant,
    '--version',
    options.version,
    '--environment',
    options.environment,
    ...(options.applicationInstance ? ['--application-instance', options.applicationInstance] : []),
    '--broker-base-url',
    broker.baseUrl,
  ];
}

/** A command line for a log: arguments with spaces quoted. Holds no secret by construction. */
export function printable(binary: string, args: readonly string[]): string {
  return [binary, ...args].map((arg) => (/[\s"']/.test(arg) ? JSON.stringify(arg) : arg)).join(' ');
}
