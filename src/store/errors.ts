/**
 * Domain errors thrown by stores and services. They carry a stable machine-readable `code`
 * and no HTTP status: the HTTP layer maps them to RFC 9457 problem responses.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The thing asked for does not exist (or is not visible to the caller). */
export class NotFoundError extends DomainError {
  constructor(what: string) {
    super('not_found', `${what} not found`);
  }
}

/** The write would break a uniqueness rule. */
export class ConflictError extends DomainError {
  constructor(message: string) {
    super('conflict', message);
  }
}

/** The caller is known and may see the thing, but not do this to it (e.g. a member changing an organisation's config). */
export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super('forbidden', message);
  }
}

/** The input is well-formed but not acceptable now (e.g. a token expiry in the past). */
export class InvalidInputError extends DomainError {
  constructor(message: string) {
    super('validation_failed', message);
  }
}
