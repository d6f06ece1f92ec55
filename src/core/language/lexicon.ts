/**
 * The words the claim analysis knows, German and English together (reports mix both, and a word
 * list per language would only differ in which half is empty). Lower-case, as tokens are compared.
 * Inflected forms are listed explicitly: the list is short and stays readable, a stemmer for two
 * languages would weigh more than the whole rule family.
 */

const set = (...words: string[]) => new Set(words);

/** Words that negate their clause. "nor" counts only without "neither" (see `negations`). */
export const NEGATORS = set(
  'kein', 'keine', 'keinen', 'keinem', 'keiner', 'keines', 'keinerlei', 'nicht', 'nichts', 'nie', 'niemals', 'weder', 'ohne',
  'niemand', 'no', 'not', 'never', 'none', 'nothing', 'neither', 'nor', 'without', 'cannot', 'nobody',
);

/** Verbs of excluding: "ausgeschlossen", "rule out". They negate the loss they govern. */
export const EXCLUDERS = set('ausgeschlossen', 'ausschließen', 'auszuschließen', 'ausschliessen', 'auszuschliessen', 'exclude', 'excluded', 'excludes');

/** Predicates that say data is unharmed: they negate a loss. */
export const SAFE = set(
  'sicher', 'geschützt', 'unversehrt', 'unberührt', 'intakt', 'unbeeinträchtigt', 'safe', 'secure', 'intact', 'protected', 'unaffected', 'unharmed',
);

/** Data nouns besides the German compounds on "-daten". */
export const DATA_NOUNS = set(
  'daten', 'informationen', 'unterlagen', 'dokumente', 'dateien', 'akten', 'datensätze', 'data', 'information', 'documents',
  'files', 'records', 'datasets', 'nothing', 'nichts',
);

/** Words that make a data noun personal data. */
export const PERSONAL = set(
  'personenbezogene', 'personenbezogenen', 'personenbezogener', 'persönliche', 'persönlichen', 'bürgerdaten', 'kundendaten',
  'sozialdaten', 'meldedaten', 'personaldaten', 'patientendaten', 'personal', "citizens'", 'citizens’', 'customer', 'customers',
);

/** What a denied loss is about: copied out, lost, or merely touched. */
export type LossKind = 'exfiltration' | 'loss' | 'unaffected';

/** Verbs (participles and finite forms) of data leaving the organisation. */
export const EXFILTRATION_VERBS = set(
  'abgeflossen', 'abfließen', 'abfloss', 'abflossen', 'abgegriffen', 'abgreifen', 'gestohlen', 'stehlen', 'entwendet', 'erbeutet',
  'kopiert', 'abgezogen', 'ausgespäht', 'abgesaugt', 'veröffentlicht', 'geleakt', 'stolen', 'stole', 'leaked', 'exfiltrated',
  'taken', 'took', 'copied', 'accessed', 'published', 'downloaded', 'extracted', 'siphoned',
);

/** Verbs of data being lost or destroyed. */
export const LOSS_VERBS = set('verloren', 'verlorengegangen', 'gelöscht', 'zerstört', 'vernichtet', 'lost', 'deleted', 'destroyed');

/** Verbs of data being touched at all. */
export const AFFECT_VERBS = set(
  'betroffen', 'betrifft', 'betraf', 'kompromittiert', 'beeinträchtigt', 'affected', 'affect', 'compromised',
  // Nouns of the same: "kein Zugriff auf Daten", "no access to data".
  'zugriff', 'zugang', 'access',
);

/** Second parts of German compounds on "Daten-" and English nouns after "data" that name a loss. */
export const LOSS_NOUNS: ReadonlyMap<string, LossKind> = new Map([
  ['abfluss', 'exfiltration'], ['abflusses', 'exfiltration'], ['diebstahl', 'exfiltration'], ['diebstahls', 'exfiltration'],
  ['leck', 'exfiltration'], ['abgriff', 'exfiltration'], ['panne', 'exfiltration'], ['verlust', 'loss'], ['verlusts', 'loss'],
  ['verlustes', 'loss'], ['breach', 'exfiltration'], ['breaches', 'exfiltration'], ['leak', 'exfiltration'], ['leaks', 'exfiltration'],
  ['theft', 'exfiltration'], ['exfiltration', 'exfiltration'], ['loss', 'loss'],
]);

/** Clause openers after which nothing is asserted: questions, conditions, what is examined. */
export const OPEN_CLAUSE = set(
  'ob', 'whether', 'if', 'wenn', 'falls', 'sofern', 'sobald', 'bevor', 'once', 'when', 'unless', 'welche', 'welcher', 'welches',
  'wie', 'wann', 'which', 'what', 'how', 'wer', 'who',
);

