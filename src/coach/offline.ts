// The offline coach: a deterministic local engine grounded in the plan. It answers with no key and
// no network, costs nothing, and is always labelled as such. Pure: data in, text out. The engine
// lives in ./offline/ (an intent table, one file per topic); this module is its public face.
export { offlineAnswer, offlineReply } from './offline/engine.js';
export { offlineWelcome } from './offline/welcome.js';
export type { OfflineDecision, OfflineInput, OfflineProfile, Surface } from './offline/types.js';

export const OFFLINE_MODEL = 'offline-coach';
export const OFFLINE_LABEL = 'offline coach';
