import type { Translation } from './translation.js';

/** Sekunder i ord, gjennom Intl («1 sekund», «5 sekunder»). */
const seconds = (n: number) => new Intl.NumberFormat('nb', { style: 'unit', unit: 'second', unitDisplay: 'long' }).format(n);

/** Norsk bokmål: for `nb`, and for `no`, `nn` and their regional tags (`nb-NO`). Loaded on demand. */
export const nb: Translation = {
  loading: 'Laster…',
  heading: vendor => `Koble til ${vendor}`,
  chooseWay: vendor => `Hvordan vil du koble til ${vendor}?`,
  noVendor: 'Velg en app å koble til.',
  noApiBase: 'Denne siden har ikke oppgitt hvor ConnectMyApps-API-et er: angi et gyldig api-base-attributt.',
  descriptorProblems: vendor =>
    `Oppsettet for ${vendor ? `«${vendor}»` : 'denne appen'} er ikke gyldig, så det kan ikke vises. Kontakt kundestøtte og oppgi disse detaljene:`,
  waiting: vendor => `Venter på at ${vendor} skal bekrefte tilgangen…`,
  submit: { register: 'Koble til', lookup: 'Fortsett', oauth: vendor => `Fortsett til ${vendor}` },
  submitting: 'Arbeider…',
  back: 'Tilbake',
  cancel: 'Avbryt',
  tryAgain: 'Prøv igjen',
  startAgain: 'Start på nytt',
  show: label => `Vis ${label}`,
  hide: label => `Skjul ${label}`,
  moreAbout: label => `Mer om ${label}`,
  stepOf: (n, total) => `Steg ${n} av ${total}`,
  menuPath: 'Menysti',
  newTab: '(åpnes i en ny fane)',
  help: vendor => `Hjelp med ${vendor}`,
  optional: '(valgfritt)',
  choose: 'Velg…',
  affix: (prefix, suffix) =>
    prefix && suffix ? `Med ${prefix} foran og ${suffix} etter` : prefix ? `Med ${prefix} foran` : `Med ${suffix} etter`,
  field: {
    required: (label, type) =>
      type === 'checkbox'
        ? 'Kryss av i denne boksen for å fortsette.'
        : type === 'select' || type === 'radio'
          ? `${label} må fylles ut: velg ett alternativ.`
          : `${label} må fylles ut.`,
    pattern: label => `${label} har ikke riktig format.`,
    minLength: (label, limit) => `${label} må være minst ${limit.toLocaleString('nb')} tegn.`,
    maxLength: (label, limit) => `${label} kan være høyst ${limit.toLocaleString('nb')} tegn.`,
    email: 'Skriv inn en e-postadresse, for eksempel navn@eksempel.no.',
    url: 'Skriv inn en nettadresse som begynner med https://.',
    option: 'Velg et av alternativene i listen.',
  },
  invalidInput: labels => `${new Intl.ListFormat('nb').format(labels)} må rettes.`,
  noOptions: label =>
    `Det finnes ingen ${label} å velge for denne påloggingen. Gå tilbake og logg inn med en annen konto, eller be administratoren om tilgang.`,
  registered: vendor => `${vendor} er koblet til`,
  registeredAs: name => `Koblet til som ${name}.`,
  nextStep: vendor => `Nå kan du bruke ${vendor} i ConnectMyApps.`,
  done: 'Ferdig',
  cancelled: 'Avbrutt. Ingenting ble koblet til.',
  errorTitle: 'Noe gikk galt',
  retryIn: n => `Du kan prøve igjen om ${seconds(n)}.`,
  timedOut: 'Serveren brukte for lang tid på å svare. Sjekk tilkoblingen og prøv igjen.',
  oauth: {
    opening: vendor => `Åpner ${vendor}…`,
    open: vendor => `Fullfør innloggingen hos ${vendor} i vinduet som ble åpnet.`,
    bringBack: 'Vis vinduet igjen',
    checking: vendor => `Sjekker med ${vendor}…`,
    closedHint: 'Hvis du fullførte innloggingen, oppdateres dette av seg selv.',
    reopen: 'Åpne igjen',
    redirecting: vendor => `Sender deg til ${vendor}…`,
    continueHere: 'Fortsett i denne fanen',
  },
  grant: {
    enterCode: vendor => `Skriv inn denne koden i ${vendor}:`,
    copy: 'Kopier koden',
    copied: 'Kopiert',
    open: vendor => `Åpne ${vendor}`,
    timeLeft: clock => `Tid igjen: ${clock('nb')}`,
  },
  errors: {
    descriptor_not_found: vendor => `Det finnes ikke noe oppsett for «${vendor}». Sjekk navnet på appen, eller kontakt kundestøtte.`,
    descriptor_invalid: () => 'Oppsettet for denne appen er ikke gyldig, så det kan ikke vises. Kontakt kundestøtte.',
    invalid_input: () => 'Noen felt må rettes.',
    invalid_credentials: vendor => `${vendor} godtok ikke disse opplysningene. Sjekk dem og prøv igjen.`,
    session_expired: () => 'Økten din er utløpt. Last inn siden på nytt for å starte igjen.',
    origin_not_allowed: () => 'Denne siden har ikke lov til å koble til apper. Kontakt eieren av nettstedet.',
    rate_limited: () => 'For mange forsøk. Vent litt og prøv igjen.',
    server_error: () => 'Noe gikk galt hos oss. Prøv igjen om litt.',
    network_error: () => 'Fikk ikke kontakt med serveren. Sjekk tilkoblingen og prøv igjen.',
    popup_blocked: vendor =>
      `Nettleseren blokkerte vinduet til ${vendor}. Tillat popup-vinduer for dette nettstedet, eller fortsett i denne fanen.`,
    popup_closed: vendor => `Vinduet til ${vendor} ble lukket før du var ferdig.`,
    timeout: vendor => `Tilkoblingen til ${vendor} tok for lang tid. Prøv igjen.`,
    access_denied: vendor => `Tilgang ble ikke gitt i ${vendor}. Prøv igjen og godkjenn forespørselen.`,
    provider_error: vendor => `${vendor} meldte om et problem. Prøv igjen, eller kontakt kundestøtte.`,
    invalid_callback: () => 'Svaret fra innloggingsvinduet kunne ikke kontrolleres. Prøv igjen.',
    unknown_error: () => 'Noe gikk galt. Prøv igjen.',
  },
};
