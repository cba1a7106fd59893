import { expect } from '@open-wc/testing';
import { waysOf, type Descriptor as WholeDescriptor, type WayDescriptor as Descriptor, type Field, type Option } from '../../src/descriptor/types.js';
import {
  canSubmit,
  checkField,
  collectedValues,
  currentStep,
  emptyChoices,
  isLastStep,
  isOpen,
  optionsOf,
  reduceToFrame,
  start,
  submitRequest,
  transition,
  visibleFields,
  type FlowAction,
  type FlowError,
  type FlowState,
} from '../../src/flow/engine.js';
import descriptor24so from '../../mocks/descriptors/24sevenoffice.json';
import descriptorMailchimp from '../../mocks/descriptors/mailchimp.json';
import cases from '../descriptor/cases.json';

const mailchimp = descriptorMailchimp as unknown as Descriptor;
const sevenOffice = descriptor24so as unknown as Descriptor;
/** OAuth with radio, showIf, checkbox, multiline secret, a lookup and a popup size (test/descriptor/cases.json). */
const kitchenSink = cases.valid['kitchen-sink'] as unknown as Descriptor;

const KEY = 'fedcba9876543210fedcba9876543210-us7'; // not the seed's placeholder
const CLIENTS: Option[] = [
  { value: '1001', label: 'Nordlys AS' },
  { value: '1002', label: 'Nordlys Eiendom AS' },
  { value: '1003', label: 'Nordlys Holding AS' },
];
const REJECTED: FlowError = { code: 'invalid_credentials', message: 'Not accepted.', retryable: true };

/** Runs actions one after the other from `state`. */
const run = (state: FlowState, ...actions: FlowAction[]) => actions.reduce(transition, state);
const input = (name: string, value: string | boolean): FlowAction => ({ type: 'input', name, value });
const SUBMIT: FlowAction = { type: 'submit' };

/** A one-step descriptor that registers with the given fields. */
function oneStep(fields: Field[], submit: Descriptor['steps'][number]['submit'] = { kind: 'register' }): Descriptor {
  return { schemaVersion: 1, id: 'test', name: 'Test', method: 'apiKey', steps: [{ id: 'only', fields, submit }] };
}

/** 24SevenOffice logged in, the lookup sent. */
const lookingUp = () => run(start(sevenOffice), input('username', 'ola'), input('password', ' s3cret '), SUBMIT);
/** 24SevenOffice on its client step after a lookup that answered with `options`. */
const onClientStep = (options = CLIENTS) => transition(lookingUp(), { type: 'lookupSucceeded', lookup: 'clients', options });

