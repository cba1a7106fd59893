/**
 * What a user enters for a vendor before its first submit, shared by the vendor's stories and the
 * stories of states that start the same way. Each waits for the first step, fills it, submits it and
 * returns the widget.
 */
import type { CmaRegisterApp } from '../../src/index.js';
import { fill, submit, waitForFirstStep } from '../play.js';

/** MailChimp: an API key in MailChimp's format (the mock accepts any). */
export async function submitMailChimpKey(canvasElement: HTMLElement): Promise<CmaRegisterApp> {
  const el = await waitForFirstStep(canvasElement);
  fill(el, 'apiKey', '0123456789abcdef0123456789abcdef-us21');
  await submit(el);
  return el;
}

/** 24SevenOffice: a username and password (the mock takes any), then "Get Clients". */
export async function logInTo24SevenOffice(canvasElement: HTMLElement): Promise<CmaRegisterApp> {
  const el = await waitForFirstStep(canvasElement);
  fill(el, 'username', 'ola@nordlys.no');
  fill(el, 'password', 'correct horse battery staple');
  await submit(el);
  return el;
}

/** PowerOffice Go: the organisation number, then "I have granted access". */
export async function submitOrgNumber(canvasElement: HTMLElement): Promise<CmaRegisterApp> {
  const el = await waitForFirstStep(canvasElement);
  fill(el, 'orgNumber', '987654321');
  await submit(el);
  return el;
}
