package org.leadflow.lead.domain.scoring;

/** Platt scaling: the logistic curve over the trees' margins that best fits outcomes not trained on. */
final class Platt {

  private Platt() {}

  /** Newton's method on the log-loss of {@code sigmoid(slope * margin + intercept)}, with Platt's smoothed targets. */
  static ScoringModel.Calibration fit(double[] margins, boolean[] converted) {
    int positives = 0;
    for (boolean outcome : converted) {
      positives += outcome ? 1 : 0;
    }
    int negatives = converted.length - positives;
    if (positives == 0 || negatives == 0) {
      return new ScoringModel.Calibration(1, 0);
    }
    double high = (positives + 1.0) / (positives + 2.0);
    double low = 1.0 / (negatives + 2.0);
    double slope = 1;
    double intercept = 0;
    for (int iteration = 0; iteration < 100; iteration++) {
      double gradientSlope = 0;
      double gradientIntercept = 0;
      double hss = 1e-9;
      double hsi = 0;
      double hii = 1e-9;
      for (int i = 0; i < margins.length; i++) {
        double p = 1 / (1 + Math.exp(-(slope * margins[i] + intercept)));
        double error = p - (converted[i] ? high : low);
        double weight = Math.max(p * (1 - p), 1e-12);
        gradientSlope += error * margins[i];
        gradientIntercept += error;
        hss += weight * margins[i] * margins[i];
        hsi += weight * margins[i];
        hii += weight;
      }
      double determinant = hss * hii - hsi * hsi;
      if (Math.abs(determinant) < 1e-12) {
        break;
      }
      double stepSlope = (hii * gradientSlope - hsi * gradientIntercept) / determinant;
      double stepIntercept = (hss * gradientIntercept - hsi * gradientSlope) / determinant;
      slope -= stepSlope;
      intercept -= stepIntercept;
      if (Math.abs(stepSlope) < 1e-9 && Math.abs(stepIntercept) < 1e-9) {
        break;
      }
    }
    return new ScoringModel.Calibration(slope, intercept);
  }
}
