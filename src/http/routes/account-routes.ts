/**
 * Routes of the caller's account: who is logged in, and their API tokens (their own, and those
 * of the organisations they administer).
 */
import type { Services, UserPrincipal } from '../../services/index.ts';
import { presentIssuedToken, presentToken, presentUser } from '../presenters/account-presenter.ts';
import { httpProblem } from '../problems.ts';
import { defineRoute, type AnyRoute, type Caller } from '../route.ts';
import { TokenCreateBodySchema, TokenCreatedSchema, TokenParamsSchema, TokenSchema, UserSchema } from '../schemas/account-schemas.ts';
import { z } from 'zod';

const TAG = 'Account';

/** The caller as a user: organisation tokens have no user and are refused. */
function userOf(caller: Caller): UserPrincipal {
  if (caller.principal.kind !== 'user') throw httpProblem('forbidden', 'an organisation token has no user: log in, or use a user token');
  return caller.principal;
}

/**
 * The account routes.
 *
 * @example mountRoutes(router, accountRoutes(services), services, jsonBody)
 */
export function accountRoutes({ accounts, tokens }: Services): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/user',
      tag: TAG,
      summary: 'Who is logged in',
      description: 'The user, their GitHub organisations with their role, and the session’s CSRF token for writes.',
      auth: true,
      problems: ['forbidden'],
      request: {},
      response: { status: 200, description: 'The user.', schema: UserSchema },
      handle: async ({ caller }) => {
        const profile = await accounts.profile(userOf(caller).userId);
        if (!profile) throw httpProblem('unauthorized', 'the user no longer exists');
        return presentUser(profile, caller.csrfToken);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/tokens',
      tag: TAG,
      summary: 'Create an API token',
      description:
        'For the caller, or with `org` for an organisation the caller administers. The secret is in this answer only; ' +
        'Vahti stores its SHA-256 hash. After `expires_at`, or once revoked, the token gets 401.',
      auth: true,
      problems: ['forbidden', 'not_found'],
      request: { body: TokenCreateBodySchema },
      response: { status: 201, description: 'The token, with its secret.', schema: TokenCreatedSchema },
      handle: async ({ caller, body }) => presentIssuedToken(await tokens.issue(userOf(caller), body)),
    }),
    defineRoute({
      method: 'get',
      path: '/tokens',
      tag: TAG,
      summary: 'List API tokens',
      description: 'The caller’s tokens and those of the organisations they administer, not revoked, oldest first; never their secrets.',
      auth: true,
      problems: ['forbidden'],
      request: {},
      response: { status: 200, description: 'The tokens.', schema: z.array(TokenSchema) },
      handle: async ({ caller }) => (await tokens.list(userOf(caller))).map(presentToken),
    }),
    defineRoute({
      method: 'delete',
      path: '/tokens/{id}',
      tag: TAG,
      summary: 'Revoke an API token',
      description: 'One of the caller’s tokens or of an organisation they administer; it gets 401 from now on.',
      auth: true,
      problems: ['forbidden', 'not_found'],
      request: { params: TokenParamsSchema },
      response: { status: 204, description: 'Revoked.' },
      handle: async ({ caller, params }) => {
        await tokens.revoke(userOf(caller), params.id);
        return '';
      },
    }),
  ];
}
