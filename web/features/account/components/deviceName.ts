/**
 * A rough "browser on system" from a user-agent string: enough to recognise one's own devices. Null when
 * either part is unknown (scripts, apps), so the page says "unknown device" rather than "Browser on ?".
 */
export function describeUserAgent(userAgent: string | null): { browser: string; system: string } | null {
  if (!userAgent) return null;
  const browser = firstMatch(userAgent, [
    [/Edg\//, 'Edge'],
    [/SamsungBrowser\//, 'Samsung Internet'],
    [/Line\//, 'LINE'],
    [/Firefox\//, 'Firefox'],
    [/(Chrome|CriOS|Chromium)\//, 'Chrome'],
    [/Safari\//, 'Safari'],
  ]);
  const system = firstMatch(userAgent, [
    [/Android/, 'Android'],
    [/iPhone|iPad|iOS/, 'iOS'],
    [/Windows/, 'Windows'],
    [/Mac OS X|Macintosh/, 'macOS'],
    [/Linux/, 'Linux'],
  ]);
  return browser && system ? { browser, system } : null;
}

function firstMatch(text: string, patterns: [RegExp, string][]): string | undefined {
  return patterns.find(([pattern]) => pattern.test(text))?.[1];
}
