package cn.econtract.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.econtract.app.archive.ArchiveBorrowing;
import cn.econtract.app.archive.ArchiveProperties;
import cn.econtract.app.archive.Retention;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The archive's rules that need no engine: terms, loans, configuration. */
class ArchiveRulesTest {

    @Test
    void aTermCountsFromTheFirstOfJanuaryAfterTheYearOfFiling() {
        assertThat(Retention.TEN_YEARS.endsFor(2026)).contains(LocalDate.of(2037, 1, 1));
        assertThat(Retention.THIRTY_YEARS.endsFor(2026)).contains(LocalDate.of(2057, 1, 1));
        assertThat(Retention.PERMANENT.endsFor(2026)).isEmpty();
        assertThat(Retention.ofCode("D30")).contains(Retention.THIRTY_YEARS);
        assertThat(Retention.ofCode("D20")).as("a code the register does not know").isEmpty();
    }

    @Test
    void aLoanIsOpenOnlyWhileLentAndBeforeItEnds() {
        Instant ends = Instant.parse("2026-12-06T00:00:00Z");
        ArchiveBorrowing lent = new ArchiveBorrowing("b", "EC01-2026-D10-CG-0001", "drafter", "审计", 7, ArchiveBorrowing.Status.LENT,
                Instant.parse("2026-11-29T00:00:00Z"), "archivist", null, null, ends, null);
        assertThat(lent.open(ends.minusSeconds(1))).isTrue();
        assertThat(lent.open(ends)).isFalse();
        ArchiveBorrowing requested = new ArchiveBorrowing("b", "EC01-2026-D10-CG-0001", "drafter", "审计", 7,
                ArchiveBorrowing.Status.REQUESTED, Instant.parse("2026-11-29T00:00:00Z"), null, null, null, null, null);
        assertThat(requested.open(ends.minusSeconds(1))).isFalse();
    }

    @Test
    void theFondsCodeMustFitTheArchiveNumber() {
        assertThat(new ArchiveProperties(null, null, null).fondsCode()).isEqualTo("EC01");
        assertThatThrownBy(() -> new ArchiveProperties("ec-01", null, null)).hasMessageContaining("fonds-code");
        assertThatThrownBy(() -> new ArchiveProperties("EC01", 0, null)).hasMessageContaining("extension-years");
    }
}
