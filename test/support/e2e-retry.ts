// Real Chromium with real WebRTC on a 2-core machine: a test that fails is run
// once more, and the first failure is printed in full (never hidden), so a
// flaky test shows up in the log while a real regression still fails twice.
jest.retryTimes(1, { logErrorsBeforeRetry: true });
