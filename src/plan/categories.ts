// The names of the decision categories and pricing tiers: a leaf with no imports, so the plan
// schema, the store's SQL CHECK and the detector's registry read one list (a test asserts the
// registry in src/detector/registry.ts has one module per name, in this order).
export const DECISION_CATEGORIES = ['pricing', 'platform', 'structure', 'timeline', 'content'] as const;
export type DecisionCategory = (typeof DECISION_CATEGORIES)[number];

/** Pricing decisions carry a tier; each tier has its own active price. */
export const PRICING_TIERS = ['regular', 'founding', 'annual', 'premium', 'trial'] as const;
export type PricingTier = (typeof PRICING_TIERS)[number];
