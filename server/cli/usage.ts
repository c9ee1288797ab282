// The usage texts of the commands, apart from their code: `ketenplanner --help` prints them without
// loading any command module (each is imported only when it runs).

export const DEFAULT_PORT = 4780;

export const DEADLINES_USAGE = `ketenplanner deadlines [--settings FILE] < cases.json > deadlines.json
  Reads a JSON array of cases on stdin and writes their legal limits as a JSON array on stdout.
  Per case: id, modality (zsm|supersnelrecht|snelrecht|snelrecht_nd|filler) and any known
  ISO-8601 timestamps with offset: arrestedAt, custodyOrderedAt, custodyExtendedAt,
  remandOrderedAt, summonsServedAt, judgmentAt, penaltyOrderDeliveredAt; shortTermConsent (boolean).
  Out per case: the limits that apply (voorgeleidingBy, hearingBy, hearingFrom, hearingTargetFrom,
  hearingTargetBy, verzetBy, appealBy, judgmentToOmBy, toCjibBy) in Europe/Amsterdam with offset,
  the rule and article of each, and warnings. See docs/legal-deadlines.md.
  --settings FILE   district settings as JSON (defaults otherwise; see docs/legal-deadlines.md)
  Invalid input: exit 1, one message per problem naming the case and the field.`;

export const CALENDAR_USAGE = `ketenplanner calendar --db FILE (--judge ID | --prosecutor ID | --courtroom ID) --out FILE.ics
  Writes the calendar (iCalendar, RFC 5545) of one judge, prosecutor or courtroom: every session from
  8 weeks back to 26 weeks ahead, cancelled ones marked cancelled, for prosecutors with the OM's
  reservations; no suspect names. Importing a newer file updates the events (same UID). The ids are
  those of the app's page Agenda's. Prints a JSON summary (file, number of events, window).`;

export const SERVER_USAGE = `ketenplanner server [run] [--config FILE]
  The district server: the API and the UI over HTTPS (TLS 1.2 or newer) on PostgreSQL. Settings from
  a JSON file (--config, else KETENPLANNER_CONFIG) and environment variables that override it
  (KETENPLANNER_DATABASE_URL, KETENPLANNER_TLS_CERT, KETENPLANNER_TLS_KEY, KETENPLANNER_LISTEN, ...;
  see docs/district-server.md). Refuses to start on a database whose schema is behind or newer.
  GET /health and /ready for monitoring; JSON log lines on stdout; SIGTERM or Ctrl+C finishes the
  running requests, then stops.
ketenplanner server migrate [--config FILE]
  Brings the database's schema up to this version (db/pg-migrations); running it again changes nothing.
ketenplanner server import --from FILE [--config FILE]
  Copies a standalone district file (everything, the audit trail included) into the server's empty,
  migrated database as the schema's owner (migrationDatabaseUrl), in one transaction, and verifies
  every table by row count and SHA-256; prints them per table. Refuses (exit 1, nothing changed) a
  damaged file, a file of another version, a database whose schema is behind, and a database that
  already holds rows.
ketenplanner server cert --out DIR [--host NAME] [--force]
  Writes a self-signed certificate (DIR/server.crt) and its key (DIR/server.key, mode 0600) for
  trying the server locally, for NAME (default localhost), localhost, 127.0.0.1 and ::1.`;

export const DEMO_USAGE = `ketenplanner demo --db FILE [--seed N] [--cases N] [--years N] [--as-of YYYY-MM-DD] [--moves]
  Creates FILE (or uses an empty one) and fills it with a synthetic demo district: the years of
  cases and sessions up to the as-of date, and six weeks of sessions after it. Past cases carry
  their history: hearing outcomes, judgments and strafbeschikkingen, the hand-off to CJIB and
  its answers, and an audit event for every step.
  --seed N        random seed (default 2026)
  --cases N       cases arriving per year (default 2800; 700 small, 10000 large district)
  --years N       years of history (default 1, at most 20)
  --as-of DATE    the demo's 'today' (default: the clock's today, see --now): earlier hearings were
                  held, later ones planned
  --moves         also move some hearings to another session before they were held
  --planning-only no history after planning (no outcomes, decisions or CJIB hand-offs)
  The same options always give the same district.`;

