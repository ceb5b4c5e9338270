/** What a boilerplate rule says about one line. */
export interface Verdict {
  /** Rule name, used as the edit's `reason` (`outlet-mark`, `byline`, `photo-credit`, …). */
  reason: string;
  /** 0..1: how sure the rule is that the line is not article text. */
  confidence: number;
  /** A readable sentence saying what was seen. */
  evidence: string;
  /** Reported but not applied. */
  suggestion?: boolean;
}
