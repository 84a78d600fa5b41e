import { ROUTES } from '@rs/signaling';
import { signInOverRest } from '../support/accounts';
import { TEST_ADMIN } from '../support/test-server';
import { waitFor } from '../support/wait-for';
import { useE2eWorld } from './e2e-world';
import { attribute, byTestId, click, isShown, stateIs, textAppears, texts, type, visible } from './pages/page-helpers';

/** The admin's home: accounts over REST only; the new agent signs in and is held to the maximum the admin set. */
describe('accounts admin', () => {
  const world = useE2eWorld();

  it('creates an agent with a maximum of one session and a supervisor, changes a limit, and signs out', async () => {
    const admin = await world().signedIn(TEST_ADMIN);
    const page = admin.page;
    await textAppears(page, byTestId('account-row-username'), 'alice');
    expect(await texts(page, byTestId('account-row-username'))).toEqual(expect.arrayContaining(['admin', 'alice', 'bob', 'sam']));

    await type(page, byTestId('account-username'), 'carl');
    await type(page, byTestId('account-display-name'), 'Carl Agent');
    await page.select(byTestId('account-role'), 'agent');
    await type(page, byTestId('account-password'), 'carl-password-1');
    await type(page, byTestId('account-max-sessions'), '1');
    await page.select(byTestId('account-supervisor'), world().accounts.sam.id);
    await click(page, byTestId('account-create'));
    await stateIs(page, byTestId('account-status'), 'created');
    await visible(page, '[data-testid="account-row"][data-username="carl"]');

    // Bob may now run three sessions at once.
    const bobRow = '[data-testid="account-row"][data-username="bob"]';
    await type(page, `${bobRow} ${byTestId('edit-max-sessions')}`, '3');
    await click(page, `${bobRow} ${byTestId('save-account')}`);
    await stateIs(page, byTestId('accounts-status'), 'saved');
    const { token } = await signInOverRest(world().server.url, TEST_ADMIN);
    const listed = await fetch(`${world().server.url}${ROUTES.accounts}`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json() as Promise<{ data: { accounts: { username: string; maxSessions: number; supervisorId: string | null }[] } }>);
    expect(listed.data.accounts.find((a) => a.username === 'bob')?.maxSessions).toBe(3);
    expect(listed.data.accounts.find((a) => a.username === 'carl')).toMatchObject({ maxSessions: 1, supervisorId: world().accounts.sam.id });

    await click(page, byTestId('sign-out'));
    await visible(page, byTestId('sign-in-screen'));

    // Carl signs in, gets the agent home, and single-session mode refuses a second session.
    const carl = await world().signedIn({ username: 'carl', password: 'carl-password-1' });
    expect(await attribute(carl.page, byTestId('signed-in-role'), 'data-i18n')).toBe('role.agent');
    await carl.startSession();
    expect(await carl.startSessionRefused('session-limit')).toContain('1');
    await waitFor('one tab only', async () => (await carl.tabNumbers()).length === 1 || undefined);
  });

  it('a wrong password is refused with a message', async () => {
    const page = (await world().signedIn(TEST_ADMIN)).page;
    await click(page, byTestId('sign-out'));
    await type(page, byTestId('sign-in-username'), 'alice');
    await type(page, byTestId('sign-in-password'), 'not-her-password');
    await click(page, byTestId('sign-in-submit'));
    await visible(page, byTestId('sign-in-error'));
    expect(await attribute(page, byTestId('sign-in-error'), 'data-i18n')).toBe('signIn.invalid');
  });

  it('disables an agent who is signed in elsewhere: their console returns to sign-in at once and sign-in is refused; enabling lets them back', async () => {
    const alice = await world().signedIn(world().accounts.alice);
    await visible(alice.page, byTestId('signed-in-as'));
    const page = (await world().signedIn(TEST_ADMIN)).page;
    const row = '[data-testid="account-row"][data-username="alice"]';
    await click(page, `${row} ${byTestId('disable-account')}`);
    await visible(page, byTestId('confirm-disable'));
    await click(page, byTestId('confirm-disable-yes'));
    await waitFor('alice shown as disabled', async () => (await attribute(page, row, 'data-disabled')) === 'true' || undefined);

    await visible(alice.page, byTestId('sign-in-screen'));
    await type(alice.page, byTestId('sign-in-username'), 'alice');
    await type(alice.page, byTestId('sign-in-password'), world().accounts.alice.password);
    await click(alice.page, byTestId('sign-in-submit'));
    await visible(alice.page, byTestId('sign-in-error'));
    expect(await attribute(alice.page, byTestId('sign-in-error'), 'data-i18n')).toBe('signIn.disabled');
    await visible(page, '[data-testid="audit-row"][data-action="account:disabled"]');

    await click(page, `${row} ${byTestId('enable-account')}`);
    await waitFor('alice enabled', async () => (await attribute(page, row, 'data-disabled')) === 'false' || undefined);
    await click(alice.page, byTestId('sign-in-submit'));
    await visible(alice.page, byTestId('signed-in-as'));
  });

  it('an account changes its own password: the console stays signed in on the new token, the old password is refused', async () => {
    const sam = await world().signedIn(world().accounts.sam);
    const page = sam.page;
    await click(page, byTestId('change-password'));
    await visible(page, byTestId('change-password-dialog'));
    await type(page, byTestId('current-password'), world().accounts.sam.password);
    await type(page, byTestId('new-password'), 'sams-new-password-1');
    await type(page, byTestId('new-password-again'), 'sams-new-password-2');
    await click(page, byTestId('change-password-save'));
    await stateIs(page, byTestId('password-status'), 'failed');
    await type(page, byTestId('new-password-again'), 'sams-new-password-1');
    await page.keyboard.press('Enter');
    await visible(page, '[data-testid="toast"][data-i18n="password.changed"]');
    expect(await isShown(page, byTestId('change-password-dialog'))).toBe(false);
    await visible(page, byTestId('signed-in-as'));
    await page.reload();
    await visible(page, byTestId('signed-in-as'));
    const old = await fetch(`${world().server.url}${ROUTES.login}`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'sam', password: world().accounts.sam.password }),
    });
    expect(old.status).toBe(401);
    await signInOverRest(world().server.url, { username: 'sam', password: 'sams-new-password-1' });
  });
});
