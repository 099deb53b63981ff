/**
 * Catalogue data as an official reads it. The data keeps its research marks (confidence tags such
 * as [M] or [S][R35], source numbers, references to the project's research notes) so they can be
 * checked; the screen shows the legal basis in words and leaves the marks out.
 */
import { vi } from '../../i18n/vi';

const TAGS = /\s*(?:\[(?:[A-Z?]|R\d+)\])+/g;
const RESEARCH_NOTES = /DOMAIN(?:\.md)?(?:\s*§\s*[\d.]+)?/g;

export function forOfficials(text: string): string {
  return text.replace(TAGS, '').replace(RESEARCH_NOTES, vi.catalog.referenceList).replace(/\s{2,}/g, ' ').trim();
}

/** Sources worth showing: named documents and pages, not bare reference numbers. */
export function readableSources(sources: readonly string[]): string[] {
  return sources.filter((s) => !/^\s*(?:R\d+|DOMAIN\b.*)\s*$/.test(s)).map(forOfficials);
}

export function originText(origin: string): string {
  return vi.catalog.origins[origin] ?? vi.catalog.origins.import!;
}

/** What a catalogue version says about where it came from: the bundled one in plain words. */
export function versionSourceText(origin: string, source: string | null): string {
  return origin === 'seed' ? vi.catalog.seedSource : forOfficials(source ?? '');
}
