import pino, { type Logger } from 'pino';
import type { LogLevel } from '../config/mock-values';

/** Header and field paths that may carry secrets; pino replaces their values. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-mock-control-token"]',
  'req.headers.cookie',
  'headers.authorization',
  'headers["x-mock-control-token"]',
  '*.password',
  '*.passCode',
  '*.code',
  '*.enrollmentToken',
  '*.accessToken',
  '*.access_token',
  '*.totp',
  '*.qrCodeUri',
  '*.qrCodeDataUrl',
  '*.recoveryCode',
];

export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'genauth-mock' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    destination,
  );
}
