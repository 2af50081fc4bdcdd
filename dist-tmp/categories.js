// The names of the decision categories: a leaf with no imports, so the plan schema, the store's
// SQL CHECK and the offline coach can read it without pulling in detector logic. The registry
// (registry.ts) holds one module per name; a test asserts the two agree.
export const DECISION_CATEGORIES = ['pricing', 'platform', 'structure', 'timeline', 'content'];
/** Pricing decisions carry a tier; each tier has its own active price. */
export const PRICING_TIERS = ['regular', 'founding', 'annual', 'premium', 'trial'];
