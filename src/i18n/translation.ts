import type { ErrorCode } from '../errors.js';
import type { FieldType } from '../descriptor/types.js';

/**
 * Every built-in string of the widget. Descriptor text is localized by the descriptor itself;
 * these are the widget's own words around it.
 */
export interface Translation {
  loading: string;
  /** The widget's heading, with the vendor's name. */
  heading: (vendor: string) => string;
  /** Above the ways a vendor offers to connect. */
  chooseWay: (vendor: string) => string;
  /** Shown before any vendor is set. */
  noVendor: string;
  /** Shown when the host page set no `api-base`, or one that is not a URL. */
  noApiBase: string;
  /** The descriptor failed validation; the problems follow. */
  descriptorProblems: (vendor: string) => string;
  /** While the server waits for the vendor to confirm. */
  waiting: (vendor: string) => string;
  /** Default submit labels, when the descriptor gives none. */
  submit: { register: string; lookup: string; oauth: (vendor: string) => string };
  submitting: string;
  back: string;
  cancel: string;
  tryAgain: string;
  startAgain: string;
  show: (label: string) => string;
  hide: (label: string) => string;
  /** The name of the button that opens a field's help. */
  moreAbout: (label: string) => string;
  stepOf: (n: number, total: number) => string;
  menuPath: string;
  newTab: string;
  help: (vendor: string) => string;
  optional: string;
  choose: string;
  /**
   * Read out with an input shown between a `prefix` and a `suffix` of its descriptor (either may be
   * empty, not both): `affix('', '.example.com')` is "Followed by .example.com".
   */
  affix: (prefix: string, suffix: string) => string;
  /** Client-side checks, by rule. */
  field: {
    required: (label: string, type: FieldType) => string;
    pattern: (label: string) => string;
    /** `limit` is a number: format it with `Intl.NumberFormat` (`toLocaleString`) in the translation's language. */
    minLength: (label: string, limit: number) => string;
    maxLength: (label: string, limit: number) => string;
    email: string;
    url: string;
    option: string;
  };
  /**
   * Above the buttons (and in the `cma-error` event) when a submit finds fields to fix: `labels` are
   * their labels, in order; join them with `Intl.ListFormat` in the translation's language.
   */
  invalidInput: (labels: string[]) => string;
  noOptions: (label: string) => string;
  registered: (vendor: string) => string;
  registeredAs: (name: string) => string;
  /** What the user can do now that the app is registered. */
  nextStep: (vendor: string) => string;
  /** The success screen's button, shown when the widget is in a dialog or popover: it closes it. */
  done: string;
  cancelled: string;
  errorTitle: string;
  retryIn: (seconds: number) => string;
  timedOut: string;
  /** While an OAuth flow is open in the vendor's window, or this tab goes there. */
  oauth: {
    opening: (vendor: string) => string;
    open: (vendor: string) => string;
    bringBack: string;
    checking: (vendor: string) => string;
    closedHint: string;
    reopen: string;
    redirecting: (vendor: string) => string;
    continueHere: string;
  };
  /** While the vendor is to grant access in its own system. */
  grant: {
    enterCode: (vendor: string) => string;
    copy: string;
    copied: string;
    open: (vendor: string) => string;
    /**
     * The time left to grant access, counting down: `clock(lang)` is it as a clock ("09:59") in the
     * digits and separators of `lang` (through `Intl.DurationFormat` where the browser has it).
     */
    timeLeft: (clock: (lang: string) => string) => string;
  };
  /** Messages by error code, for errors that come without a server message. */
  errors: Record<ErrorCode, (vendor: string) => string>;
}
