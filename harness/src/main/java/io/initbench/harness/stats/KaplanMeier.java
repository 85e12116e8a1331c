package io.initbench.harness.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Kaplan–Meier (product-limit) estimate of a time-to-event distribution from observations some of
 * which are censored: for a seed that has not reached the target by the time it stopped being watched we
 * know only that its time is later. commons-math3 has no survival analysis, so the product is computed
 * here; it is a few lines and is checked against published textbook examples.
 *
 * <p>At a time where events and censorings tie, the events are counted first (the usual convention: a
 * seed censored at t was still at risk at t).
 */
public final class KaplanMeier {

    /** One subject: the time it reached the event, or the time it was last seen without it. */
    public record Observation(double time, boolean event) {
        public Observation {
            if (!Double.isFinite(time) || time < 0) {
                throw new IllegalArgumentException("an observation time must be finite and >= 0, got " + time);
            }
        }
    }

    /** The estimate just after one event time: S(t) = Π (1 − d_i / n_i) over event times ≤ t. */
    public record Step(double time, int atRisk, int events, double survival) {
    }

    private final List<Step> steps;
    private final int subjects;

    private KaplanMeier(List<Step> steps, int subjects) {
        this.steps = List.copyOf(steps);
        this.subjects = subjects;
    }

    public static KaplanMeier of(List<Observation> observations) {
        List<Observation> sorted = new ArrayList<>(observations);
        // events before censorings at the same time
        sorted.sort(Comparator.comparingDouble(Observation::time).thenComparing(o -> !o.event()));
        List<Step> steps = new ArrayList<>();
        int atRisk = sorted.size();
        double survival = 1;
        int i = 0;
        while (i < sorted.size()) {
            double t = sorted.get(i).time();
            int events = 0;
            int leaving = 0;
            while (i < sorted.size() && sorted.get(i).time() == t) {
                events += sorted.get(i).event() ? 1 : 0;
                leaving++;
                i++;
            }
            if (events > 0) {
                survival *= 1 - (double) events / atRisk;
                steps.add(new Step(t, atRisk, events, survival));
            }
            atRisk -= leaving;
        }
        return new KaplanMeier(steps, sorted.size());
    }

    /** The event times with the estimate after each, in time order. */
    public List<Step> steps() {
        return steps;
    }

    public int subjects() {
        return subjects;
    }

    /** S(t): the estimated fraction that has not had the event by time t (1 before the first event). */
    public double survival(double t) {
        double s = 1;
        for (Step step : steps) {
            if (step.time() > t) {
                break;
            }
            s = step.survival();
        }
        return s;
    }

    /**
     * The median time: the smallest event time with S(t) ≤ 0.5, so always an observed time (never an
     * average of two, which on quantised data would be a value no seed can have). Null when the estimate
     * never falls to one half: more than half the subjects are censored before reaching the event.
     * With no censoring this is the lower sample median.
     */
    public Double median() {
        for (Step step : steps) {
            // a 1e-12 slack so that 1 − 1/2 computed as a product counts as one half
            if (step.survival() <= 0.5 + 1e-12) {
                return step.time();
            }
        }
        return null;
    }
}
