import {
  LoginTokenRespDtoSchema,
  OPERATION_NAMES,
  OPERATIONS,
  type OperationName,
  SIGNIN_PATH,
} from '../../contract';
import type { z } from '../../contract/zod';
import type { MockContext } from '../context';
import { enrollFactor, sendEnrollFactorRequest } from '../core/enrollment';
import {
  getFactor,
  listEnrolledFactors,
  listFactorsToEnroll,
  mfaOtpVerify,
  resetFactor,
} from '../core/factors';
import type { Outcome } from '../core/outcome';
import { type MfaRequired, type SigninResult, signin } from '../core/users';
import type { User } from '../state';
import { type Answer, mfaRequiredAnswer } from './answers';

type Handled = Outcome<unknown> | Promise<Outcome<unknown>>;

interface RouteBase {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  /** The success schema every answer of the route is checked against. */
  readonly response: z.ZodType;
  /** The answer to a value of the rule that is not a plain success (a sign-in stopping at MFA). */
  readonly answer?: (requestId: string, value: unknown) => Answer | undefined;
}

/** A route that acts for the user of the access token: refused without a valid one. */
export interface UserRoute extends RouteBase {
  readonly access: 'user';
  readonly handle: (context: MockContext, user: User, input: unknown) => Handled;
}

/** A route anyone may call: signing in. */
export interface PublicRoute extends RouteBase {
  readonly access: 'public';
  readonly handle: (context: MockContext, input: unknown, appId: string | undefined) => Handled;
}

export type ApiRoute = UserRoute | PublicRoute;

const ACTIONS: Readonly<Record<OperationName, UserRoute['handle']>> = {
  sendEnrollFactorRequest,
  enrollFactor,
  resetFactor,
  listEnrolledFactors: (context, user) => listEnrolledFactors(context, user),
  getFactor,
  listFactorsToEnroll: (context, user) => listFactorsToEnroll(context, user),
  mfaOtpVerify,
};

/** The seven MFA factor operations and the password sign-in of seeded users. */
export const API_ROUTES: readonly ApiRoute[] = [
  ...OPERATION_NAMES.map(
    (name): UserRoute => ({
      access: 'user',
      method: OPERATIONS[name].method,
      path: OPERATIONS[name].path,
      response: OPERATIONS[name].response,
      handle: ACTIONS[name],
    }),
  ),
  {
    access: 'public',
    method: 'POST',
    path: SIGNIN_PATH,
    response: LoginTokenRespDtoSchema,
    handle: (context, input, appId) => signin(context, appId, input),
    answer: (requestId, value) => {
      const result = value as SigninResult;
      return 'mfaRequired' in result
        ? mfaRequiredAnswer(requestId, (result as MfaRequired).mfaToken)
        : undefined;
    },
  },
];
