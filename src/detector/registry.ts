// The category registry: one module per decision category, in one array. This is the only list
// of categories with logic behind them; categories.ts holds the names (a test keeps the two equal).
import { content } from './content.js';
import { platform } from './platforms.js';
import { pricing } from './pricing.js';
import { structure } from './structure.js';
import { timeline } from './timeline.js';
import type { CategoryModule } from './types.js';

export const REGISTRY: readonly CategoryModule[] = [pricing, platform, structure, timeline, content];
