import { h, type MessageKey } from '@rs/web-common';

/** Tabs of the admin's home (Accounts, Queues, Quick phrases): arrow keys move between them. */
export function createAdminTabs(sections: { id: string; label: MessageKey; content: HTMLElement[] }[]): HTMLElement {
  const tabs: HTMLButtonElement[] = [];
  const panels: HTMLElement[] = [];
  const select = (index: number, focus: boolean): void => {
    tabs.forEach((tab, i) => {
      tab.setAttribute('aria-selected', String(i === index));
      tab.tabIndex = i === index ? 0 : -1;
      panels[i]!.hidden = i !== index;
    });
    if (focus) tabs[index]?.focus();
  };
  sections.forEach((section, index) => {
    const tab = h('button', {
      className: 'admin-tab',
      testId: `admin-tab-${section.id}`,
      i18n: section.label,
      attrs: { type: 'button', role: 'tab', id: `admin-tab-${section.id}`, 'aria-controls': `admin-panel-${section.id}` },
      on: { click: () => select(index, false) },
    });
    tab.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (step === 0) return;
      event.preventDefault();
      select((index + step + sections.length) % sections.length, true);
    });
    tabs.push(tab);
    panels.push(h('div', { className: 'admin-panel', attrs: { role: 'tabpanel', id: `admin-panel-${section.id}`, 'aria-labelledby': tab.id } }, section.content));
  });
  select(0, false);
  return h('div', { className: 'admin-tabs' }, [h('div', { className: 'admin-tab-list session-tabs', attrs: { role: 'tablist' } }, tabs), ...panels]);
}
