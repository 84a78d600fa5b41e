// Integration and end-to-end tests talk to real Redis, mediasoup and Chromium:
// give each test room to finish (a ceiling against hangs, not a performance target).
jest.setTimeout(Number(process.env.SLOW_TEST_TIMEOUT_MS ?? 120_000));
