/**
 * Schemas of the account routes (`/user`, `/tokens`), the organisation path parameter, and the
 * public routes' owner parameter.
 */
import { z } from 'zod';
import { LOGIN_PATTERN } from '../../services/index.ts';
import { TestNameSchema, TimestampSchema } from './common.ts';

/** A GitHub login or organisation name: 1–39 letters, digits and single inner hyphens. */
export const AccountNameSchema = z
  .string()
  .regex(LOGIN_PATTERN, 'names are 1-39 letters, digits and single inner hyphens')
  .meta({ id: 'AccountName', description: 'A GitHub login or organisation name.', example: 'acme' });

/** Path parameter of every `/orgs/{org}/…` route. */
export const OrgParamsSchema = z.object({ org: AccountNameSchema });

/** Path parameters of `/public/result/{owner}/{test}…`. */
export const PublicTestParamsSchema = z.object({
  owner: AccountNameSchema.meta({ description: 'The owner’s name: a user’s login (`u:alice` → `alice`) or an organisation’s (`o:acme` → `acme`).' }),
  test: TestNameSchema,
});

/** Who is logged in (`GET /user`). */
export const UserSchema = z
  .object({
    login: z.string(),
    name: z.string().optional(),
    email: z.string().optional().meta({ description: 'Primary verified email on GitHub.' }),
    avatar_url: z.string().optional(),
    orgs: z.array(z.object({ login: z.string(), role: z.enum(['admin', 'member']) })).meta({ description: 'GitHub organisations, as of the last login or refresh.' }),
    csrf_token: z.string().meta({ description: 'Send as X-CSRF-Token on cookie-authenticated writes; empty when a token authenticated the request.' }),
  })
  .meta({ id: 'User' });

/** Body of `POST /tokens`. */
export const TokenCreateBodySchema = z
  .strictObject({
    name: z.string().min(1).max(100).meta({ example: 'github-actions' }),
    expires_at: TimestampSchema.optional().meta({ description: 'Unix seconds after which the token is refused; never when absent.' }),
    org: AccountNameSchema.optional().meta({ description: 'Make the token act for this organisation (admins only).' }),
  })
  .meta({ id: 'TokenCreate' });

/** A token as listed: never its secret. */
export const TokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    org: z.string().nullable().meta({ description: 'The organisation it acts for; null for the user’s own token.' }),
    created_at: z.number().int(),
    expires_at: z.number().int().nullable(),
    last_used: z.number().int().nullable().meta({ description: 'Unix seconds, to the minute.' }),
  })
  .meta({ id: 'Token' });

/** A new token: the one time its secret is shown. */
export const TokenCreatedSchema = TokenSchema.extend({
  token: z.string().meta({ description: 'The secret, shown only now; Vahti keeps only its SHA-256 hash.' }),
}).meta({ id: 'TokenCreated' });

/** Path parameter of `DELETE /tokens/{id}`. */
export const TokenParamsSchema = z.object({ id: z.string().min(1).max(100) });

/** One entry of `GET /public/results`. */
export const PublicTestSchema = z
  .object({
    owner: z.string().meta({ description: 'The owner’s name (login or organisation).' }),
    test_name: TestNameSchema,
    last_seen: z.number().int().nullable(),
    result_count: z.number().int(),
  })
  .meta({ id: 'PublicTest' });
