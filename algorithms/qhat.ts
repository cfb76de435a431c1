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

/** Windows up to this length use coefficient tables (2 · 512² doubles = 4 MiB at most). */
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
  /** @param tableLimit longest window that uses coefficient tables (tests lower it to cover the other path). */
  constructor(private readonly tableLimit = TABLE_LIMIT) {}

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
  /** One column's coefficients, for windows beyond the table. */
  private bScratch = new Float64Array(0);
  private cRow = new Float64Array(0);

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
    if (w <= this.tableLimit && this.tableW < w) this.buildTables(Math.max(w, 64));
    // V[g] = Σ_{r=0..g} |w_r − w_{g+1}|, r ascending (Otava: triu(D).sum(axis=0)).
    const v = this.v;
    for (let g = 0; g < w - 1; g++) {
      const xg = x[ws + g + 1]!;
      let acc = 0;
      for (let r = 0; r <= g; r++) acc += Math.abs(x[ws + r]! - xg);
      v[g] = acc;
    }
  }

  /** Scratch rows of B and C coefficients for intervals of up to m columns. */
  private bRow(m: number): Float64Array {
    if (this.bScratch.length < m) {
      this.bScratch = new Float64Array(m);
      this.cRow = new Float64Array(m);
    }
    return this.bScratch;
  }

  /** Column j's coefficients into the scratch rows, as the tables would hold them. */
  private fillRows(j: number): void {
    for (let i = 0; i <= j; i++) {
      this.bScratch[i] = i === 0 ? 0 : (2 * (j - i + 1)) / ((j + 2) * i);
      this.cRow[i] = i === j ? 0 : (2 * (i + 1)) / ((j + 2) * (j - i));
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
    // Coefficients of B and C for column j: table rows, or computed per column beyond the table.
    const tabled = this.w <= this.tableLimit;
    const bA = tabled ? this.bCoef : this.bRow(m);
    const cA = tabled ? this.cCoef : this.cRow;

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
      // Column j of H: H[r][s+j] = Σ_{q=r+1..s+j+1} |w_r − w_q| for the rows r = s..s+j, and the
      // right-side sums for C accumulated from the bottom row up (Otava: flipud(cumsum(flipud(H)))),
      // in one pass: rcol[i] = Σ_{t=i+1..j} H[s+t][s+j], added from t = j down; rcol[j] = 0.
      const xn = x[base + j + 1]!;
      let acc = Math.abs(x[base + j]! - xn);
      rowAcc[j] = acc;
      rcol[j] = 0;
      if (j > 0) rcol[j - 1] = acc;
      for (let i = j - 2; i >= 0; i--) {
        const row = rowAcc[i + 1]! + Math.abs(x[base + i + 1]! - xn);
        rowAcc[i + 1] = row;
        acc += row;
        rcol[i] = acc;
      }
      if (j > 0) rowAcc[0] = rowAcc[0]! + Math.abs(x[base]! - xn);

      const aCoef = 2 / (j + 2);
      const off = tabled ? j * this.tableW : 0;
      if (!tabled) this.fillRows(j);
      // τ = s + 1 (i = 0): no left-side term B. On the diagonal C is 0 (coefficient and sum both 0).
      let ch = rowAcc[0]!;
      let q = aCoef * ch - cA[off]! * rcol[0]!;
      // Ties: (0, j) comes before any (i > 0, ·) in row-major order, after any earlier (0, ·).
      if (q > best || (q === best && bi > 0)) {
        best = q;
        bi = 0;
        bj = j;
      }
      for (let i = 1; i <= j; i++) {
        ch += rowAcc[i]!;
        const prev = cv[i - 1]!;
        q = aCoef * (ch - prev) - bA[off + i]! * prev - cA[off + i]! * rcol[i]!;
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
