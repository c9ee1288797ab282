import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The settings of `ketenplanner server` (issue 13, item 2): a JSON file (--config, else
 * KETENPLANNER_CONFIG) with environment variables overriding single keys, so a district's IT can keep
 * secrets out of the file (systemd credentials, a container's environment). docs/district-server.md
 * lists every key. Secrets (the database password, the identity provider's client secret) are never
 * printed: describeConfig() redacts them, and no message quotes a value.
 */

/** Environment variable -> the key it overrides (dotted path into the file's object). */
export const CONFIG_ENVIRONMENT = {
  KETENPLANNER_DATABASE_URL: 'databaseUrl',
  KETENPLANNER_MIGRATION_DATABASE_URL: 'migrationDatabaseUrl',
  KETENPLANNER_TLS_CERT: 'tls.cert',
  KETENPLANNER_TLS_KEY: 'tls.key',
  KETENPLANNER_LISTEN: 'listen',
  KETENPLANNER_SHUTDOWN_GRACE_SECONDS: 'shutdownGraceSeconds',
  KETENPLANNER_OIDC_ISSUER: 'oidc.issuer',
  KETENPLANNER_OIDC_CLIENT_ID: 'oidc.clientId',
  KETENPLANNER_OIDC_CLIENT_SECRET: 'oidc.clientSecret',
  KETENPLANNER_OIDC_REDIRECT_URI: 'oidc.redirectUri',
  KETENPLANNER_OIDC_API_AUDIENCE: 'oidc.apiAudience',
  KETENPLANNER_OIDC_DESKTOP_CLIENT_ID: 'oidc.desktopClientId',
} as const;

export const CONFIG_FILE_VARIABLE = 'KETENPLANNER_CONFIG';
export const DEFAULT_LISTEN = '0.0.0.0:8443';
export const DEFAULT_SHUTDOWN_GRACE_SECONDS = 25;

const nonEmpty = z.string({ error: (issue) => (issue.input === undefined ? 'ontbreekt' : 'moet een tekst zijn') }).trim().min(1, { error: 'mag niet leeg zijn' });

const postgresUrl = nonEmpty.refine(
  (value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.pathname.length > 1;
    } catch {
      return false;
    }
  },
  { error: 'moet een PostgreSQL-adres zijn, zoals postgres://gebruiker@server:5432/database' },
);

const listen = nonEmpty.transform((value, ctx) => {
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]\s]+):(\d{1,5})$/.exec(value);
  const port = match ? Number(match[2]) : NaN;
  if (!match || port < 1 || port > 65535) {
    ctx.addIssue({ code: 'custom', message: 'moet host:poort zijn, zoals 0.0.0.0:8443 of [::]:8443 (poort 1 tot en met 65535)' });
    return z.NEVER;
  }
  return { host: match[1]!.replace(/^\[(.*)\]$/, '$1'), port };
});

const httpsUrl = nonEmpty.refine(
  (value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || (url.protocol === 'http:' && ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname));
    } catch {
      return false;
    }
  },
  { error: 'moet een https-adres zijn (http alleen voor 127.0.0.1 of localhost)' },
);

const existingFile = nonEmpty.refine((file) => fs.existsSync(file) && fs.statSync(file).isFile(), { error: 'dit bestand bestaat niet' });

const graceSeconds = z.coerce
  .number({ error: 'moet een getal zijn' })
  .int({ error: 'moet een geheel aantal seconden zijn' })
  .min(1, { error: 'moet minstens 1 seconde zijn' })
  .max(600, { error: 'mag hoogstens 600 seconden zijn' });

/** The identity provider (OpenID Connect), used by the sign-in in server/auth/. Optional here. */
const oidcSchema = z
  .object(
    {
      issuer: httpsUrl,
      clientId: nonEmpty,
      clientSecret: nonEmpty,
      redirectUri: httpsUrl,
      /** The API's resource indicator at the IdP (desktops' access tokens carry it as audience); default: clientId. */
      apiAudience: nonEmpty.optional(),
      /** The desktop app's public client at the IdP (PKCE, loopback redirect); absent: desktops cannot connect. */
      desktopClientId: nonEmpty.optional(),
    },
    { error: 'moet een object zijn met issuer, clientId, clientSecret en redirectUri (en eventueel apiAudience en desktopClientId)' },
  )
  .strict();

const fileSchema = z
  .object(
    {
      databaseUrl: postgresUrl.optional(),
      migrationDatabaseUrl: postgresUrl.optional(),
      listen: listen.optional(),
      tls: z.object({ cert: existingFile.optional(), key: existingFile.optional() }, { error: 'moet een object zijn met cert en key' }).strict().optional(),
      shutdownGraceSeconds: graceSeconds.optional(),
      oidc: oidcSchema.optional(),
    },
    { error: 'het bestand moet één JSON-object bevatten' },
  )
  .strict();

type ParsedFile = z.infer<typeof fileSchema>;

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  apiAudience?: string | undefined;
  desktopClientId?: string | undefined;
}

/** What `ketenplanner server migrate` needs. */
export interface DatabaseConfig {
  databaseUrl: string;
  /** The role that owns the schema (migrations); the server itself connects with databaseUrl. */
  migrationDatabaseUrl: string;
}