describe('flow engine', () => {
  describe('start', () => {
    it('starts on the first step, editing, with nothing submitted', () => {
      const state = start(sevenOffice);
      expect(state.stepIndex).to.equal(0);
      expect(currentStep(state).id).to.equal('login');
      expect(state.status).to.equal('editing');
      expect(state.submitted).to.equal(false);
      expect(state.fieldErrors).to.deep.equal({});
      expect(state.error).to.equal(undefined);
      expect(isOpen(state)).to.equal(true);
      expect(isLastStep(state)).to.equal(false);
    });

    it('fills in defaults, and false for checkboxes without one, on every step', () => {
      const descriptor = structuredClone(kitchenSink);
      descriptor.steps[1].fields!.push({ name: 'agree', type: 'checkbox', label: 'I agree' });
      expect(start(descriptor).values).to.deep.equal({ environment: 'production', useProxy: false, agree: false });
    });

    it('leaves fields without a default empty', () => {
      expect(start(mailchimp).values).to.deep.equal({});
    });
  });

  describe('client-side checks on submit', () => {
    it('marks an empty required field and reports invalid_input without sending', () => {
      const state = run(start(mailchimp), SUBMIT);
      expect(state.status).to.equal('editing');
      expect(state.submitted).to.equal(true);
      expect(state.fieldErrors).to.deep.equal({ apiKey: { rule: 'required' } });
      expect(state.error).to.deep.include({ code: 'invalid_input', retryable: true });
    });

    it('takes a blank value as empty', () => {
      expect(run(start(mailchimp), input('apiKey', '   '), SUBMIT).fieldErrors).to.deep.equal({ apiKey: { rule: 'required' } });
    });

    it('matches the pattern against the whole value', () => {
      for (const value of [`x${KEY}`, `${KEY}x`, KEY.slice(1)]) {
        expect(run(start(mailchimp), input('apiKey', value), SUBMIT).fieldErrors, value).to.deep.equal({ apiKey: { rule: 'pattern' } });
      }
      const ok = run(start(mailchimp), input('apiKey', KEY), SUBMIT);
      expect(ok.fieldErrors).to.deep.equal({});
      expect(ok.status).to.equal('submitting');
      expect(ok.error).to.equal(undefined);
    });

    it('compiles the pattern with the u flag', () => {
      const d = oneStep([{ name: 'city', type: 'text', label: 'City', pattern: '\\p{Lu}\\p{Ll}+' }]);
      expect(run(start(d), input('city', 'Ørsta'), SUBMIT).fieldErrors).to.deep.equal({});
      expect(run(start(d), input('city', 'ørsta'), SUBMIT).fieldErrors).to.deep.equal({ city: { rule: 'pattern' } });
      // without u, "[a-z0-9_-]" is fine too, but a surrogate pair is two characters
      const emoji = oneStep([{ name: 'tag', type: 'text', label: 'Tag', pattern: '.' }]);
      expect(run(start(emoji), input('tag', '😀'), SUBMIT).fieldErrors).to.deep.equal({});
    });

    it('checks minLength and maxLength on the trimmed value', () => {
      const d = oneStep([{ name: 'code', type: 'text', label: 'Code', minLength: 4, maxLength: 6 }]);
      expect(run(start(d), input('code', ' abc '), SUBMIT).fieldErrors).to.deep.equal({ code: { rule: 'minLength', limit: 4 } });
      expect(run(start(d), input('code', 'abcdefg'), SUBMIT).fieldErrors).to.deep.equal({ code: { rule: 'maxLength', limit: 6 } });
      expect(run(start(d), input('code', '  abcd  '), SUBMIT).fieldErrors).to.deep.equal({});
      expect(run(start(d), input('code', 'abcdef'), SUBMIT).fieldErrors).to.deep.equal({});
    });

    it('checks e-mail addresses', () => {
      const d = oneStep([{ name: 'email', type: 'email', label: 'E-mail' }]);
      for (const bad of ['ola', 'ola@', 'ola@example', 'ola nordmann@example.com']) {
        expect(run(start(d), input('email', bad), SUBMIT).fieldErrors, bad).to.deep.equal({ email: { rule: 'email' } });
      }
      expect(run(start(d), input('email', 'ola@example.no'), SUBMIT).fieldErrors).to.deep.equal({});
    });

    it('checks URLs: http or https only', () => {
      const d = oneStep([{ name: 'site', type: 'url', label: 'Site' }]);
      for (const bad of ['example.com', 'javascript:alert(1)', 'ftp://example.com']) {
        expect(run(start(d), input('site', bad), SUBMIT).fieldErrors, bad).to.deep.equal({ site: { rule: 'url' } });
      }
      expect(run(start(d), input('site', 'https://shop.example.com'), SUBMIT).fieldErrors).to.deep.equal({});
      expect(run(start(d), input('site', 'http://intranet.example'), SUBMIT).fieldErrors).to.deep.equal({});
    });

    it('lets an optional field stay empty, but checks it once filled in', () => {
      const d = oneStep([{ name: 'note', type: 'text', label: 'Note', pattern: '[a-z]+' }]);
      expect(run(start(d), SUBMIT).status).to.equal('submitting');
      expect(run(start(d), input('note', 'ABC'), SUBMIT).fieldErrors).to.deep.equal({ note: { rule: 'pattern' } });
    });

    it('needs a required checkbox ticked', () => {
      const d = oneStep([{ name: 'agree', type: 'checkbox', label: 'I agree', required: true }]);
      expect(run(start(d), SUBMIT).fieldErrors).to.deep.equal({ agree: { rule: 'required' } });
      expect(run(start(d), input('agree', true), SUBMIT).status).to.equal('submitting');
    });

    it('needs a choice among the options', () => {
      const d = oneStep([
        { name: 'region', type: 'select', label: 'Region', required: true, options: [{ value: 'eu', label: 'EU' }, { value: 'us', label: 'US' }] },
      ]);
      expect(run(start(d), input('region', 'asia'), SUBMIT).fieldErrors).to.deep.equal({ region: { rule: 'option' } });
      expect(run(start(d), input('region', 'us'), SUBMIT).fieldErrors).to.deep.equal({});
    });

    it('checks every field of the step at once', () => {
      const state = run(start(sevenOffice), SUBMIT);
      expect(Object.keys(state.fieldErrors)).to.deep.equal(['username', 'password']);
    });
  });

  describe('errors while typing', () => {
    it('shows no error while the user types before the first submit', () => {
      const state = run(start(mailchimp), input('apiKey', 'not a key'));
      expect(state.fieldErrors).to.deep.equal({});
      expect(state.values.apiKey).to.equal('not a key');
    });

    it('updates a field error as the user types after the first submit', () => {
      let state = run(start(mailchimp), SUBMIT);
      expect(state.fieldErrors).to.deep.equal({ apiKey: { rule: 'required' } });
      state = transition(state, input('apiKey', '0123'));
      expect(state.fieldErrors).to.deep.equal({ apiKey: { rule: 'pattern' } });
      state = transition(state, input('apiKey', KEY));
      expect(state.fieldErrors).to.deep.equal({});
      state = transition(state, input('apiKey', ''));
      expect(state.fieldErrors).to.deep.equal({ apiKey: { rule: 'required' } });
    });

    it('only re-checks the field that changed', () => {
      let state = run(start(sevenOffice), SUBMIT);
      state = transition(state, input('username', 'ola'));
      expect(state.fieldErrors).to.deep.equal({ password: { rule: 'required' } });
    });
  });

  describe('submitting', () => {
    it('ignores a second submit while the first is in flight (the same object comes back)', () => {
      const submitting = run(start(mailchimp), input('apiKey', KEY), SUBMIT);
      expect(submitting.status).to.equal('submitting');
      expect(transition(submitting, SUBMIT)).to.equal(submitting);
      expect(canSubmit(submitting)).to.equal(false);
    });

    it('ignores typing while a request is in flight', () => {
      const submitting = run(start(mailchimp), input('apiKey', KEY), SUBMIT);
      expect(transition(submitting, input('apiKey', 'changed'))).to.equal(submitting);
    });
  });

  describe('lookups', () => {
    it('asks for the step lookup with the values so far', () => {
      expect(submitRequest(lookingUp())).to.deep.equal({ kind: 'lookup', lookup: 'clients', values: { username: 'ola', password: ' s3cret ' } });
    });

    it('moves to the next step and feeds the options to optionsFrom fields', () => {
      const state = onClientStep();
      expect(state.stepIndex).to.equal(1);
      expect(currentStep(state).id).to.equal('client');
      expect(state.status).to.equal('editing');
      expect(state.submitted).to.equal(false);
      expect(isLastStep(state)).to.equal(true);
      const [client] = visibleFields(state);
      expect(optionsOf(state, client)).to.deep.equal(CLIENTS);
      expect(state.values.clientId).to.equal(undefined);
      expect(canSubmit(state)).to.equal(true);
      expect(emptyChoices(state)).to.deep.equal([]);
    });

    it('chooses the only option of a lookup that answered with one', () => {
      const state = onClientStep(CLIENTS.slice(0, 1));
      expect(state.values.clientId).to.equal('1001');
      expect(run(state, SUBMIT).status).to.equal('submitting');
    });

    it('leaves nothing to submit after a lookup that answered with no options', () => {
      const state = onClientStep([]);
      expect(emptyChoices(state).map(f => f.name)).to.deep.equal(['clientId']);
      expect(canSubmit(state)).to.equal(false);
      expect(transition(state, SUBMIT)).to.equal(state);
    });

    it('lets a step with an optional empty choice be submitted', () => {
      const d = structuredClone(sevenOffice);
      d.steps[1].fields![0].required = false;
      const state = run(start(d), input('username', 'ola'), input('password', 'pw'), SUBMIT, { type: 'lookupSucceeded', lookup: 'clients', options: [] });
      expect(emptyChoices(state).length).to.equal(1);
      expect(canSubmit(state)).to.equal(true);
    });

    it('keeps a choice the new answer still has, and drops one it does not', () => {
      const chosen = run(onClientStep(), input('clientId', '1002'), { type: 'back' });
      const again = (options: Option[]) => run(chosen, SUBMIT, { type: 'lookupSucceeded', lookup: 'clients', options });
      expect(again(CLIENTS).values.clientId).to.equal('1002');
      expect(again([CLIENTS[0], CLIENTS[2]]).values.clientId).to.equal(undefined);
    });

    it('ignores an answer for another lookup than the current step asked', () => {
      const waiting = lookingUp();
      expect(transition(waiting, { type: 'lookupSucceeded', lookup: 'databases', options: CLIENTS })).to.equal(waiting);
    });

    it('ignores a lookup answer when no request is in flight', () => {
      const editing = start(sevenOffice);
      expect(transition(editing, { type: 'lookupSucceeded', lookup: 'clients', options: CLIENTS })).to.equal(editing);
    });

    it('registers the choice with every value collected so far', () => {
      const state = run(onClientStep(), input('clientId', '1003'), SUBMIT);
      expect(submitRequest(state)).to.deep.equal({ kind: 'register', values: { username: 'ola', password: ' s3cret ', clientId: '1003' } });
    });
  });

  describe('back', () => {
    it('goes to the previous step keeping every value, secrets included, and clears errors', () => {
      const failed = run(onClientStep(), SUBMIT);
      expect(failed.fieldErrors).to.deep.equal({ clientId: { rule: 'required' } });
      const back = transition(failed, { type: 'back' });
      expect(back.stepIndex).to.equal(0);
      expect(back.status).to.equal('editing');
      expect(back.values).to.deep.equal({ username: 'ola', password: ' s3cret ' });
      expect(back.fieldErrors).to.deep.equal({});
      expect(back.error).to.equal(undefined);
      expect(back.submitted).to.equal(false);
      expect(back.lookups.clients).to.deep.equal(CLIENTS);
    });

    it('keeps a value chosen on the later step', () => {
      const back = run(onClientStep(), input('clientId', '1002'), { type: 'back' });
      expect(back.values.clientId).to.equal('1002');
      expect(collectedValues(back)).to.deep.equal({ username: 'ola', password: ' s3cret ' });
    });

    it('does nothing on the first step, or once the flow has ended', () => {
      const first = start(sevenOffice);
      expect(transition(first, { type: 'back' })).to.equal(first);
      const registered = run(onClientStep(), input('clientId', '1001'), SUBMIT, { type: 'registered', connectionId: 'c1' });
      expect(transition(registered, { type: 'back' })).to.equal(registered);
    });
  });

  describe('ways', () => {
    const severalWays = cases.valid['several-ways'] as unknown as WholeDescriptor;
    const [login, token] = waysOf(severalWays);

    it('runs the first way unless told another, with that way\'s method and steps and the descriptor\'s name', () => {
      expect(start(severalWays).descriptor).to.include({ method: 'oauth2', way: 'login', name: 'Acme Desk' });
      const state = start(severalWays, token);
      expect(state.descriptor).to.include({ method: 'apiKey', way: 'api-token' });
      expect(currentStep(state).id).to.equal('token');
      expect(state.values).to.deep.equal({ auth: 'api_token' });
    });

    it('sends a hidden field\'s value without anything typed for it', () => {
      const state = run(start(severalWays, token), input('subdomain', 'acme'), input('apiToken', 'k3y'), SUBMIT);
      expect(state.status).to.equal('submitting');
      expect(submitRequest(state)).to.deep.equal({ kind: 'register', values: { subdomain: 'acme', apiToken: 'k3y', auth: 'api_token' } });
    });

    it('goes back from a way\'s first step (to the choice) at rest, keeping what was typed', () => {
      const failed = run(start(severalWays, token), input('subdomain', 'acme'), SUBMIT);
      const back = transition(failed, { type: 'back' });
      expect(back).to.not.equal(failed);
      expect(back).to.include({ stepIndex: 0, status: 'editing', submitted: false, error: undefined });
      expect(back.fieldErrors).to.deep.equal({});
      expect(back.values).to.deep.equal({ subdomain: 'acme', auth: 'api_token' });
      const sending = run(start(severalWays, login), input('subdomain', 'acme'), SUBMIT);
      expect(transition(sending, { type: 'back' }).status).to.equal('editing');
    });

    it('treats a descriptor without ways as one way with no id', () => {
      expect(waysOf(sevenOffice)).to.deep.equal([{ id: '', label: sevenOffice.name, method: 'credentials', steps: sevenOffice.steps }]);
      expect(start(sevenOffice).descriptor.way).to.equal(undefined);
    });
  });

  describe('registered', () => {
    it('ends the flow, forgetting secrets and keeping the other values', () => {
      const state = run(onClientStep(), input('clientId', '1001'), SUBMIT, { type: 'registered', connectionId: 'conn_1', displayName: 'Nordlys AS' });
      expect(state.status).to.equal('registered');
      expect(state.connectionId).to.equal('conn_1');
      expect(state.displayName).to.equal('Nordlys AS');
      expect(state.values).to.deep.equal({ username: 'ola', clientId: '1001' });
      expect(JSON.stringify(state)).not.to.contain('s3cret');
      expect(isOpen(state)).to.equal(false);
    });

    it('forgets an API key', () => {
      const state = run(start(mailchimp), input('apiKey', KEY), SUBMIT, { type: 'registered', connectionId: 'conn_2' });
      expect(state.values).to.deep.equal({});
      expect(JSON.stringify(state)).not.to.contain(KEY);
    });

    it('is ignored while the user is still editing', () => {
      const editing = run(start(mailchimp), input('apiKey', KEY));
      expect(transition(editing, { type: 'registered', connectionId: 'x' })).to.equal(editing);
    });

    it('ends a flow that was authorizing, without its flow id', () => {
      const state = run(
        start(mailchimp),
        input('apiKey', KEY),
        SUBMIT,
        { type: 'flowStarted', flowId: 'flow_1', status: 'pending' },
        { type: 'registered', connectionId: 'conn_3' },
      );
      expect(state.status).to.equal('registered');
      expect(state.flowId).to.equal(undefined);
    });
  });

  describe('failed', () => {
    it('goes back to editing with the error and the server messages of fields on the current step only', () => {
      const state = transition(lookingUp(), {
        type: 'failed',
        error: REJECTED,
        fields: { password: 'Wrong password.', clientId: 'Not on this step.', nope: 'No such field.' },
      });
      expect(state.status).to.equal('editing');
      expect(state.error).to.deep.equal(REJECTED);
      expect(state.fieldErrors).to.deep.equal({ password: { rule: 'server', message: 'Wrong password.' } });
      expect(state.values.password).to.equal(' s3cret ');
    });

    it('drops server messages for fields of an earlier step', () => {
      const submitting = run(onClientStep(), input('clientId', '1001'), SUBMIT);
      const state = transition(submitting, { type: 'failed', error: REJECTED, fields: { username: 'Unknown user.', clientId: 'Closed.' } });
      expect(state.fieldErrors).to.deep.equal({ clientId: { rule: 'server', message: 'Closed.' } });
    });

    it('drops server messages for hidden fields', () => {
      const submitting = run(start(kitchenSink), input('subdomain', 'acme'), SUBMIT);
      const state = transition(submitting, { type: 'failed', error: REJECTED, fields: { sandboxName: 'Taken.', subdomain: 'Unknown.' } });
      expect(state.fieldErrors).to.deep.equal({ subdomain: { rule: 'server', message: 'Unknown.' } });
    });

    it('ends an OAuth or pending flow in progress and lets the user try again', () => {
      const authorizing = run(start(mailchimp), input('apiKey', KEY), SUBMIT, { type: 'flowStarted', flowId: 'flow_1', status: 'authorizing' });
      expect(authorizing.status).to.equal('authorizing');
      expect(authorizing.flowId).to.equal('flow_1');
      const state = transition(authorizing, { type: 'failed', error: { code: 'access_denied', message: '', retryable: true } });
      expect(state.status).to.equal('editing');
      expect(state.flowId).to.equal(undefined);
      expect(state.fieldErrors).to.deep.equal({});
      expect(canSubmit(state)).to.equal(true);
      expect(transition(state, SUBMIT).status).to.equal('submitting');
    });

    it('is ignored once the flow has ended', () => {
      const cancelled = transition(start(mailchimp), { type: 'cancel' });
      expect(transition(cancelled, { type: 'failed', error: REJECTED })).to.equal(cancelled);
    });
  });

  describe('showIf', () => {
    it('hides a field until the other field has the value, and leaves its value out', () => {
      let state = run(start(kitchenSink), input('sandboxName', 'qa-1'), input('subdomain', 'acme'));
      expect(visibleFields(state).map(f => f.name)).not.to.include('sandboxName');
      expect(collectedValues(state)).to.deep.equal({ environment: 'production', subdomain: 'acme', useProxy: false });
      state = transition(state, input('environment', 'sandbox'));
      expect(visibleFields(state).map(f => f.name)).to.include('sandboxName');
      expect(collectedValues(state)).to.include({ environment: 'sandbox', sandboxName: 'qa-1' });
    });

    it('compares with a checkbox value', () => {
      let state = run(start(kitchenSink), input('adminEmail', 'it@acme.example'));
      expect(collectedValues(state)).not.to.have.property('adminEmail');
      state = transition(state, input('useProxy', true));
      expect(collectedValues(state)).to.include({ adminEmail: 'it@acme.example', useProxy: true });
    });

    it('does not check a hidden field', () => {
      const d = oneStep([
        { name: 'mode', type: 'radio', label: 'Mode', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }], default: 'a' },
        { name: 'extra', type: 'text', label: 'Extra', required: true, showIf: { field: 'mode', equals: 'b' } },
      ]);
      expect(run(start(d), SUBMIT).status).to.equal('submitting');
      expect(run(start(d), input('mode', 'b'), SUBMIT).fieldErrors).to.deep.equal({ extra: { rule: 'required' } });
    });

    it('drops the error of a field that another answer hides', () => {
      const d = oneStep([
        { name: 'mode', type: 'radio', label: 'Mode', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }], default: 'b' },
        { name: 'extra', type: 'text', label: 'Extra', required: true, showIf: { field: 'mode', equals: 'b' } },
        { name: 'other', type: 'text', label: 'Other', required: true },
      ]);
      const failed = run(start(d), SUBMIT);
      expect(Object.keys(failed.fieldErrors)).to.deep.equal(['extra', 'other']);
      expect(Object.keys(transition(failed, input('mode', 'a')).fieldErrors)).to.deep.equal(['other']);
    });

    it('leaves a hidden field out of what a lookup or OAuth flow is sent', () => {
      const state = run(start(kitchenSink), input('sandboxName', 'qa-1'), input('subdomain', 'acme'), SUBMIT);
      expect(submitRequest(state)).to.deep.equal({
        kind: 'lookup',
        lookup: 'workspaces',
        values: { environment: 'production', subdomain: 'acme', useProxy: false },
      });
    });
  });

  describe('trimming', () => {
    it('removes the spaces and line break a pasted API key brings along', () => {
      const state = run(start(mailchimp), input('apiKey', `  ${KEY}\n`), SUBMIT);
      expect(state.status).to.equal('submitting');
      expect(collectedValues(state)).to.deep.equal({ apiKey: KEY });
      expect(state.values.apiKey).to.equal(`  ${KEY}\n`);
    });

    it('takes a password (autocomplete current-password) exactly as typed', () => {
      expect(collectedValues(lookingUp()).password).to.equal(' s3cret ');
    });

    it('takes a password with autocomplete new-password as typed too', () => {
      const d = oneStep([{ name: 'pw', type: 'secret', label: 'Password', autocomplete: 'new-password', minLength: 8 }]);
      const state = run(start(d), input('pw', ' 1234567'));
      expect(collectedValues(state).pw).to.equal(' 1234567');
      expect(checkField(state, d.steps[0].fields![0])).to.equal(undefined);
    });

    it('trims a username but keeps a multi-line key as given', () => {
      const pem = '-----BEGIN KEY-----\nabc\n-----END KEY-----\n';
      const state = run(start(kitchenSink), input('subdomain', ' acme '), input('privateKey', pem));
      expect(collectedValues(state)).to.include({ subdomain: 'acme', privateKey: pem });
    });

    it('leaves out a value that is only spaces', () => {
      const state = run(start(kitchenSink), input('subdomain', '   '));
      expect(collectedValues(state)).not.to.have.property('subdomain');
    });
  });

  describe('submitRequest', () => {
    it('registers with the values', () => {
      const state = run(start(mailchimp), input('apiKey', KEY), SUBMIT);
      expect(submitRequest(state)).to.deep.equal({ kind: 'register', values: { apiKey: KEY } });
    });

    it('starts OAuth with the popup size the descriptor gives', () => {
      const state = run(start(kitchenSink), input('subdomain', 'acme'), SUBMIT, { type: 'lookupSucceeded', lookup: 'workspaces', options: [{ value: 'w1', label: 'Main' }] });
      expect(submitRequest(state)).to.deep.equal({
        kind: 'oauth',
        values: { environment: 'production', subdomain: 'acme', useProxy: false, workspace: 'w1' },
        popup: { width: 2000, height: 200 },
      });
    });

    it('starts OAuth in a 600 × 700 popup by default, and fills in a missing side', () => {
      const d = oneStep([{ name: 'shop', type: 'text', label: 'Shop', required: true }], { kind: 'oauth' });
      const state = run(start(d), input('shop', 'acme'));
      expect(submitRequest(state)).to.deep.equal({ kind: 'oauth', values: { shop: 'acme' }, popup: { width: 600, height: 700 } });
      const wide = oneStep([], { kind: 'oauth', popup: { width: 900 } });
      expect(submitRequest(start(wide))).to.deep.equal({ kind: 'oauth', values: {}, popup: { width: 900, height: 700 } });
    });
  });

  describe('cancel', () => {
    it('ends the flow and ignores what comes after', () => {
      const authorizing = run(start(mailchimp), input('apiKey', KEY), SUBMIT, { type: 'flowStarted', flowId: 'flow_1', status: 'authorizing' });
      const cancelled = transition(authorizing, { type: 'cancel' });
      expect(cancelled.status).to.equal('cancelled');
      expect(cancelled.flowId).to.equal(undefined);
      expect(isOpen(cancelled)).to.equal(false);
      expect(canSubmit(cancelled)).to.equal(false);
      for (const action of [SUBMIT, input('apiKey', 'x'), { type: 'registered', connectionId: 'late' }, { type: 'cancel' }] as FlowAction[]) {
        expect(transition(cancelled, action), action.type).to.equal(cancelled);
      }
    });

    it('forgets typed secrets when the user cancels; an error keeps them, so nothing typed is lost', () => {
      const cancelled = transition(lookingUp(), { type: 'cancel' });
      expect(cancelled.values).to.deep.equal({ username: 'ola' });
      const expired = transition(lookingUp(), { type: 'failed', error: { code: 'session_expired', message: '', retryable: false } });
      expect(expired.values).to.deep.equal({ username: 'ola', password: ' s3cret ' });
    });

    it('cannot cancel a registered flow', () => {
      const registered = run(start(mailchimp), input('apiKey', KEY), SUBMIT, { type: 'registered', connectionId: 'c' });
      expect(transition(registered, { type: 'cancel' })).to.equal(registered);
    });
  });

  it('never changes the state it is given', () => {
    const before = onClientStep();
    const snapshot = JSON.stringify(before);
    run(before, input('clientId', '1001'), SUBMIT, { type: 'failed', error: REJECTED, fields: { clientId: 'x' } }, { type: 'back' });
    expect(JSON.stringify(before)).to.equal(snapshot);
  });
});