/** "bis", "until": as a conjunction they make a state pending; as a preposition they carry a date. */
export const PENDING = set('bis', 'until', 'till', 'before', 'bevor', 'noch');

/** Coordinators: "keinen Datenverlust und keinen Hinweis" are two negations side by side, not one stacked on the other. */
export const COORDINATORS = set('und', 'and', 'oder', 'or', 'sowie');

/** Complementisers: the matrix clause's negation reaches into the clause they open. */
export const COMPLEMENT = set('dass', 'daß', 'that');

/** Words that start a new clause even without a comma before them. */
export const CLAUSE_OPENERS = set(...OPEN_CLAUSE, ...COMPLEMENT, 'weil', 'obwohl', 'sondern', 'aber', 'because', 'although', 'but', 'while');

/** Words that qualify a statement by the state of knowledge: "bislang", "so far", "no indication". */
export const HEDGES = set(
  'bislang', 'bisher', 'bisherigen', 'bisherige', 'derzeit', 'derzeitigem', 'derzeitigen', 'aktuell', 'aktuellem', 'aktuellen',
  'momentan', 'vorerst', 'vorläufig', 'vorläufigen', 'jetzigem', 'heutigem', 'erkenntnissen', 'erkenntnisstand', 'kenntnisstand',
  'hinweise', 'hinweis', 'hinweisen', 'anhaltspunkte', 'anhaltspunkt', 'anzeichen', 'indizien', 'belege', 'vermutlich',
  'wahrscheinlich', 'far', 'currently', 'present', 'indication', 'indications', 'evidence', 'sign', 'signs', 'yet',
  'preliminary', 'initial', 'findings', 'likely', 'appears', 'believe',
);

/** Verbs that report what someone else claims: the organisation asserts nothing by repeating it. */
export const THIRD_PARTY_CLAIM = set('behauptet', 'behaupten', 'behauptete', 'behaupteten', 'angeblich', 'claim', 'claims', 'claimed', 'allegedly', 'alleged');

/** Who else might be quoted in a press release. */
export const THIRD_PARTIES = set(
  'täter', 'angreifer', 'hacker', 'erpresser', 'gruppe', 'hackergruppe', 'bekennerschreiben', 'attackers', 'attacker', 'hackers', 'group',
  'gang', 'criminals', 'erpresserschreiben',
);

/** Quantifiers of "all services". */
export const ALL = set('alle', 'sämtliche', 'jeder', 'jede', 'all', 'every', 'alles', 'everything');

/** What services are called in public text. */
export const SERVICE_NOUNS = set(
  'dienste', 'dienstleistungen', 'services', 'systeme', 'anwendungen', 'fachverfahren', 'fachanwendungen', 'angebote', 'leistungen',
  'systems', 'applications', 'alles', 'everything', 'dienst', 'service', 'system',
);

/** Nouns after "data" that make it part of another noun: "data centres" are buildings, not data. */
export const DATA_COMPOUND_HEADS = set(
  'centre', 'centres', 'center', 'centers', 'protection', 'controller', 'officer', 'officers', 'sheet', 'plan', 'privacy',
);

/** Predicates of being available again. */
export const AVAILABLE = set(
  'verfügung', 'verfügbar', 'erreichbar', 'wiederhergestellt', 'online', 'funktionieren', 'funktioniert', 'laufen', 'läuft',
  'arbeiten', 'betrieb', 'available', 'back', 'restored', 'operational', 'running', 'working',
);

/** Words that make "all" less than all: "fast alle", "all but". */
export const PARTIAL = set(
  'fast', 'nahezu', 'beinahe', 'weitgehend', 'größtenteils', 'teilweise', 'überwiegend', 'meisten', 'außer', 'almost', 'nearly',
  'most', 'mostly', 'largely', 'partially', 'partly', 'except', 'apart', 'some', 'einige', 'einzelne',
);

/** Words that make a statement a forecast rather than a report of what is. */
export const FORECAST = set(
  'voraussichtlich', 'soll', 'sollen', 'sollte', 'sollten', 'sein', 'werden', 'wird', 'will', 'should', 'expected', 'expect',
  'expects', 'planned', 'plan', 'hoffen', 'hope', 'bald', 'soon', 'demnächst', 'geplant',
);

/** Verbs of promising: "Wir garantieren, dass …" makes what follows a promise, not a report of what is. */
export const PROMISE = set(
  'garantieren', 'garantiert', 'garantierte', 'versprechen', 'verspricht', 'versprochen', 'zusichern', 'sichern', 'sichert',
  'zugesagt', 'zusagen', 'guarantee', 'guarantees', 'guaranteed', 'promise', 'promises', 'promised', 'assure', 'assures', 'pledge',
);

