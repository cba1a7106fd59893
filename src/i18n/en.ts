import type { Translation } from './translation.js';

/** A number of characters, through Intl ("1 character", "1,000 characters"). */
const characters = (n: number) => `${n.toLocaleString('en')} character${n === 1 ? '' : 's'}`;

/** Seconds in words, through Intl ("1 second", "5 seconds"). */
const seconds = (n: number) => new Intl.NumberFormat('en', { style: 'unit', unit: 'second', unitDisplay: 'long' }).format(n);

export const en: Translation = {
  loading: 'Loading…',
  heading: vendor => `Authenticate ${vendor}`,
  chooseWay: vendor => `How do you want to connect ${vendor}?`,
  noVendor: 'Choose an app to connect.',
  noApiBase: 'The widget does not know where the ConnectMyApps API is: set a valid api-base attribute.',
  descriptorProblems: vendor =>
    `The setup for ${vendor ? `“${vendor}”` : 'this app'} is not valid, so it cannot be shown. Contact support and quote these details:`,
  waiting: vendor => `Waiting for ${vendor} to confirm access…`,
  submit: { register: 'Authenticate', lookup: 'Continue', oauth: vendor => `Continue to ${vendor}` },
  submitting: 'Working…',
  back: 'Back',
  cancel: 'Cancel',
  tryAgain: 'Try again',
  startAgain: 'Start again',
  show: label => `Show ${label}`,
  hide: label => `Hide ${label}`,
  moreAbout: label => `More about ${label}`,
  stepOf: (n, total) => `Step ${n} of ${total}`,
  menuPath: 'Menu path',
  newTab: '(opens in a new tab)',
  help: vendor => `Help with ${vendor}`,
  optional: '(optional)',
  choose: 'Choose…',
  affix: (prefix, suffix) =>
    prefix && suffix ? `Preceded by ${prefix} and followed by ${suffix}` : prefix ? `Preceded by ${prefix}` : `Followed by ${suffix}`,
  field: {
    required: (label, type) =>
      type === 'checkbox'
        ? 'Check this box to continue.'
        : type === 'select' || type === 'radio'
          ? `${label} is required: choose one.`
          : `${label} is required.`,
    pattern: label => `${label} is not in the expected format.`,
    minLength: (label, limit) => `${label} must be at least ${characters(limit)}.`,
    maxLength: (label, limit) => `${label} must be at most ${characters(limit)}.`,
    email: 'Enter an email address, such as name@example.com.',
    url: 'Enter a web address that starts with https://.',
    option: 'Choose one of the listed options.',
  },
  invalidInput: labels => `${new Intl.ListFormat('en').format(labels)} need${labels[1] ? '' : 's'} your attention.`,
  noOptions: label =>
    `There is no ${label} to choose for this login. Go back and log in with another account, or ask your administrator for access.`,
  registered: vendor => `${vendor} is connected`,
  registeredAs: name => `Connected as ${name}.`,
  nextStep: vendor => `You can now use ${vendor} in ConnectMyApps.`,
  done: 'Done',
  cancelled: 'Cancelled. Nothing was connected.',
  errorTitle: 'Something went wrong',
  retryIn: n => `You can try again in ${seconds(n)}.`,
  timedOut: 'The server took too long to answer. Check your connection and try again.',
  oauth: {
    opening: vendor => `Opening ${vendor}…`,
    open: vendor => `Finish logging in to ${vendor} in the window that opened.`,
    bringBack: 'Bring the window back',
    checking: vendor => `Checking with ${vendor}…`,
    closedHint: 'If you finished logging in, this updates by itself.',
    reopen: 'Reopen',
    redirecting: vendor => `Taking you to ${vendor}…`,
    continueHere: 'Continue in this tab',
  },
  grant: {
    enterCode: vendor => `Enter this code in ${vendor}:`,
    copy: 'Copy code',
    copied: 'Copied',
    open: vendor => `Open ${vendor}`,
    timeLeft: clock => `Time left: ${clock('en')}`,
  },
  errors: {
    descriptor_not_found: vendor => `There is no setup for “${vendor}”. Check the app name, or contact support.`,
    descriptor_invalid: () => 'The setup for this app is not valid, so it cannot be shown. Contact support.',
    invalid_input: () => 'Some fields need your attention.',
    invalid_credentials: vendor => `${vendor} did not accept these details. Check them and try again.`,
    session_expired: () => 'Your session has expired. Reload the page to start again.',
    origin_not_allowed: () => 'This page is not allowed to connect apps. Contact the owner of this site.',
    rate_limited: () => 'Too many attempts. Wait a moment and try again.',
    server_error: () => 'Something went wrong on our side. Try again in a moment.',
    network_error: () => 'Could not reach the server. Check your connection and try again.',
    popup_blocked: vendor => `Your browser blocked the ${vendor} window. Allow pop-ups for this site, or continue in this tab.`,
    popup_closed: vendor => `The ${vendor} window was closed before you finished.`,
    timeout: vendor => `Connecting to ${vendor} took too long. Try again.`,
    access_denied: vendor => `Access was not granted in ${vendor}. Try again and approve the request.`,
    provider_error: vendor => `${vendor} reported a problem. Try again, or contact support.`,
    invalid_callback: () => 'The answer from the login window could not be checked. Try again.',
    unknown_error: () => 'Something went wrong. Try again.',
  },
};
