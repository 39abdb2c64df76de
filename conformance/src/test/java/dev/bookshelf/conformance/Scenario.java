package dev.bookshelf.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * A sequence of steps run from a fresh service on every transport, in order, each transport with
 * its own captured values. Scenarios are independent of each other.
 */
record Scenario(String name, List<Step> steps) {

    static Scenario of(String name, Object... steps) {
        List<Step> flat = new ArrayList<>();
        for (Object s : steps) {
            if (s instanceof Step step) {
                flat.add(step);
            } else if (s instanceof List<?> list) {
                list.forEach(e -> flat.add((Step) e));
            } else {
                throw new IllegalArgumentException("not a step: " + s);
            }
        }
        for (Step step : flat) {
            if (step.expectedStatus() < 0) {
                throw new IllegalArgumentException(name + ": " + step + " has no expected status");
            }
        }
        return new Scenario(name, List.copyOf(flat));
    }

    @Override
    public String toString() {
        return name;
    }
}
