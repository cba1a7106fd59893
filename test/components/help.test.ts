import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { countHeld } from '../helpers/oauth.js';
import { useScenario, worker } from '../helpers/msw.js';
import { input, mount, mountDescriptor, q, root, until } from '../helpers/widget.js';
import type { CmaRegisterApp } from '../../src/index.js';

/** A field's help: a "More about …" button that opens a popover beside it (MailChimp's API key has help). */
describe('<cma-register-app> field help', () => {
  beforeEach(async () => {
    await useScenario('ok');
    await setViewport({ width: 800, height: 600 });
  });
  afterEach(() => worker.resetHandlers());

  /** A one-field descriptor: its help button is near the widget's top. */
  const small = () =>
    mountDescriptor({
      schemaVersion: 1,
      id: 'acme',
      name: 'Acme',
      method: 'apiKey',
      steps: [{ id: 'key', fields: [{ name: 'apiKey', type: 'secret', label: 'API key', help: 'Under Settings › API in **Acme**.', required: true }], submit: { kind: 'register' } }],
    });

  const infoButton = (el: CmaRegisterApp) => q<HTMLButtonElement>(el, 'button.info')!;
  const popover = (el: CmaRegisterApp) => q(el, '[popover]')!;
  const isOpen = (el: CmaRegisterApp) => popover(el).matches(':popover-open');
  const rect = (e: Element) => e.getBoundingClientRect();

  /** Opens the help with the keyboard and waits until it is placed beside its button. */
  async function open(el: CmaRegisterApp) {
    infoButton(el).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => isOpen(el) && popover(el).style.top, 'the help placed beside its button');
    // placed after the last layout: the button and the popover no longer move
    let last = '';
    await until(() => {
      const now = JSON.stringify([rect(infoButton(el)), rect(popover(el))]);
      const still = now === last;
      last = now;
      return still;
    }, 'the popover to settle');
  }

  /** The popover sits beside the button: touching it above or below, overlapping it sideways, inside the viewport. */
  function expectBeside(el: CmaRegisterApp) {
    const b = rect(infoButton(el));
    const p = rect(popover(el));
    expect(p.left, 'left edge in view').to.be.at.least(0);
    expect(p.top, 'top edge in view').to.be.at.least(0);
    expect(p.right, 'right edge in view').to.be.at.most(innerWidth);
    expect(p.bottom, 'bottom edge in view').to.be.at.most(innerHeight);
    const below = Math.abs(p.top - (b.bottom + 6)) < 1.5;
    const above = Math.abs(p.bottom - (b.top - 6)) < 1.5;
    expect(below || above, `popover ${p.top}–${p.bottom} next to button ${b.top}–${b.bottom}`).to.equal(true);
    expect(p.right > b.left && p.left < b.right, 'overlaps the button sideways').to.equal(true);
    return below ? 'below' : 'above';
  }

  it('is a button named after the field, and the help is also the input’s description', async () => {
    const { el } = await mount('mailchimp');
    const button = infoButton(el);
    expect(button.getAttribute('aria-label')).to.equal('More about API key');
    expect(isOpen(el)).to.equal(false);
    const help = popover(el);
    expect(input(el, 'apiKey').getAttribute('aria-describedby')!.split(' ')).to.include(help.id);
    expect(help.textContent).to.contain('Each key gives full access to your account');
    await expect(el).to.be.accessible();
  });

  it('opens from the keyboard with focus in it; Esc closes it and focus returns to the button', async () => {
    const { el } = await mount('mailchimp');
    await open(el);
    expect(root(el).activeElement === popover(el), 'focus in the popover').to.equal(true);
    expect(popover(el).getAttribute('aria-label')).to.equal('More about API key');
    expectBeside(el);
    await expect(el).to.be.accessible();
    // its link is reachable from the keyboard
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.textContent).to.contain('About API keys');
    await sendKeys({ press: 'Escape' });
    await until(() => !isOpen(el), 'the help to close');
    expect(root(el).activeElement?.outerHTML, 'focus back on the button').to.equal(infoButton(el).outerHTML);
  });

  it('closes on a click outside, and the button opens and closes it', async () => {
    const { el } = await mount('mailchimp');
    const b = rect(infoButton(el));
    await sendMouse({ type: 'click', position: [Math.round(b.x + b.width / 2), Math.round(b.y + b.height / 2)] });
    await until(() => isOpen(el), 'the help to open on a click');
    await sendMouse({ type: 'click', position: [790, 590] });
    await until(() => !isOpen(el), 'the help to close on a click outside');
    expect(input(el, 'apiKey').value, 'nothing typed is lost').to.equal('');
  });

  const corners = {
    'top left': 'top:0;left:0',
    'top right': 'top:0;right:0',
    'bottom left': 'bottom:0;left:0',
    'bottom right': 'bottom:0;right:0',
  };
  for (const [corner, place] of Object.entries(corners)) {
    it(`stays beside the button and in view at the ${corner} of the viewport`, async () => {
      const { el } = await small();
      const box = el.parentElement!;
      box.style.cssText = `position:fixed;${place};width:260px`;
      // at the bottom, the button itself 10 px from the edge (the rest of the widget below it out of view)
      const gap = innerHeight - rect(infoButton(el)).bottom;
      if (corner.startsWith('bottom')) box.style.bottom = `${10 - gap}px`;
      await open(el);
      const side = expectBeside(el);
      // near the bottom there is no room below: it flips above
      if (corner.startsWith('bottom')) expect(side).to.equal('above');
    });
  }

  it('follows its button inside a scrolled container', async () => {
    const { el } = await small();
    const box = el.parentElement!;
    box.style.cssText = 'height:300px;overflow:auto';
    box.append(Object.assign(document.createElement('div'), { style: 'height:1000px' }));
    await open(el);
    const before = rect(popover(el)).top;
    box.scrollTop = 60;
    await until(() => Math.abs(rect(popover(el)).top - (before - 60)) < 1.5, 'the popover to move with the scroll');
    expectBeside(el);
  });

  it('sits beside its button under a transformed ancestor', async () => {
    const { el } = await small();
    el.parentElement!.style.cssText = 'transform:translate(40px, 30px) scale(0.9);transform-origin:0 0;width:400px';
    await open(el);
    expectBeside(el);
  });

  it('stops following once closed, and once removed while open', async () => {
    const held = countHeld();
    try {
      const { el } = await mount('mailchimp');
      await open(el);
      expect(held.none(), 'listening while open').to.equal(false);
      await sendKeys({ press: 'Escape' });
      await until(() => held.none(), `no listener left after closing: ${JSON.stringify([...held.listeners])}`);
      await open(el);
      el.remove();
      await until(() => held.none(), 'no listener left after removal');
    } finally {
      held.restore();
    }
  });
});
