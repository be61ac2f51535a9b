/**
 * Scripted REST failures (`POST /sim/fail`): "the next N calls to this path answer 503",
 * so client retry and error paths can be tested against an otherwise healthy backend;
 * with `afterHandling` the call is done first and only its answer fails (a lost answer).
 */
import type { HttpMethod } from './http-router';

export interface FailureRule {
  method: HttpMethod;
  /** Exact pathname, no query string. */
  path: string;
  status: number;
  error: string;
  /** The call is carried out first (a reply is stored), then answered with the failure. */
  afterHandling: boolean;
  remaining: number;
}

export class FailureRules {
  private rules: FailureRule[] = [];

  add(rule: Omit<FailureRule, 'remaining' | 'afterHandling'> & { times: number; afterHandling?: boolean }): void {
    const { times, afterHandling = false, ...rest } = rule;
    this.rules.push({ ...rest, afterHandling, remaining: times });
  }

  /** Consumes one use of the oldest matching rule, if any. */
  take(method: string, path: string): FailureRule | undefined {
    const rule = this.rules.find((r) => r.method === method && r.path === path && r.remaining > 0);
    if (!rule) return undefined;
    rule.remaining -= 1;
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return rule;
  }

  pending(): FailureRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  clear(): void {
    this.rules = [];
  }
}