export const EXPORT_MONITORING_USAGE = `ketenplanner export monitoring --db FILE --out FILE.json [--from DATE] [--to DATE] [--k N]
  Writes the pseudonymised per-case records for national comparison (format: docs/monitoring-export.md):
  no names, dates of birth or parketnummers; case keys are an HMAC under the district's own secret;
  months and bands of days instead of dates; every combination of police unit, court location,
  period, modality and filler kind occurs at least k times (coarser values, else left out).
  --from, --to  only cases whose arrest (else registration) falls in these dates, YYYY-MM-DD
  --k N         the smallest group (2 to 100, default 5)`;

export const EXPORT_USAGE = `ketenplanner export cjib --db FILE --out DIR [--resend BATCHUID]
  Makes a batch for CJIB of every hand-off that is ready (enforceable and complete), marks them sent
  and hands their cases to CJIB, and writes ketenplanner-cjib-<batchUid>.json and .csv to DIR (format:
  docs/cjib-exchange.md). Prints a JSON summary: batch id, decisions, checksum, files written.
  --resend BATCHUID  write an earlier batch again, byte for byte (changes nothing; refused when the
                     data of a decision in it changed since, as that decision needs a new batch)

${EXPORT_MONITORING_USAGE}`;

export const IMPORT_USAGE = `ketenplanner import --db FILE [--mode valid-only|all-or-nothing] [--dry-run] cases.csv|cases.xlsx
  Imports cases from a police or OM export (columns: docs/intake-import.md) and prints the report as
  JSON: every problem with its row, column and Dutch message. Every row is checked first; then all
  valid rows are committed in one transaction (valid-only, the default) or, with all-or-nothing,
  nothing at all while any row has a problem. Duplicates (same parketnummer) are reported, never doubled.
  --dry-run   check only, write nothing
  Exit code 0 when every row was valid (and, unless --dry-run, committed); 1 when there were problems.`;

export const IMPORT_ACK_USAGE = `ketenplanner import-ack --db FILE --file F [--mode all-or-nothing|valid-only] [--dry-run]
  Reads a CJIB response file (acknowledgements, returns with a reason code, execution updates;
  format: docs/cjib-exchange.md) and prints the report as JSON, one line per message: processed,
  already_processed (read before: nothing changes), outdated (about an older attempt: stored, nothing
  changes) or error (with the message number and the reason in Dutch). Every message is checked
  first; then, in one transaction, all are written or nothing when any message has an error
  (all-or-nothing, the default), or the messages without an error (valid-only; read the corrected
  file from CJIB later: what was processed already is recognised and not done twice).
  --dry-run   check only, write nothing
  Exit code 0 when no message had an error; 1 otherwise.`;

export const PLAN_USAGE = `ketenplanner plan --db FILE --from YYYY-MM-DD --to YYYY-MM-DD [--dry-run] [--replan] [--hold-back]
  Plans the cases awaiting planning onto the sessions in the window (exact min-cost flow; see
  docs/planner.md) and prints a JSON summary: planned cases with a Dutch explanation each,
  infeasible cases with the reason and the options, cases that did not fit, fill rate per session
  type, moves of announced hearings, run time. Cases already planned keep their hearing.
  --dry-run   propose only, write nothing
  --replan    also replan hearings already planned in the window; announced hearings inside the
              summons window and pinned ones stay, moving another costs extra (moves are listed)
  --hold-back hold back slots on near sessions for expected urgent arrivals (forecast reserve)`;

export const SERVE_USAGE = `ketenplanner serve --db FILE [--port N] [--demo]
  Browser mode: serves the built UI and the API on 127.0.0.1 and prints the URL to open
  (it carries this start's secret token). A new FILE starts empty: the app then offers to create a
  district or load the demo.
  --port N   port on 127.0.0.1 (default ${DEFAULT_PORT}; 0 picks a free one)
  --demo     load the demo district first when FILE holds no district yet`;

