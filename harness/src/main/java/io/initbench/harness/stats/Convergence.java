package io.initbench.harness.stats;

/**
 * Convergence speed of one configuration as censored time-to-event data: training samples until the
 * test accuracy first reached the target.
 *
 * <p>A seed that reached the target is an event at that many samples. One that did not is censored:
 * an OK seed that never reached it, and a DIVERGED one (it never will), at the sample budget; a TIMEOUT
 * seed at the samples it trained, since nothing is known about it beyond that point. The median is the
 * Kaplan–Meier median; with no censoring it is the (lower) sample median.
 *
 * <p>Evaluations happen every {@code step} samples, so every time is a multiple of it (up to the short
 * last batch of an epoch): a median is exact to one step, and two medians less than one step apart are
 * not different. No interval is given: on a grid this coarse with a handful of seeds a t-interval is
 * false precision (three seeds at the same evaluation give "± 0").
 *
 * @param trained seeds that trained (OK, DIVERGED or TIMEOUT)
 * @param reached seeds among them that reached the target
 * @param budget  training samples per seed (epochs × training images)
 * @param step    training samples between two evaluations (the quantum of every time here)
 * @param estimate the Kaplan–Meier estimate over the trained seeds; null when none trained
 */
public record Convergence(int trained, int reached, long budget, long step, KaplanMeier estimate) {

    /** Kaplan–Meier median samples to target; null when none trained or fewer than half reached it in time. */
    public Double median() {
        return estimate == null ? null : estimate.median();
    }

    /** Whether some seeds were censored (the median is then a Kaplan–Meier estimate, not a plain median). */
    public boolean censored() {
        return reached < trained;
    }
}
