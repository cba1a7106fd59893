/** A human-readable string: plain, or a map of language → text (`{"en": …, "nb": …}`). */
export type LocalizedString = string | Record<string, string>;

export type AuthMethod = 'apiKey' | 'credentials' | 'oauth2' | 'grant';

/** `hidden`: not shown; its `default` is sent with the other values (a constant the backend needs). */
export type FieldType = 'text' | 'secret' | 'email' | 'url' | 'select' | 'radio' | 'checkbox' | 'hidden';

/** What a field holds: text for most types, true/false for a checkbox. */
export type FieldValue = string | boolean;

export type Values = Record<string, FieldValue>;

export interface Option {
  value: string;
  label: LocalizedString;
  description?: LocalizedString;
}

export interface ShowIf {
  field: string;
  equals: FieldValue;
}

export interface Field {
  /** Key of the value in every request body; unique across all steps. */
  name: string;
  type: FieldType;
  label: LocalizedString;
  help?: LocalizedString;
  placeholder?: LocalizedString;
  required?: boolean;
  multiline?: boolean;
  /** JavaScript regular expression (u flag) that the whole value must match. */
  pattern?: string;
  patternMessage?: LocalizedString;
  minLength?: number;
  maxLength?: number;
  prefix?: LocalizedString;
  suffix?: LocalizedString;
  options?: Option[];
  /** Name of a lookup on an earlier step whose answer gives this field's options. */
  optionsFrom?: string;
  default?: FieldValue;
  autocomplete?: string;
  showIf?: ShowIf;
}

export interface InstructionImage {
  src: string;
  alt: LocalizedString;
}

export interface Instruction {
  /** Safe markup: **bold**, *italic*, `code`, [label](https://…). Never HTML. */
  text: LocalizedString;
  /** A menu path, shown as such (Account › Extras › API keys). */
  path?: LocalizedString[];
  image?: InstructionImage;
}

export interface PopupSize {
  width?: number;
  height?: number;
}

export type Submit =
  | { kind: 'register'; label?: LocalizedString }
  | { kind: 'lookup'; lookup: string; label?: LocalizedString }
  | { kind: 'oauth'; popup?: PopupSize; label?: LocalizedString };

export type SubmitKind = Submit['kind'];

export interface Step {
  id: string;
  title?: LocalizedString;
  instructions?: Instruction[];
  fields?: Field[];
  submit: Submit;
}

/** One way to connect a vendor that offers several (log in with the vendor, or an API token). */
export interface Way {
  id: string;
  label: LocalizedString;
  description?: LocalizedString;
  method: AuthMethod;
  steps: Step[];
}

export interface Descriptor {
  schemaVersion: 1;
  id: string;
  name: LocalizedString;
  /** https URL, or relative to the descriptor's own URL. */
  logo?: string;
  /** https URL of the vendor's help page. */
  helpUrl?: string;
  /** One way: its method and steps. */
  method?: AuthMethod;
  steps?: Step[];
  /** Several ways, instead of `method` and `steps`: the user picks one first. */
  ways?: Way[];
}

/** A descriptor narrowed to the one way the user goes: what the step engine runs. */
export type WayDescriptor = Descriptor & { method: AuthMethod; steps: Step[]; way?: string };

/** The ways a descriptor offers: its `ways`, or its one `method` and `steps` as a way with no id. */
export const waysOf = (d: Descriptor): Way[] => d.ways ?? [{ id: '', label: d.name, method: d.method!, steps: d.steps! }];

/** The descriptor as the engine runs it, for one of its ways. */
export const forWay = (d: Descriptor, way: Way): WayDescriptor => ({ ...d, method: way.method, steps: way.steps, way: way.id || undefined });
