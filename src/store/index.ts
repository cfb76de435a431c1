/** The storage layer: the `Store` contract, its two backends and the function that picks one. */
export type { AccountStore, GithubIdentity, GithubMembership, Membership, Org, OrgRole, StaleMemberships } from './account-types.ts';
export type {
  ChangeDetails,
  ChangeRecord,
  ChangeStore,
  ClaimedDelivery,
  Delivery,
  DeliveryOutcome,
  DeliveryState,
  DetectedChange,
} from './change-types.ts';
export { ConflictError, DomainError, ForbiddenError, InvalidInputError, NotFoundError } from './errors.ts';
export { systemClock, type Clock } from './clock.ts';
export { emptyTestConfig } from './defaults.ts';
export { decodeExactJson, encodeExactJson } from './exact-json.ts';
export { MongoStore, type MongoStoreOptions } from './mongo/mongo-store.ts';
export { DEFAULT_MONGODB_DB, openStore, type StoreConfig } from './open-store.ts';
export { SqliteStore, type SqliteLocation, type SqliteStoreOptions } from './sqlite/sqlite-store.ts';
export type {
  ApiToken,
  CachedChanges,
  Metric,
  MetricDirection,
  OwnerConfig,
  OwnerId,
  ResultAttributes,
  ResultWindow,
  Store,
  StoredResult,
  TestConfig,
  TestMeta,
  TestResult,
  Thresholds,
  User,
  WriteSummary,
} from './types.ts';
