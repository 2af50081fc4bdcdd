// A creator's presence on one platform: what the profile stores (a JSON column of the profiles
// table) and what the natural-input parser returns. A leaf, so the parser need not import the store.
export interface PlatformPresence {
  platform: string;
  handle: string | null;
  followers: number;
  avgViews: number | null;
  /** Percent, e.g. 3.2 */
  engagementRate: number | null;
}
