package dev.bookshelf.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Order statistics of a sample. */
record Stats(double median, double min, double max, int n) {

    static Stats of(List<Double> values) {
        return of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static Stats of(double[] values) {
        if (values.length == 0) {
            return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double[] v = values.clone();
        Arrays.sort(v);
        return new Stats(percentile(v, 50), v[0], v[v.length - 1], v.length);
    }

    /**
     * Per round: {@code f} of the subject's sample ÷ {@code f} of the reference's sample of the same
     * round (they ran one right after the other), over the rounds both have.
     */
    static <T> Stats perRound(List<T> subject, List<T> reference, java.util.function.ToDoubleFunction<T> f) {
        double[] ratios = new double[Math.min(subject.size(), reference.size())];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = f.applyAsDouble(subject.get(i)) / f.applyAsDouble(reference.get(i));
        }
        return of(ratios);
    }

    /** Nearest-rank-with-interpolation percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 1) {
            return sorted[0];
        }
        double rank = p / 100 * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }

    /** {@code median (min–max)} with the given decimals. */
    String format(int decimals) {
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, f + " (" + f + "–" + f + ")", median, min, max);
    }
}
