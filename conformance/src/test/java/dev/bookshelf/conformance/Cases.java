package dev.bookshelf.conformance;

import java.util.ArrayList;
import java.util.List;

/** The one list of request cases every transport must answer alike. New routes and problems go here first. */
final class Cases {
    private Cases() {
    }

    static List<Scenario> all() {
        List<Scenario> all = new ArrayList<>();
        all.addAll(ProtocolCases.all());
        all.addAll(AccountCases.all());
        all.addAll(SessionCases.all());
        all.addAll(BookCases.all());
        return List.copyOf(all);
    }
}
