// The category and tier names the detector's registry implements (the list lives in a leaf of
// plan/, below the store and the detector, so every layer reads the same one).
export { DECISION_CATEGORIES, PRICING_TIERS, type DecisionCategory, type PricingTier } from '../plan/categories.js';
