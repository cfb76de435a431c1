/**
 * The E-divisive divergence q̂ (Matteson & James 2014, doi:10.1080/01621459.2013.849605, with
 * α = 1 and Otava's U-statistic normalisation) and its best split of an interval.
 *
 * For an interval [s, e) of a window w, and s < τ < κ ≤ e, n = τ − s, m = κ − τ:
 *
 *     Q(τ, κ) = 2/(n+m) Σ|w_i − w_j| − 2m/((n+m)(n−1)) Σ|w_i − w_k| − 2n/((n+m)(m−1)) Σ|w_j − w_k|
 *
 * The candidate is the first maximum in τ-then-κ order. Data with few distinct values produce
 * exact ties, so every sum is formed in the order of Apache Otava 0.8.0's
 * `PairDistanceCalculator._get_Q_vals` (row running sums H, column sums V, cumulative sums of
 * both, coefficients as integer ratios, Q = (A − B) − C); see `shared/docs/otava-edivisive.md`.
 * Unlike Otava, no matrix is stored: the running sums are carried column by column.
 *
 * Cost: O(W²) to prepare a window of W points; O(L² + s·L) per interval of length L starting at s.
 * Memory: O(W) plus two O(W²) coefficient tables per window length (only for W ≤ 512).
 */
import type { Numbers } from './numpy-sum.ts';

/** Best split of an interval: `index` is τ (window-local), `qhat` is Q at (τ, κ). */
export interface Candidate {
  index: number;
  qhat: number;
}

const TABLE_LIMIT = 512;

/**
 * Reusable q̂ calculator: `reset` it on a window, then ask for the candidate of any interval.
 * Buffers are kept between windows so a sliding-window scan allocates nothing per window.
 *
 * @example
 * const calc = new QhatCalculator();
 * calc.reset([1, 1, 5], 0, 3);
 * calc.candidate(0, 3); // { index: 2, qhat: 4 }
 */
export class QhatCalculator {
  private x: Numbers = [];
  private ws = 0;
  private w = 0;
  private v = new Float64Array(0);
  private rowAcc = new Float64Array(0);
  private rcol = new Float64Array(0);
  private cv = new Float64Array(0);
  private tableW = 0;
  private bCoef = new Float64Array(0);
  private cCoef = new Float64Array(0);

  /** Points the calculator at the window x[ws : ws + w] and prepares its column sums V. */
  reset(x: Numbers, ws: number, w: number): void {
    this.x = x;
    this.ws = ws;
    this.w = w;
    if (this.v.length < w) {
      this.v = new Float64Array(w);
      this.rowAcc = new Float64Array(w);
      this.rcol = new Float64Array(w);
      this.cv = new Float64Array(w);
    }
    if (w <= TABLE_LIMIT && this.tableW < w) this.buildTables(Math.max(w, 64));
    // V[g] = Σ_{r=0..g} |w_r − w_{g+1}|, r ascending (Otava: triu(D).sum(axis=0)).
    const v = this.v;
    for (let g = 0; g < w - 1; g++) {
      const xg = x[ws + g + 1]!;
      let acc = 0;
      for (let r = 0; r <= g; r++) acc += Math.abs(x[ws + r]! - xg);
      v[g] = acc;
    }
  }

  /** B and C coefficients depend only on the local (τ, κ) offsets: tabulate them once. */
  private buildTables(size: number): void {
    this.tableW = size;
    this.bCoef = new Float64Array(size * size);
    this.cCoef = new Float64Array(size * size);
    for (let j = 0; j < size; j++) {
      for (let i = 0; i <= j; i++) {
        this.bCoef[j * size + i] = i === 0 ? 0 : (2 * (j - i + 1)) / ((j + 2) * i);
        this.cCoef[j * size + i] = i === j ? 0 : (2 * (i + 1)) / ((j + 2) * (j - i));
      }
    }
  }

  /**
   * The best split τ of the window-local interval [s, e), e − s ≥ 2, and its q̂.
   * Ties go to the smallest τ, then the smallest κ (NumPy's argmax over the row-major Q matrix).
   */
  candidate(s: number, e: number): Candidate {
    const { x, ws, v, rowAcc, rcol, cv } = this;
    const m = e - s - 1;
    const useTables = this.w <= TABLE_LIMIT;
    const tw = this.tableW;
    const bTab = this.bCoef;
    const cTab = this.cCoef;

    // Column sums of the interval: V[s + c] − Σ_{r<s} |w_r − w_{s+c+1}|, then their cumulative sum.
    for (let c = 0; c < m; c++) {
      const xc = x[ws + s + c + 1]!;
      let sub = 0;
      for (let r = 0; r < s; r++) sub += Math.abs(x[ws + r]! - xc);
      const vloc = v[s + c]! - sub;
      cv[c] = c === 0 ? vloc : cv[c - 1]! + vloc;
    }

    let best = -Infinity;
    let bi = 0;
    let bj = 0;
    const base = ws + s;
    for (let j = 0; j < m; j++) {
      // Column j of H: H[r][s+j] = Σ_{q=r+1..s+j+1} |w_r − w_q| for the rows r = s..s+j.
      const xn = x[base + j + 1]!;
      for (let i = 0; i < j; i++) rowAcc[i] = rowAcc[i]! + Math.abs(x[base + i]! - xn);
      rowAcc[j] = Math.abs(x[base + j]! - xn);

      // Right-side sums for C, accumulated from the bottom row up (Otava: flipud(cumsum(flipud(H)))).
      let acc = 0;
      for (let i = j - 1; i >= 0; i--) {
        acc += rowAcc[i + 1]!;
        rcol[i] = acc;
      }

      const aCoef = 2 / (j + 2);
      const row = j * tw;
      // τ = s + 1 (i = 0): no left-side term B.
      let ch = rowAcc[0]!;
      let q = aCoef * ch;
      if (j > 0) q -= (useTables ? cTab[row]! : 2 / ((j + 2) * j)) * rcol[0]!;
      // Ties: (0, j) comes before any (i > 0, ·) in row-major order, after any earlier (0, ·).
      if (q > best || (q === best && bi > 0)) {
        best = q;
        bi = 0;
        bj = j;
      }
      for (let i = 1; i <= j; i++) {
        ch += rowAcc[i]!;
        const prev = cv[i - 1]!;
        const bc = useTables ? bTab[row + i]! : (2 * (j - i + 1)) / ((j + 2) * i);
        q = aCoef * (ch - prev) - bc * prev;
        if (i < j) q -= (useTables ? cTab[row + i]! : (2 * (i + 1)) / ((j + 2) * (j - i))) * rcol[i]!;
        // The first maximum in row-major (τ, κ) order; columns are visited in κ order.
        if (q > best || (q === best && (i < bi || (i === bi && j < bj)))) {
          best = q;
          bi = i;
          bj = j;
        }
      }
    }
    return { index: s + bi + 1, qhat: best };
  }
}
