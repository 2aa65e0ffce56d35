/** A Chromium executable: CHROME_PATH, the system's, Debian's package via apt-get, or Playwright's download. */
export function findChromium(): string;
