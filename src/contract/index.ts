export * from './catalog-message';
export * from './dto';
export * from './envelope';
export * from './error-catalog';
export * from './factor-types';
export * from './limits';
export * from './operations';
export * from './otp';
