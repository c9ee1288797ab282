import type { Context, Hono } from 'hono';
import { CALENDAR_SUBJECT_KINDS, type CalendarSubjectKind } from '../../shared/calendars/calendar-schemas';
import type { ApiHandler } from '../services/api-handler';
import { httpStatusOf, type ApiHttpStatus } from './http-status';

/**
 * Calendar subscription in browser mode (issue 15 item 6): GET /calendars/<kind>/<id>.ics answers the
 * same file as the operation calendars.get, built on request, so a subscribed calendar sees every
 * change at its next refresh. A calendar client sends no Authorization header, so the start's token
 * may also come as `?token=…` (the host listens on 127.0.0.1 only). The district server (issue 13)
 * will serve this path behind its own sign-in instead.
 */
export function addCalendarRoute(app: Hono, options: { handler: ApiHandler; authorized: (token: string | undefined) => boolean }): void {
  app.get('/calendars/:kind/:file', async (c) => {
    c.header('Cache-Control', 'no-store');
    const bearer = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    if (!options.authorized(bearer ?? c.req.query('token'))) return plain(c, 'Geen of een verkeerde toegangscode: open de agenda-link uit de app opnieuw.', 401);
    const kind = c.req.param('kind');
    const id = /^([1-9]\d{0,9})\.ics$/.exec(c.req.param('file'))?.[1];
    if (!isKind(kind) || !id) return plain(c, 'Onbekende agenda: gebruik /calendars/judge|prosecutor|courtroom/<nummer>.ics.', 404);
    const envelope = await options.handler('calendars.get', { subject: { kind, id: Number(id) } });
    if (!envelope.ok) return plain(c, envelope.error.message, httpStatusOf(envelope));
    const file = envelope.value as { fileName: string; content: string };
    c.header('Content-Disposition', `inline; filename="${file.fileName}"`);
    return c.body(file.content, 200, { 'Content-Type': 'text/calendar; charset=utf-8' });
  });
}

function isKind(kind: string): kind is CalendarSubjectKind {
  return (CALENDAR_SUBJECT_KINDS as readonly string[]).includes(kind);
}

function plain(c: Context, message: string, status: ApiHttpStatus) {
  return c.text(message, status);
}
