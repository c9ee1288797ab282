import http from 'node:http';
import https from 'node:https';
import type { TestUser } from './test-identity-provider';

/**
 * A browser for sign-in tests without a browser: HTTP(S) requests with a cookie jar per host
 * (Secure cookies only over https, HttpOnly ignored as there is no script), redirects followed one
 * hop at a time so a test can stop at or tamper with any hop. Trusts `ca` for https.
 */
export interface BrowserResponse {
  url: string;
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

interface StoredCookie {
  value: string;
  secure: boolean;
}

export class TestBrowser {
  private readonly jar = new Map<string, Map<string, StoredCookie>>();

  constructor(private readonly ca?: string) {}

  /** One request, no redirect following. */
  async request(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<BrowserResponse> {
    const target = new URL(url);
    const headers: Record<string, string> = { ...init.headers };
    const cookieHeader = this.cookieHeader(target);
    if (cookieHeader) headers.cookie = cookieHeader;
    if (init.body !== undefined) headers['content-length'] = String(Buffer.byteLength(init.body));
    const transport = target.protocol === 'https:' ? https : http;
    const response = await new Promise<BrowserResponse>((resolve, reject) => {
      const req = transport.request(target, { method: init.method ?? 'GET', headers, ...(this.ca ? { ca: this.ca } : {}) }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ url, status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(init.body);
    });
    this.store(target, response.headers['set-cookie'] ?? []);
    return response;
  }

  /** Follows redirects (as GET) until a page that is no redirect, or until `stopAt` says so. */
  async follow(url: string, stopAt: (next: URL) => boolean = () => false): Promise<BrowserResponse> {
    let response = await this.request(url);
    for (let hops = 0; hops < 20; hops += 1) {
      const location = response.headers.location;
      if (response.status < 300 || response.status >= 400 || !location) return response;
      const next = new URL(location, response.url);
      if (stopAt(next)) return response;
      response = await this.request(next.href);
    }
    throw new Error(`Too many redirects from ${url}`);
  }

  /** Submits a form (application/x-www-form-urlencoded) and follows the redirects. */
  async submit(url: string, fields: Record<string, string>, stopAt?: (next: URL) => boolean): Promise<BrowserResponse> {
    const first = await this.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    const location = first.headers.location;
    if (first.status < 300 || first.status >= 400 || !location) return first;
    const next = new URL(location, url);
    if (stopAt?.(next)) return first;
    return this.follow(next.href, stopAt);
  }

  /** Signs in on the IdP's login page the browser is on (the page that `follow` stopped at). */
  async logIn(loginPage: BrowserResponse, user: Pick<TestUser, 'login' | 'password'>, stopAt?: (next: URL) => boolean): Promise<BrowserResponse> {
    return this.submit(loginFormAction(loginPage), { login: user.login, password: user.password }, stopAt);
  }

  /** Presses 'Annuleren' on the IdP's login page. */
  async cancelLogIn(loginPage: BrowserResponse, stopAt?: (next: URL) => boolean): Promise<BrowserResponse> {
    return this.submit(new URL(`${new URL(loginFormAction(loginPage)).pathname}/abort`, loginPage.url).href, {}, stopAt);
  }

  cookie(url: string, name: string): string | undefined {
    return this.jar.get(new URL(url).host)?.get(name)?.value;
  }

  setCookie(url: string, name: string, value: string): void {
    const target = new URL(url);
    this.hostJar(target.host).set(name, { value, secure: target.protocol === 'https:' });
  }

  private cookieHeader(target: URL): string {
    const cookies = this.jar.get(target.host);
    if (!cookies) return '';
    return [...cookies]
      .filter(([, cookie]) => !cookie.secure || target.protocol === 'https:')
      .map(([name, cookie]) => `${name}=${cookie.value}`)
      .join('; ');
  }

  private store(target: URL, setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator);
      const value = pair.slice(separator + 1);
      const lower = attributes.map((attribute) => attribute.toLowerCase());
      const maxAge = lower.find((attribute) => attribute.startsWith('max-age='));
      const expires = attributes.find((attribute) => attribute.toLowerCase().startsWith('expires='));
      const removed =
        (maxAge !== undefined && Number(maxAge.slice('max-age='.length)) <= 0) ||
        (expires !== undefined && new Date(expires.slice('expires='.length)).getTime() <= Date.now()) ||
        value === '';
      if (removed) this.jar.get(target.host)?.delete(name);
      else this.hostJar(target.host).set(name, { value, secure: lower.includes('secure') });
    }
  }

  private hostJar(host: string): Map<string, StoredCookie> {
    let cookies = this.jar.get(host);
    if (!cookies) {
      cookies = new Map();
      this.jar.set(host, cookies);
    }
    return cookies;
  }
}

function loginFormAction(page: BrowserResponse): string {
  const action = /<form method="post" action="([^"]+)">/.exec(page.body)?.[1];
  if (!action) throw new Error(`Not the IdP's login page (${page.status} at ${page.url}): ${page.body.slice(0, 200)}`);
  return new URL(action, page.url).href;
}
