package org.leadflow.lead.domain.scoring;

import java.util.List;

/**
 * The linear baseline: L2-regularised logistic regression fitted exactly (Newton's method) over the
 * model's own columns, numbers on a log scale and standardised by the training examples' mean and
 * deviation, a missing one at the mean plus a column saying it is missing. (XGBoost's linear
 * booster was tried first: its coordinate descent stopped short of the optimum here, 0.82–0.86.)
 */
final class LogisticRegression {

  private LogisticRegression() {}

  static double[] fitAndScore(FeatureSpace space, List<TrainingExample> training, List<TrainingExample> scored) {
    int numeric = space.numeric().size();
    double[] mean = new double[numeric];
    double[] deviation = new double[numeric];
    int[] present = new int[numeric];
    for (TrainingExample example : training) {
      float[] row = logScaled(space.encode(example.features()), numeric);
      for (int i = 0; i < numeric; i++) {
        if (!Float.isNaN(row[i])) {
          present[i]++;
          mean[i] += row[i];
          deviation[i] += (double) row[i] * row[i];
        }
      }
    }
    for (int i = 0; i < numeric; i++) {
      mean[i] = present[i] == 0 ? 0 : mean[i] / present[i];
      double variance = present[i] == 0 ? 0 : deviation[i] / present[i] - mean[i] * mean[i];
      deviation[i] = variance > 1e-12 ? Math.sqrt(variance) : 1;
    }
    int width = space.width() + numeric;
    double[][] train = standardised(space, training, mean, deviation);
    double[] weights = newton(train, ModelTraining.labels(training), width, 1.0);
    double[][] test = standardised(space, scored, mean, deviation);
    double[] scores = new double[test.length];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = dot(weights, test[i]);
    }
    return scores;
  }

  /** Newton's method (iteratively reweighted least squares) on the L2-penalised log-loss; the last weight is the intercept. */
  private static double[] newton(double[][] rows, boolean[] converted, int width, double lambda) {
    int d = width + 1;
    double[] w = new double[d];
    for (int iteration = 0; iteration < 25; iteration++) {
      double[] gradient = new double[d];
      double[][] hessian = new double[d][d];
      for (int i = 0; i < rows.length; i++) {
        double[] x = rows[i];
        double p = 1 / (1 + Math.exp(-dot(w, x)));
        double error = p - (converted[i] ? 1 : 0);
        double weight = Math.max(p * (1 - p), 1e-9);
        for (int a = 0; a < d; a++) {
          double xa = a == width ? 1 : x[a];
          if (xa == 0) {
            continue;
          }
          gradient[a] += error * xa;
          for (int b = 0; b <= a; b++) {
            double xb = b == width ? 1 : x[b];
            hessian[a][b] += weight * xa * xb;
          }
        }
      }
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < a; b++) {
          hessian[b][a] = hessian[a][b];
        }
        if (a < width) {
          gradient[a] += lambda * w[a];
          hessian[a][a] += lambda;
        }
        hessian[a][a] += 1e-9;
      }
      double[] step = solve(hessian, gradient);
      double change = 0;
      for (int a = 0; a < d; a++) {
        w[a] -= step[a];
        change = Math.max(change, Math.abs(step[a]));
      }
      if (change < 1e-6) {
        break;
      }
    }
    return w;
  }

  private static double dot(double[] w, double[] x) {
    double sum = w[w.length - 1];
    for (int a = 0; a < x.length; a++) {
      sum += w[a] * x[a];
    }
    return sum;
  }

  /** Gaussian elimination with partial pivoting. */
  private static double[] solve(double[][] matrix, double[] vector) {
    int n = vector.length;
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      a[i] = java.util.Arrays.copyOf(matrix[i], n + 1);
      a[i][n] = vector[i];
    }
    for (int column = 0; column < n; column++) {
      int pivot = column;
      for (int row = column + 1; row < n; row++) {
        if (Math.abs(a[row][column]) > Math.abs(a[pivot][column])) {
          pivot = row;
        }
      }
      double[] swap = a[column];
      a[column] = a[pivot];
      a[pivot] = swap;
      if (Math.abs(a[column][column]) < 1e-12) {
        continue;
      }
      for (int row = column + 1; row < n; row++) {
        double factor = a[row][column] / a[column][column];
        if (factor != 0) {
          for (int k = column; k <= n; k++) {
            a[row][k] -= factor * a[column][k];
          }
        }
      }
    }
    double[] x = new double[n];
    for (int row = n - 1; row >= 0; row--) {
      double sum = a[row][n];
      for (int k = row + 1; k < n; k++) {
        sum -= a[row][k] * x[k];
      }
      x[row] = Math.abs(a[row][row]) < 1e-12 ? 0 : sum / a[row][row];
    }
    return x;
  }

  /** Counts and amounts on a log scale, so that a few very large values do not flatten the rest. */
  private static float[] logScaled(float[] row, int numeric) {
    for (int i = 0; i < numeric; i++) {
      if (!Float.isNaN(row[i])) {
        row[i] = (float) (Math.signum(row[i]) * Math.log1p(Math.abs(row[i])));
      }
    }
    return row;
  }

  private static double[][] standardised(FeatureSpace space, List<TrainingExample> examples, double[] mean, double[] deviation) {
    int numeric = mean.length;
    double[][] rows = new double[examples.size()][];
    for (int e = 0; e < examples.size(); e++) {
      float[] row = logScaled(space.encode(examples.get(e).features()), numeric);
      double[] x = new double[space.width() + numeric];
      for (int i = 0; i < row.length; i++) {
        if (i < numeric) {
          boolean missing = Float.isNaN(row[i]);
          x[i] = missing ? 0 : (row[i] - mean[i]) / deviation[i];
          x[space.width() + i] = missing ? 1 : 0;
        } else {
          x[i] = row[i];
        }
      }
      rows[e] = x;
    }
    return rows;
  }
}