export const WHATIF_USAGE = `ketenplanner whatif --db FILE --from YYYY-MM-DD --to YYYY-MM-DD [--replay-from YYYY-MM-DD --replay-to YYYY-MM-DD]
                   [--add-pattern JSON]... [--remove-template ID]...
  Compares the current plan with a scenario, in memory (nothing is written): free capacity and the
  waiting ready cases in the window (at most 26 weeks, from today), planned by the real planner on
  both sides. Prints JSON: per side cases, planned, infeasible cases, deadline and target compliance,
  days to hearing (mean, 90th percentile), fill rate per session type, and the difference.
  --replay-from/--replay-to  replay the arrivals of a past period (at most 26 weeks, not longer than
                             the window) as new cases, shifted so its first day is --from
  --add-pattern JSON         add a session pattern, e.g. '{"courtroomId":5,"weekdays":[2,4],
                             "daypart":"morning","startTime":"09:00","endTime":"12:30",
                             "sessionType":"supersnelrecht","capacitySlots":4}' (repeatable)
  --remove-template ID       take a session template's sessions out (repeatable)`;

export const SESSIONS_USAGE = `ketenplanner sessions generate --db FILE --from YYYY-MM-DD --to YYYY-MM-DD [--dry-run]
  Generates the dated court sessions of the active session templates over the horizon (at most a
  year, from today on) and prints a JSON summary: counts, the sessions created, and every skipped
  occurrence with the Dutch reason (holiday or weekend, location closed, already exists, cancelled
  earlier, room taken). Never a session on a non-court day; running it again creates nothing new.
  --dry-run   show what would be created, write nothing`;

export const REPORT_USAGE = `ketenplanner report --db FILE --period YYYY-Tn --out FILE.pdf [--ui DIR]
  Makes the four-monthly review pack as a PDF (A4), headless: serves the app on 127.0.0.1 for the
  duration, opens the pack page in Chromium (/usr/bin/chromium, or CHROMIUM_PATH) and prints it.
  Periods: T1 = January-April, T2 = May-August, T3 = September-December (docs/review-pack.md).
  --ui DIR   the built UI to print from (default: dist/renderer of this checkout)`;

export const ROLL_USAGE = `ketenplanner roll --db FILE --session ID [--format pdf] --out FILE.pdf [--ui DIR]
  Makes the court roll (zittingsrol) of one session as a PDF (A4): per case the time, parketnummer,
  suspect, offence, lawyer, interpreter, detained or not and the hearing limit, with the session's judge
  and prosecutor; printed from the app's roll page in Chromium (/usr/bin/chromium, or CHROMIUM_PATH).
  --ui DIR   the built UI to print from (default: dist/renderer of this checkout)`;

export const BACKUP_USAGE = `ketenplanner backup --db FILE [--out DIR] [--keep-last N] [--keep-months N] [--list]
  Makes a backup of FILE with SQLite's backup API (FILE is only read: no migration, nothing written)
  into DIR (default: the 'backups' folder next to FILE) under a name of its own (never overwritten:
  <file>-manual-<instant>[-n].sqlite), verifies it read-only with integrity_check, then applies the
  retention rule to the backups made on request and before migrations: keep the newest N (--keep-last,
  default 10) and the newest of each of the last M months (--keep-months, default 12). Copies kept
  before a restore are never removed. Prints JSON: the backup, its size, the backups removed.
  --list   only list the backups in DIR, newest first, each with the result of integrity_check
           (exit 1 when there is none or one is damaged)`;

export const RESTORE_USAGE = `ketenplanner restore --db FILE --from BACKUP|newest [--backups DIR]
  Puts BACKUP in place of FILE. Close Ketenplanner (and 'serve') first. BACKUP is verified first
  (integrity_check, a Ketenplanner file); the current FILE, with its -wal, is copied byte for byte
  into the backups folder (<file>-before-restore-<instant>.sqlite) before it is replaced: nothing is
  deleted. The app brings the restored file up to date at its next start.
  --from newest  the newest backup in the backups folder that passes integrity_check
  --backups DIR  the backups folder (default: the 'backups' folder next to FILE)`;

export const RETENTION_USAGE = `ketenplanner retention --db FILE [--dry-run] [--reason TEXT]
  Pseudonymises the personal data (name, date of birth, summons address, lawyer) of cases finished
  (completed or withdrawn) longer ago than the district's retention term (settings page; default 12
  months, a choice to be confirmed by the privacy officer), also in the details of their audit rows;
  one audit row per case with the reason. Figures and review packs stay the same (docs/retention.md).
  --dry-run      only print the term, the cut-off day and the cases past it (JSON); changes nothing
  --reason TEXT  why, recorded with every case (required without --dry-run)`;
