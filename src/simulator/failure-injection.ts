/**
 * Scripted REST failures (`POST /sim/fail`): "the next N calls to this path answer 503",
 * so client retry and error paths can be tested against an otherwise healthy backend.
 */
import type { HttpMethod } from './http-router';

export interface FailureRule {
  method: HttpMethod;
  /** Exact pathname, no query string. */
  path: string;
  status: number;
  error: string;
  remaining: number;
}

export class FailureRules {
  private rules: FailureRule[] = [];

  add(rule: Omit<FailureRule, 'remaining'> & { times: number }): void {
    const { times, ...rest } = rule;
    this.rules.push({ ...rest, remaining: times });
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