describe('reduceToFrame', () => {
  const shop = { suffix: '.myshopify.com' };
  const reduce = (field: Pick<Field, 'prefix' | 'suffix'>, values: string[]) => values.map(v => reduceToFrame(field, v));

  it('reduces a shop name, a host name or a pasted URL to the part before a domain suffix', () => {
    const pasted = [
      'my-shop',
      'my-shop.myshopify.com',
      ' MY-SHOP.myshopify.com ',
      'https://my-shop.myshopify.com/admin',
      'my-shop.myshopify.com/admin/settings',
      'HTTP://My-Shop.MyShopify.com?x=1#top',
      'my-shop.myshopify.com:443/admin', // the default port is no port
      '\tmy-shop\n',
    ];
    expect(reduce(shop, pasted)).to.deep.equal(pasted.map(() => 'my-shop'));
  });

  it('lower-cases what goes into a host name, since host names are case-insensitive', () => {
    expect(reduce(shop, ['My-Shop', 'MY_SHOP.MYSHOPIFY.COM'])).to.deep.equal(['my-shop', 'my_shop']);
  });

  it('leaves a URL with a port, user info, another scheme or another host as it is, for the checks to refuse', () => {
    const untouched = [
      'https://my-shop.myshopify.com:8443/admin',
      'my-shop.myshopify.com:8443',
      'https://attacker@my-shop.myshopify.com/',
      'https://user:secret@my-shop.myshopify.com',
      'ftp://my-shop.myshopify.com/',
      'javascript://my-shop.myshopify.com/%0aalert(1)',
      'https://example.com/my-shop.myshopify.com',
      'https://my-shop.myshopify.com.example.com/',
      'https://myshopify.com/admin',
      'https://Example.com/Shop',
      'https://[::1]/',
      'https://exa mple.com/',
    ];
    expect(reduce(shop, untouched)).to.deep.equal(untouched);
  });

  it('takes the host between a scheme prefix and a domain suffix', () => {
    const frame = { prefix: 'https://', suffix: '.acme.example' };
    expect(reduce(frame, ['team-1', 'https://team-1.acme.example/', 'Team-1.acme.example', 'https://evil.example/'])).to.deep.equal([
      'team-1',
      'team-1',
      'team-1',
      'https://evil.example/',
    ]);
    const start = { prefix: 'https://eu-', suffix: '.acme.example' };
    expect(reduce(start, ['team', 'eu-team', 'https://eu-team.acme.example/x', 'https://us-team.acme.example/'])).to.deep.equal([
      'team',
      'team',
      'team',
      'https://us-team.acme.example/',
    ]);
  });

  it('strips a prefix alone, in any case, and keeps the rest as typed', () => {
    expect(reduce({ prefix: 'https://' }, ['Example.com/API', 'HTTPS://Example.com/API', 'ftp://example.com'])).to.deep.equal([
      'Example.com/API',
      'Example.com/API',
      'ftp://example.com',
    ]);
    const page = { prefix: 'https://example.com/' };
    expect(reduce(page, ['Acme', 'https://example.com/Acme', 'HTTPS://EXAMPLE.COM/Acme', 'example.com/Acme', 'https://other.example/Acme'])).to.deep.equal([
      'Acme',
      'Acme',
      'Acme',
      'Acme',
      'https://other.example/Acme',
    ]);
  });

  it('strips a suffix that is not a domain, and keeps the case', () => {
    expect(reduce({ suffix: '@Example.com' }, ['Ola.Nordmann@example.COM', 'Ola.Nordmann'])).to.deep.equal(['Ola.Nordmann', 'Ola.Nordmann']);
    expect(reduce({ prefix: '@', suffix: ' %' }, ['@Acme %', 'Acme'])).to.deep.equal(['Acme', 'Acme']);
  });

  it('knows the prefix and suffix in every language the descriptor gives', () => {
    const field = { suffix: { en: '.example.com', nb: '.example.no' } };
    expect(reduce(field, ['acme.example.com', 'https://acme.example.no/', 'acme'])).to.deep.equal(['acme', 'acme', 'acme']);
  });

  it('gives an empty value, or one that is only the frame, as nothing to send', () => {
    expect(reduce(shop, ['', '   ', '.myshopify.com'])).to.deep.equal(['', '', '.myshopify.com']);
    expect(reduce({ prefix: 'https://' }, ['https://'])).to.deep.equal(['']);
    expect(reduceToFrame({}, '  as typed  ')).to.equal('as typed');
  });

  it('checks and sends the reduced value, and refuses a bad one with the pattern rule', () => {
    const d = oneStep(
      [{ name: 'shop', type: 'text', label: 'Shop', suffix: '.myshopify.com', required: true, pattern: '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?' }],
      { kind: 'oauth' },
    );
    const pasted = run(start(d), input('shop', 'https://my-shop.myshopify.com/admin'), SUBMIT);
    expect(pasted.fieldErrors).to.deep.equal({});
    expect(submitRequest(pasted).values).to.deep.equal({ shop: 'my-shop' });
    const bad = run(start(d), input('shop', 'my shop!'), SUBMIT);
    expect(bad.fieldErrors).to.deep.equal({ shop: { rule: 'pattern' } });
    expect(bad.status).to.equal('editing');
    const port = run(start(d), input('shop', 'https://my-shop.myshopify.com:8443/admin'), SUBMIT);
    expect(port.fieldErrors).to.deep.equal({ shop: { rule: 'pattern' } });
  });

  it('leaves passwords and multiline values as typed, prefix or not', () => {
    const d = oneStep([
      { name: 'pin', type: 'secret', label: 'PIN', autocomplete: 'current-password', prefix: 'x-' },
      { name: 'pem', type: 'text', label: 'PEM', multiline: true, suffix: '.pem' },
    ]);
    const state = run(start(d), input('pin', ' x-1 '), input('pem', 'a.pem\n'));
    expect(collectedValues(state)).to.deep.equal({ pin: ' x-1 ', pem: 'a.pem\n' });
  });
});
