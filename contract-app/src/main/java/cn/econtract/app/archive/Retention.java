package cn.econtract.app.archive;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/**
 * 保管期限: the codes archive-retention.dmn answers and the archive number carries. A fixed term
 * counts from 1 January of the year after filing (the archives practice), so an item filed in
 * 2026 under D10 is due for review on 2037-01-01.
 */
public enum Retention {
    PERMANENT("Y", 0), THIRTY_YEARS("D30", 30), TEN_YEARS("D10", 10);

    private final String code;
    private final int years;

    Retention(String code, int years) {
        this.code = code;
        this.years = years;
    }

    public String code() {
        return code;
    }

    public boolean permanent() {
        return years == 0;
    }

    /** When the term of an item filed in {@code year} ends; empty if it is kept permanently. */
    public Optional<LocalDate> endsFor(int year) {
        return permanent() ? Optional.empty() : Optional.of(LocalDate.of(year + 1 + years, 1, 1));
    }

    public static Optional<Retention> ofCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
