import type { CookieSerializeOptions } from '@fastify/cookie';

/**
 * The session cookie, one home for its name and attributes (set at login, read by `requestLogin`,
 * cleared at logout). With COOKIE_SECURE (production) it is `__Host-dgm_session`: the browser then
 * accepts it only with Secure, Path=/ and no Domain, so neither plain http nor a sibling subdomain can
 * set or overwrite it. Otherwise (the demo on a LAN address over http, where a browser drops Secure
 * cookies) it keeps the plain name, Secure only when the request itself came over https.
 */
export function sessionCookie(config: { COOKIE_SECURE: boolean }) {
  const name = config.COOKIE_SECURE ? '__Host-dgm_session' : 'dgm_session';
  const options = (protocol: string, expires?: Date): CookieSerializeOptions => ({
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: config.COOKIE_SECURE || protocol === 'https',
    ...(expires ? { expires } : {}),
  });
  return { name, options };
}
