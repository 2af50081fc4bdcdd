// The budget rule, written once. Every place that warns about or refuses on the day's AI cost
// (the reservation in limits/, the exchange's warning, the status bar, /usage, `coach usage`)
// asks these functions:
//   warning: the day's cost has REACHED the threshold (cost >= costWarningUSD) and is above $0;
//            a threshold of 0 therefore warns on any spend, never on an empty day.
//   cap:     requests are refused once the day's cost has REACHED the cap (cost >= dailyCostCapUSD);
//            null = no cap.
// ">=" everywhere: the settings say "passes this many USD" in the loose sense of "gets to", and a
// cap of $5 that lets a request start at exactly $5.00 spent would not be a cap.
import { formatUSD, usdToMicros } from './money.js';

/** The dailyCostCapUSD setting in µ$ (null: no cap). */
export function capMicrosOf(capUSD: number | null): number | null {
  return capUSD === null ? null : usdToMicros(capUSD);
}

export function costWarningReached(costMicros: number, warningUSD: number): boolean {
  return costMicros > 0 && costMicros >= usdToMicros(warningUSD);
}

export function costCapReached(costMicros: number, capMicros: number | null): boolean {
  return capMicros !== null && costMicros >= capMicros;
}

export type BudgetState = 'ok' | 'warning' | 'capped';

/** Where the day's cost stands: capped beats warning. */
export function budgetState(costMicros: number, budget: { warningUSD: number; capUSD: number | null }): BudgetState {
  if (costCapReached(costMicros, capMicrosOf(budget.capUSD))) return 'capped';
  return costWarningReached(costMicros, budget.warningUSD) ? 'warning' : 'ok';
}

/** The warning's one sentence (stderr in the CLI, a notice in the UI). */
export function costWarningText(costMicros: number, warningUSD: number): string {
  return `today's AI cost is ${formatUSD(costMicros)}, past your warning threshold of ${formatUSD(usdToMicros(warningUSD))}`;
}

/** The refusal's one sentence when the cap is reached. */
export function costCapText(costMicros: number, capMicros: number): string {
  return `daily cost cap reached (${formatUSD(costMicros)} of ${formatUSD(capMicros)} today)`;
}
