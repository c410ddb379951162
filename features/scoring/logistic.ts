/**
 * Logistic regression by Newton-Raphson / IRLS with a small ridge (L2) penalty on the slopes
 * (not the intercept). Exact and deterministic: same data -> same coefficients, no random start.
 * The ridge keeps the Hessian invertible when WoE columns are strongly correlated.
 */
export type LogisticFit = { intercept: number; coefficients: number[]; iterations: number; converged: boolean };

export type LogisticOptions = { l2: number; maxIter: number; tol: number };
export const DEFAULT_LOGISTIC: LogisticOptions = { l2: 1e-3, maxIter: 50, tol: 1e-10 };

export const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Solve A x = b (A symmetric positive definite) by Gaussian elimination with partial pivoting. */
export function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    if (Math.abs(M[c][c]) < 1e-300) throw new Error("singular matrix in logistic regression");
    for (let r = c + 1; r < n; r++) {
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r][n];
    for (let k = r + 1; k < n; k++) s -= M[r][k] * x[k];
    x[r] = s / M[r][r];
  }
  return x;
}

/**
 * Fit P(y=1 | x) = sigmoid(b0 + b·x). The penalty is (l2 * n / 2)·|b|², i.e. scaled with the
 * sample size so its strength does not depend on how many rows are fitted.
 */
export function fitLogistic(X: number[][], y: number[], partial: Partial<LogisticOptions> = {}): LogisticFit {
  const { l2, maxIter, tol } = { ...DEFAULT_LOGISTIC, ...partial };
  const n = X.length;
  const p = (X[0]?.length ?? 0) + 1; // + intercept
  let beta = new Array<number>(p).fill(0);
  const mean = y.reduce((s, v) => s + v, 0) / n;
  beta[0] = Math.log(mean / (1 - mean)); // start at the base rate: faster, still deterministic
  for (let iter = 1; iter <= maxIter; iter++) {
    const grad = new Array<number>(p).fill(0);
    const H = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    for (let i = 0; i < n; i++) {
      const xi = X[i];
      let z = beta[0];
      for (let j = 1; j < p; j++) z += beta[j] * xi[j - 1];
      const mu = sigmoid(z);
      const w = mu * (1 - mu);
      const r = y[i] - mu;
      for (let j = 0; j < p; j++) {
        const xj = j === 0 ? 1 : xi[j - 1];
        grad[j] += r * xj;
        for (let k = 0; k <= j; k++) H[j][k] += w * xj * (k === 0 ? 1 : xi[k - 1]);
      }
    }
    for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) H[k][j] = H[j][k];
    for (let j = 1; j < p; j++) {
      grad[j] -= l2 * n * beta[j];
      H[j][j] += l2 * n;
    }
    const step = solve(H, grad);
    beta = beta.map((b, j) => b + step[j]);
    if (Math.max(...step.map(Math.abs)) < tol) {
      return { intercept: beta[0], coefficients: beta.slice(1), iterations: iter, converged: true };
    }
  }
  return { intercept: beta[0], coefficients: beta.slice(1), iterations: maxIter, converged: false };
}
