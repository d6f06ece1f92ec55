/**
 * Reading the published prose: sentences, the de/en lexicon of absolute claims and their qualifiers,
 * used by the claim rules and their quick fixes, and by the renderers' wording.
 *
 * May import: shared.
 */
export * from './claims';
export * from './lexicon';
export * from './qualify';
export * from './sentences';
