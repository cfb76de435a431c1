/**
 * The `vahti` command line: one sub-command per module, registered here.
 * Exit codes: 0 success, 2 bad input (one clear line on stderr), 1 anything else.
 */
import { Command, CommanderError } from 'commander';
import { registerDetectCommand } from './detect-command.ts';
import { registerTokenCommand } from './token-command.ts';

const program = new Command('vahti')
  .description('Vahti: catches performance regressions')
  .exitOverride();

registerDetectCommand(program);
registerTokenCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // Commander has already printed the usage problem; help and --version exit 0.
    process.exitCode = err.exitCode === 0 ? 0 : 2;
  } else {
    process.stderr.write(`vahti: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  }
}
