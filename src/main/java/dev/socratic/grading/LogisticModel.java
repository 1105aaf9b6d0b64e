package dev.socratic.grading;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * A logistic regression over standardised features, fitted by Newton's method with an L2 penalty.
 *
 * @param features names of the inputs, in order (checked when loading, so code and file agree)
 */
record LogisticModel(List<String> features, double[] means, double[] scales, double[] weights, double bias) {

    private static final double L2 = 1e-2;
    private static final int ITERATIONS = 50;

    LogisticModel {
        features = List.copyOf(features);
        if (means.length != features.size() || scales.length != features.size() || weights.length != features.size()) {
            throw new IllegalArgumentException("a logistic model needs one mean, scale and weight per feature");
        }
    }

    double probability(double[] x) {
        if (x.length != weights.length) {
            throw new IllegalArgumentException("expected " + weights.length + " features, got " + x.length);
        }
        double z = bias;
        for (int i = 0; i < x.length; i++) {
            z += weights[i] * (x[i] - means[i]) / scales[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    static LogisticModel fit(List<String> features, List<double[]> rows, List<Boolean> labels) {
        int n = rows.size();
        int d = features.size();
        long positives = labels.stream().filter(Boolean::booleanValue).count();
        if (positives == 0 || positives == n) {
            // nothing to separate: the smoothed base rate
            return new LogisticModel(features, new double[d], filled(d, 1), new double[d],
                    Math.log((positives + 1.0) / (n - positives + 1.0)));
        }
        var means = new double[d];
        var scales = new double[d];
        for (var row : rows) {
            for (int j = 0; j < d; j++) {
                means[j] += row[j] / n;
            }
        }
        for (var row : rows) {
            for (int j = 0; j < d; j++) {
                scales[j] += (row[j] - means[j]) * (row[j] - means[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            scales[j] = Math.sqrt(scales[j]) + 1e-9;
        }
        var z = new double[n][d + 1];
        var y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (rows.get(i)[j] - means[j]) / scales[j];
            }
            z[i][d] = 1;
            y[i] = labels.get(i) ? 1 : 0;
        }
        var w = new double[d + 1];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            var gradient = new double[d + 1];
            var hessian = new double[d + 1][d + 1];
            for (int i = 0; i < n; i++) {
                double p = 1 / (1 + Math.exp(-dot(w, z[i])));
                double curvature = p * (1 - p) / n;
                for (int j = 0; j <= d; j++) {
                    gradient[j] += (p - y[i]) * z[i][j] / n;
                    for (int k = 0; k <= d; k++) {
                        hessian[j][k] += curvature * z[i][j] * z[i][k];
                    }
                }
            }
            for (int j = 0; j <= d; j++) {
                // the bias is not penalised
                double penalty = j < d ? L2 : 0;
                gradient[j] += penalty * w[j];
                hessian[j][j] += j < d ? L2 : 1e-9;
            }
            var step = solve(hessian, gradient);
            double largest = 0;
            for (int j = 0; j <= d; j++) {
                w[j] -= step[j];
                largest = Math.max(largest, Math.abs(step[j]));
            }
            if (largest < 1e-10) {
                break;
            }
        }
        return new LogisticModel(features, means, scales, Arrays.copyOf(w, d), w[d]);
    }

    private static double[] filled(int length, double value) {
        var values = new double[length];
        Arrays.fill(values, value);
        return values;
    }

    void store(String prefix, Properties properties) {
        properties.setProperty(prefix + ".features", String.join(",", features));
        properties.setProperty(prefix + ".means", join(means));
        properties.setProperty(prefix + ".scales", join(scales));
        properties.setProperty(prefix + ".weights", join(weights));
        properties.setProperty(prefix + ".bias", format(bias));
    }

    static LogisticModel load(String prefix, Properties properties, List<String> expectedFeatures) {
        var names = List.of(required(prefix + ".features", properties).split(","));
        if (!names.equals(expectedFeatures)) {
            throw new IllegalStateException("calibration " + prefix + " was fitted on features " + names
                    + " but the grader computes " + expectedFeatures + "; run calibrate-grader again");
        }
        return new LogisticModel(names, numbers(prefix + ".means", properties), numbers(prefix + ".scales", properties),
                numbers(prefix + ".weights", properties), Double.parseDouble(required(prefix + ".bias", properties)));
    }

    private static double[] numbers(String key, Properties properties) {
        return Arrays.stream(required(key, properties).split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private static String required(String key, Properties properties) {
        var value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("calibration lacks " + key);
        }
        return value.strip();
    }

    private static String join(double[] values) {
        return Arrays.stream(values).mapToObj(LogisticModel::format).collect(Collectors.joining(","));
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** Gaussian elimination with partial pivoting; the matrix is small (features + 1). */
    private static double[] solve(double[][] matrix, double[] vector) {
        int n = vector.length;
        var a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = Arrays.copyOf(matrix[i], n + 1);
            a[i][n] = vector[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            var swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int row = col + 1; row < n; row++) {
                double factor = a[row][col] / a[col][col];
                for (int k = col; k <= n; k++) {
                    a[row][k] -= factor * a[col][k];
                }
            }
        }
        var x = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = a[row][n];
            for (int k = row + 1; k < n; k++) {
                sum -= a[row][k] * x[k];
            }
            x[row] = sum / a[row][row];
        }
        return x;
    }
}
