/**
 * `vahti token create --user LOGIN [--name NAME]`: creates an API token straight in the store
 * the server uses (same DATA_DIR / MONGODB_URI environment) and prints only the token on stdout,
 * to bootstrap self-hosting and CI.
 */
import type { Command } from 'commander';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { LOGIN_PATTERN, TokenService, systemClock } from '../services/index.ts';
import { ConflictError } from '../store/errors.ts';
import { openStore } from '../store/open-store.ts';

function configOrExit(command: Command): Config {
  try {
    return loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) command.error(`vahti: ${err.message}`, { exitCode: 2 });
    throw err;
  }
}

/**
 * Registers `token create` on the CLI program. A bad login, name or environment, or a login that
 * is a known organisation's name, exits 2 with one line on stderr; a store that cannot be opened fails as any other error (exit 1).
 *
 * @example registerTokenCommand(program); // npx vahti token create --user alice
 */
export function registerTokenCommand(program: Command): void {
  program
    .command('token')
    .description('manage API tokens')
    .command('create')
    .description('create an API token for a user (created if new) and print only the token')
    .requiredOption('--user <login>', 'the GitHub-style login the token acts for')
    .option('--name <name>', 'a label for the token', 'cli')
    .action(async (options: { user: string; name: string }, command: Command) => {
      if (!LOGIN_PATTERN.test(options.user)) {
        command.error('vahti: --user must be 1-39 letters, digits and single inner hyphens', { exitCode: 2 });
      }
      if (options.name.length < 1 || options.name.length > 100) {
        command.error('vahti: --name must be 1-100 characters', { exitCode: 2 });
      }
      const config = configOrExit(command);
      const store = await openStore({ dataDir: config.dataDir, mongodbUri: config.mongodbUri, mongodbDb: config.mongodbDb });
      try {
        const { secret } = await new TokenService(store, systemClock).create(options.user, options.name).catch((err: unknown) => {
          if (err instanceof ConflictError) command.error(`vahti: ${err.message}`, { exitCode: 2 });
          throw err;
        });
        process.stdout.write(`${secret}\n`);
      } finally {
        await store.close();
      }
    });
}
