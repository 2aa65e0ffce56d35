export const SESSION_COOKIE = 'dgm_session';
