/** The part of `@pactflow/swagger-mock-validator` 14 the OpenAPI check uses (the package ships no types). */
declare module '@pactflow/swagger-mock-validator' {
  export interface ValidationFinding {
    readonly code: string;
    readonly type: 'error' | 'warning';
    readonly message: string;
    readonly source: string;
    readonly mockDetails?: {
      readonly interactionDescription?: string;
      readonly location?: string;
      readonly mockFile?: string;
    };
    readonly specDetails?: {
      readonly location?: string;
      readonly pathName?: string;
      readonly pathMethod?: string;
    };
  }

  export interface ValidationOutcome {
    readonly success: boolean;
    readonly failureReason?: string;
    readonly errors: readonly ValidationFinding[];
    readonly warnings: readonly ValidationFinding[];
  }

  export interface ValidateOptions {
    readonly specPathOrUrl: string;
    readonly mockPathOrUrl: string;
    readonly additionalPropertiesInResponse?: string;
    readonly requiredPropertiesInResponse?: string;
  }

  export const SwaggerMockValidatorFactory: {
    create(auth?: string): { validate(options: ValidateOptions): Promise<ValidationOutcome> };
  };
}
