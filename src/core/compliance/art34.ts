/**
 * GDPR Art. 34(3)(c): when telling each person affected would take disproportionate effort, a
 * public communication replaces individual notice, and it must carry the Art. 34(2) contents: the
 * DPO's contact details, the likely consequences and the measures. Then (and only then) these
 * otherwise internal fields become public. One predicate, read by the publication model and the
 * leak scan alike, so what is published is what is scanned.
 */
import { isRecord } from '../report/fields';

/** True when the report's public outputs must carry the Art. 34(2) contents. */
export function publishesArt34Contents(data: unknown): boolean {
  return isRecord(data) && isRecord(data.data_loss) && data.data_loss.art34_exemption === 'disproportionate_effort';
}
