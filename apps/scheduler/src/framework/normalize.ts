/**
 * k8s' helper.DefaultNormalizeScore: scale raw scores so the highest becomes MAX_NODE_SCORE;
 * `reverse` makes the lowest raw score the best (e.g. fewer intolerable taints).
 */
import { MAX_NODE_SCORE } from './plugin.js';

export function normalizeScores(scores: number[], reverse: boolean): void {
  let highest = 0;
  for (const s of scores) if (s > highest) highest = s; // no spread: hundreds of arguments per call
  if (highest === 0) {
    if (reverse) scores.fill(MAX_NODE_SCORE);
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    const s = Math.floor((MAX_NODE_SCORE * scores[i]!) / highest);
    scores[i] = reverse ? MAX_NODE_SCORE - s : s;
  }
}
