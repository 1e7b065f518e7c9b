import { createRequire } from 'node:module';
import type * as zod from 'zod';

/**
 * zod, loaded through `require`: its CommonJS build is one chain of plain requires, where its ES module build
 * is some 95 files, each resolved and loaded through the TypeScript hooks Playwright and tsx register (off
 * the main thread on Node 20). That costs every process of a run about 0.2 s of CPU, each Playwright worker
 * included. Every file imports zod from here, so one copy of it is loaded and `instanceof` holds across the
 * harness.
 */
export const z: typeof zod.z = (createRequire(import.meta.url)('zod') as typeof zod).z;

/** The types of zod the harness names, beside the value. */
export declare namespace z {
  export type infer<T> = zod.z.infer<T>;
  export type input<T> = zod.z.input<T>;
  export type output<T> = zod.z.output<T>;
  export type ZodType<Output = unknown, Input = unknown> = zod.z.ZodType<Output, Input>;
  export type ZodError<T = unknown> = zod.z.ZodError<T>;
  export type RefinementCtx<T = unknown> = zod.z.RefinementCtx<T>;
  export namespace core {
    export type $ZodIssue = zod.z.core.$ZodIssue;
    export type ParsePayload<T = unknown> = zod.z.core.ParsePayload<T>;
  }
}
