// The tools' command-line options: node:util's parseArgs in strict mode (an unknown option, a missing
// value or a stray argument is an error), --help for every tool, and one set of number checks, so that
// "--epochs ten" or "--people 0" is refused by every tool the same way instead of running with NaN.
import { parseArgs, type ParseArgsConfig } from 'node:util';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;
const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/** A command line the tool cannot run with: reported by its message alone, without a stack. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The options' values; prints `usage` and exits on --help or -h. */
export function readOptions<const T extends OptionsConfig>(argv: string[], options: T, usage: string) {
  const config = {
    args: argv,
    options: { ...options, ...HELP } as T & typeof HELP,
    strict: true,
    allowPositionals: false,
  } as const;
  let values: ReturnType<typeof parseArgs<typeof config>>['values'];
  try {
    values = parseArgs(config).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if ((values as { help?: boolean }).help) {
    console.log(usage);
    process.exit(0);
  }
  return values;
}

interface NumberRule {
  accepts: (n: number) => boolean;
  /** What the option needs, for the error: "a whole number ≥ 1". */
  needs: string;
}

export const POSITIVE: NumberRule = { accepts: (n) => Number.isFinite(n) && n > 0, needs: 'a number > 0' };
export const NON_NEGATIVE: NumberRule = { accepts: (n) => Number.isFinite(n) && n >= 0, needs: 'a number ≥ 0' };
export const WHOLE: NumberRule = { accepts: (n) => Number.isInteger(n) && n >= 0, needs: 'a whole number ≥ 0' };
export const COUNT: NumberRule = { accepts: (n) => Number.isInteger(n) && n >= 1, needs: 'a whole number ≥ 1' };
export const RATE: NumberRule = { accepts: (n) => n > 0 && n < 1, needs: 'a rate between 0 and 1' };

/** The number an option gave, or `fallback` when it was not given; throws when the rule refuses it. */
export function numberOption(value: string | undefined, flag: string, rule: NumberRule, fallback: number): number {
  if (value === undefined) return fallback;
  const n = value.trim() === '' ? Number.NaN : Number(value);
  if (!rule.accepts(n)) throw new UsageError(`--${flag} needs ${rule.needs}, not "${value}"`);
  return n;
}

/**
 * Runs a tool's main and exits: 0 when it resolves (Dawn's device would keep the process alive), 1 when
 * it throws, with the message alone for a usage error and the stack for anything else.
 */
export function runTool(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      if (error instanceof UsageError) console.error(`${error.message} (see --help)`);
      else console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
}