/** Nouns and predicates of a risk or danger. */
export const RISK_WORDS = set(
  'gefahr', 'gefahren', 'gefährdung', 'gefährdet', 'risiko', 'risiken', 'bedrohung', 'risk', 'risks', 'danger', 'dangers', 'threat',
  'endangered', 'jeopardy',
);

/** Nouns of consequences for people. */
export const CONSEQUENCE_WORDS = set(
  'folgen', 'nachteile', 'nachteil', 'schaden', 'schäden', 'konsequenzen', 'auswirkungen', 'beeinträchtigungen', 'consequences',
  'consequence', 'harm', 'disadvantages', 'disadvantage', 'damage', 'repercussions',
);

/** Who a denial of risk or consequences is about: the people whose data it is, or the reader. */
export const AT_RISK_PEOPLE = set(
  'bürger', 'bürgern', 'bürgerinnen', 'einwohner', 'einwohnern', 'einwohnerinnen', 'betroffene', 'betroffenen', 'kunden', 'kundinnen',
  'patienten', 'patientinnen', 'beschäftigte', 'beschäftigten', 'mitarbeitende', 'mitarbeitenden', 'versicherte', 'versicherten',
  'menschen', 'personen', 'bevölkerung', 'ihnen', 'ihre', 'ihrer', 'euch', 'residents', 'citizens', 'customers', 'patients',
  'people', 'individuals', 'employees', 'public', 'you', 'your', 'inhabitants', 'users',
);

/** "Behoben", "resolved": the incident is over. */
export const RESOLVED = set('behoben', 'beseitigt', 'gelöst', 'resolved', 'fixed');

/** Words that say what a restoration date is about. */
export const RESTORATION_CUES = set(
  'wieder', 'voraussichtlich', 'einschränkungen', 'einschränkung', 'störung', 'störungen', 'ausfall', 'geschlossen',
  'eingeschränkt', 'dauern', 'dauert', 'andauern', 'wiederhergestellt', 'verfügbar', 'erreichbar', 'betrieb', 'restored', 'back',
  'available', 'restoration', 'disruption', 'outage', 'closed', 'offline', 'last', 'expected', 'unavailable', 'normal',
  'wiederherstellung', 'funktionieren', 'running',
);

/** Prepositions that tie a date to a restoration: "bis zum 9. Dezember", "by 9 December". */
export const DATE_PREPOSITIONS = set('bis', 'ab', 'am', 'zum', 'until', 'till', 'by', 'from', 'on', 'dem');

/** Month names and abbreviations, German and English, to month numbers. */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ...(['januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'] as const).map(
    (name, i) => [name, i + 1] as const,
  ),
  ...(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'] as const).map(
    (name, i) => [name, i + 1] as const,
  ),
  ...(['jan', 'feb', 'mär', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'oct', 'nov', 'dez', 'dec', 'jän', 'mar'] as const).map(
    (name) => [name, ({ jan: 1, jän: 1, feb: 2, mär: 3, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, okt: 10, oct: 10, nov: 11, dez: 12, dec: 12 } as const)[name]] as const,
  ),
]);

/**
 * Cheap first looks, one per kind of claim: a text (or paragraph, or sentence) that matches none
 * of the enabled ones holds no claim the rules check and is neither segmented nor analysed.
 */
export const TRIGGERS = {
  dataLoss: /daten|data|unterlagen|dokumente|dateien|akten|records|files|information|nichts|nothing/i,
  status: /behoben|beseitigt|gelöst|resolved|fixed|\b(?:alle|sämtliche|all|every|jede[rs]?)\b/i,
  restoration:
    /\d{1,2}\.\s*(?:[a-zä]{3}|\d)|\d{4}-\d\d-\d\d|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d/i,
  /** A number (or "Tausende") and a noun of people or records somewhere in the text. */
  count: {
    test: (text: string) =>
      /\d|hundert|tausend|million|hundred|thousand/i.test(text) &&
      /person|mensch|bürger|einwohner|betroffen|kund|patient|beschäftigt|mitarbeit|versichert|schüler|studier|bewohner|nutzer|steuerpflicht|antragsteller|leistungsempf|datensätz|einträg|dokument|dateien|akten|e-?mails|people|individual|resident|citizen|inhabitant|customer|employee|staff|user|pupil|student|taxpayer|claimant|applicant|member|record|files|entries|dataset/i.test(text),
  },
  risk: /gefahr|gefährd|risik|bedrohung|risk|danger|threat|jeopardy|folgen|nachteil|schaden|schäden|konsequenz|auswirkung|beeinträchtigung|consequence|harm|disadvantage|damage|repercussion/i,
} as const;
