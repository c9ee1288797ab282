/** A mistake in how the command was called: printed with a hint, exit code 2. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

export function parseIntegerOption(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw new CliUsageError(`--${name} must be a whole number, got "${value}"`);
  const n = Number(value);
  if (n < min || n > max) throw new CliUsageError(`--${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

export function requireOption(name: string, value: string | undefined): string {
  if (!value) throw new CliUsageError(`--${name} is required`);
  return value;
}

/** The api handler refused the operation: its (Dutch) message and, for INVALID_INPUT, the problem per field. Exit 1. */
export class CliOperationError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: readonly { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'CliOperationError';
  }

  /** The message, then one line per field the contract refused. */
  describe(): string {
    return [this.message, ...this.details.map((d) => `  ${d.path}: ${d.message}`)].join('\n');
  }
}
