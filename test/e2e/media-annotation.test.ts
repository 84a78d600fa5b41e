import type { Page } from 'puppeteer-core';
import { waitFor } from '../support/wait-for';
import { useE2eWorld } from './e2e-world';
import { shareCustomerScreen, type AnnotationView } from './media-helpers';
import { click } from './pages/page-helpers';

/** Normalised position of a client-pixel point in a content rect. */
function normalise([x, y]: [number, number], rect: AnnotationView['content']): [number, number] {
  return [(x - rect.x) / rect.width, (y - rect.y) / rect.height];
}

/** Whether the annotation canvas of a stage has a painted pixel at a client point. */
function paintedAt(page: Page, stageTestId: string, [x, y]: [number, number]): Promise<boolean> {
  return page.evaluate(
    (testId, px, py) => {
      const canvas = document.querySelector<HTMLCanvasElement>(`[data-testid="${testId}"] [data-testid="annotation-canvas"]`);
      if (!canvas) return false;
      const box = canvas.getBoundingClientRect();
      const ratio = canvas.width / box.width;
      const data = canvas.getContext('2d')?.getImageData(Math.round((px - box.left) * ratio), Math.round((py - box.top) * ratio), 1, 1).data;
      return (data?.[3] ?? 0) > 0;
    },
    stageTestId,
    x,
    y,
  );
}

describe('annotation (R3.6)', () => {
  const world = useE2eWorld();

  it('a stroke drawn on the agent page appears on the customer page at the same place of the shared content, at any window size', async () => {
    const { accounts } = world();
    const agent = await world().signedIn(accounts.alice);
    const number = await agent.startSession();
    const customer = await world().customer(number, 'Alice');
    await agent.waitForParticipant('Alice');
    await agent.page.setViewport({ width: 1400, height: 900 });
    await shareCustomerScreen(agent, customer);

    const agentView = (): Promise<AnnotationView> => agent.debug<AnnotationView>('annotationView');
    const content = await waitFor('agent content rect', async () => {
      const view = await agentView();
      return view.content.width > 0 && view.producerId ? view.content : undefined;
    });
    await click(agent.page, agent.inSession('annotate-pen'));
    // The colour is picked from named swatches with the keyboard (a radio group): yellow, the next one.
    await agent.page.focus(`${agent.inSession('annotate-color')} [aria-checked="true"]`);
    await agent.page.keyboard.press('ArrowRight');
    expect(await agent.page.$eval(`${agent.inSession('annotate-color')} [aria-checked="true"]`, (swatch) => swatch.getAttribute('aria-label'))).toBe('Yellow');
    await (await agent.page.$(agent.inSession('stage-toolbar')))?.screenshot({ path: '/tmp/h12-annotation-swatches.png' });
    const at = (fx: number, fy: number): [number, number] => [content.x + fx * content.width, content.y + fy * content.height];
    const path: [number, number][] = [at(0.2, 0.3), at(0.3, 0.4), at(0.45, 0.55), at(0.6, 0.7)];
    await agent.page.mouse.move(...path[0]!);
    await agent.page.mouse.down();
    for (const point of path.slice(1)) await agent.page.mouse.move(...point, { steps: 5 });
    await agent.page.mouse.up();

    const sent = await waitFor('stroke drawn on the agent page', async () => (await agentView()).strokes[0]);
    const sentNormalised = sent.points.map((point) => normalise(point, content));
    await waitFor('the yellow stroke received by the customer', async () =>
      (await customer.receivedEvents()).some((e) => e.name === 'annotation:stroke' && e.json.includes('"color":"#fdd835"')) || undefined);
    expect(sentNormalised[0]![0]).toBeCloseTo(0.2, 2);
    expect(sentNormalised[0]![1]).toBeCloseTo(0.3, 2);

    for (const size of [{ width: 1280, height: 900 }, { width: 700, height: 1000 }]) {
      await customer.page.setViewport(size);
      const seen = await waitFor(`stroke on the customer page at ${size.width}x${size.height}`, async () => {
        const view = await customer.debug<AnnotationView>('annotationView', 'mine');
        return view.strokes.find((stroke) => stroke.id === sent.id) && view.content.width > 0 ? view : undefined;
      });
      const stroke = seen.strokes.find((each) => each.id === sent.id)!;
      const seenNormalised = stroke.points.map((point) => normalise(point, seen.content));
      expect(seenNormalised).toHaveLength(sentNormalised.length);
      seenNormalised.forEach(([x, y], index) => {
        expect(x).toBeCloseTo(sentNormalised[index]![0], 2);
        expect(y).toBeCloseTo(sentNormalised[index]![1], 2);
      });
      // What the customer sees: the canvas is painted where the stroke's middle point lands.
      const middle = stroke.points[Math.floor(stroke.points.length / 2)]!;
      await waitFor('stroke painted', async () => (await paintedAt(customer.page, 'my-screen-stage', middle)) || undefined);
    }

    // Clear all: gone on both sides.
    await click(agent.page, agent.inSession('annotate-clear'));
    await waitFor('strokes cleared on the customer page', async () => ((await customer.debug<AnnotationView>('annotationView', 'mine')).strokes.length === 0) || undefined);
  });
});
