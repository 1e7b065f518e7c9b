export * from './attach-exchange';
export * from './labels';
export * from './redact';