/** What the running server needs. */
export interface DistrictServerConfig extends DatabaseConfig {
  listen: { host: string; port: number };
  tls: { cert: string; key: string };
  shutdownGraceSeconds: number;
  oidc: OidcSettings | null;
}

/** The settings cannot be used; the message names every field (in Dutch) and where it came from. */
export class DistrictConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`De instellingen van de server kloppen niet:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'DistrictConfigError';
  }
}

export interface ConfigSource {
  /** --config FILE; else KETENPLANNER_CONFIG; else no file (environment only). */
  file?: string | undefined;
  env: NodeJS.ProcessEnv;
}

/** Reads the file and the environment; validates only the keys present. */
function readSettings(source: ConfigSource): { settings: ParsedFile; origin: (key: string) => string } {
  const file = source.file ?? (source.env[CONFIG_FILE_VARIABLE] || undefined);
  let raw: Record<string, unknown> = {};
  if (file) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      throw new DistrictConfigError([`configuratiebestand ${path.resolve(file)}: kan niet gelezen worden (bestaat het, en mag de server het lezen?)`]);
    }
    try {
      // The parser's own message can quote part of the file (a secret): only where it went wrong.
      raw = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new DistrictConfigError([`configuratiebestand ${path.resolve(file)}: is geen geldige JSON`]);
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw new DistrictConfigError([`configuratiebestand ${path.resolve(file)}: het bestand moet één JSON-object bevatten`]);
    }
  }
  const fromEnvironment = new Map<string, string>();
  for (const [variable, key] of Object.entries(CONFIG_ENVIRONMENT)) {
    const value = source.env[variable];
    if (value === undefined || value === '') continue;
    setPath(raw, key, value);
    fromEnvironment.set(key, variable);
  }
  const origin = (key: string): string => {
    const variable = fromEnvironment.get(key);
    if (variable) return `${key} (uit ${variable})`;
    return file ? `${key} (in ${path.basename(file)})` : key;
  };
  const result = fileSchema.safeParse(raw);
  if (!result.success) {
    throw new DistrictConfigError(
      result.error.issues.map((issue) => {
        if (issue.code === 'unrecognized_keys') {
          const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
          return `${where}onbekende instelling ${issue.keys.join(', ')} (zie docs/district-server.md)`;
        }
        const key = issue.path.join('.');
        return key ? `${origin(key)}: ${issue.message}` : issue.message;
      }),
    );
  }
  return { settings: result.data, origin };
}

function setPath(target: Record<string, unknown>, key: string, value: string): void {
  const parts = key.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts.at(-1)!] = value;
}

const missing = (key: string, variable: string) => `${key} ontbreekt: zet het in het configuratiebestand of in ${variable}`;

/** The settings `ketenplanner server migrate` needs: the database. */
export function loadDatabaseConfig(source: ConfigSource): DatabaseConfig {
  const { settings } = readSettings(source);
  if (!settings.databaseUrl) throw new DistrictConfigError([missing('databaseUrl', 'KETENPLANNER_DATABASE_URL')]);
  return { databaseUrl: settings.databaseUrl, migrationDatabaseUrl: settings.migrationDatabaseUrl ?? settings.databaseUrl };
}

/** Every setting the server needs, checked together: one message lists every missing or wrong field. */
export function loadServerConfig(source: ConfigSource): DistrictServerConfig {
  const { settings } = readSettings(source);
  const problems: string[] = [];
  if (!settings.databaseUrl) problems.push(missing('databaseUrl', 'KETENPLANNER_DATABASE_URL'));
  if (!settings.tls?.cert) problems.push(missing('tls.cert', 'KETENPLANNER_TLS_CERT'));
  if (!settings.tls?.key) problems.push(missing('tls.key', 'KETENPLANNER_TLS_KEY'));
  if (problems.length > 0) throw new DistrictConfigError(problems);
  return {
    databaseUrl: settings.databaseUrl!,
    migrationDatabaseUrl: settings.migrationDatabaseUrl ?? settings.databaseUrl!,
    listen: settings.listen ?? listen.parse(DEFAULT_LISTEN),
    tls: { cert: settings.tls!.cert!, key: settings.tls!.key! },
    shutdownGraceSeconds: settings.shutdownGraceSeconds ?? DEFAULT_SHUTDOWN_GRACE_SECONDS,
    oidc: settings.oidc ?? null,
  };
}

/** The database URL with its password (and any password parameter) replaced by ***. */
export function redactDatabaseUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    for (const key of [...url.searchParams.keys()]) {
      if (/pass|secret|key/i.test(key)) url.searchParams.set(key, '***');
    }
    return url.toString();
  } catch {
    return '(ongeldig adres)';
  }
}

/** The settings as safe to print or log: no password, no client secret. */
export function describeConfig(config: DistrictServerConfig): Record<string, unknown> {
  return {
    databaseUrl: redactDatabaseUrl(config.databaseUrl),
    listen: `${config.listen.host}:${config.listen.port}`,
    tls: { cert: config.tls.cert, key: config.tls.key },
    shutdownGraceSeconds: config.shutdownGraceSeconds,
    oidc: config.oidc ? { issuer: config.oidc.issuer, clientId: config.oidc.clientId, clientSecret: '***', redirectUri: config.oidc.redirectUri, desktopClientId: config.oidc.desktopClientId ?? null } : null,
  };
}
