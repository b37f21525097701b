// What both console tests share: their settings from the environment, and Debian's Chromium.
import { chromium } from 'playwright-core';

/** The environment variable {@code name}; fails when it is not set. */
export function env(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

/** Headless Chromium at CHROMIUM, as the docs page's test runs it. */
export function launch() {
  return chromium.launch({
    executablePath: env('CHROMIUM'),
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}
