package cn.econtract.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.fulfilment.Anchor;
import cn.econtract.app.fulfilment.ChineseNumbers;
import cn.econtract.app.fulfilment.DueTerm;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Chinese numbers and due terms: parsing and turning into dates. */
class DueTermsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Test
    void chineseNumeralsAndFinancialUppercase() {
        assertThat(ChineseNumbers.integer("三十")).contains(30L);
        assertThat(ChineseNumbers.integer("十五")).contains(15L);
        assertThat(ChineseNumbers.integer("一百二十")).contains(120L);
        assertThat(ChineseNumbers.integer("两")).contains(2L);
        assertThat(ChineseNumbers.integer("45")).contains(45L);
        assertThat(ChineseNumbers.integer("三月")).isEmpty();
        assertThat(ChineseNumbers.upperAmount("贰拾伍万捌仟元整")).contains(new BigDecimal("258000.00"));
        assertThat(ChineseNumbers.upperAmount("壹仟零伍元伍角")).contains(new BigDecimal("1005.50"));
        assertThat(ChineseNumbers.upperAmount("壹亿零壹万元整")).contains(new BigDecimal("100010000.00"));
        assertThat(ChineseNumbers.upperAmount("柒万柒仟肆佰元整")).contains(new BigDecimal("77400.00"));
    }

    @Test
    void relativeTermsWaitForTheirAnchorAndWorkingDaysSkipWeekends() {
        DueTerm afterAcceptance = new DueTerm.Relative(Anchor.ACCEPTANCE, 15, DueTerm.Unit.WORKING_DAYS);
        assertThat(afterAcceptance.resolve(Map.of(), TODAY)).as("not accepted yet").isEmpty();
        // Friday 27 November + 1 working day = Monday 30 November
        assertThat(new DueTerm.Relative(Anchor.SIGNING, 1, DueTerm.Unit.WORKING_DAYS)
                .resolve(Map.of(Anchor.SIGNING, LocalDate.of(2026, 11, 27)), TODAY)).contains(LocalDate.of(2026, 11, 30));
        assertThat(afterAcceptance.resolve(Map.of(Anchor.ACCEPTANCE, LocalDate.of(2026, 11, 27)), TODAY))
                .contains(LocalDate.of(2026, 12, 18));
        assertThat(new DueTerm.Relative(Anchor.EXPIRY, 30, DueTerm.Unit.DAYS)
                .resolve(Map.of(Anchor.EXPIRY, LocalDate.of(2027, 12, 31)), TODAY)).contains(LocalDate.of(2027, 12, 1));
        assertThat(new DueTerm.Relative(Anchor.SIGNING, 2, DueTerm.Unit.MONTHS)
                .resolve(Map.of(Anchor.SIGNING, LocalDate.of(2026, 12, 31)), TODAY)).contains(LocalDate.of(2027, 2, 28));
    }

    @Test
    void aMonthlyTermIsTheNextSuchDay() {
        assertThat(new DueTerm.Monthly(5).resolve(Map.of(), TODAY)).contains(LocalDate.of(2026, 12, 5));
        assertThat(new DueTerm.Monthly(30).resolve(Map.of(), TODAY)).contains(LocalDate.of(2026, 11, 30));
        assertThat(new DueTerm.Monthly(31).resolve(Map.of(), LocalDate.of(2027, 2, 10))).contains(LocalDate.of(2027, 2, 28));
    }

    @Test
    void codesReadBackAsTheSameTerm() {
        for (DueTerm term : new DueTerm[] {new DueTerm.ByDate(LocalDate.of(2026, 12, 31)),
            new DueTerm.Relative(Anchor.INVOICE, 30, DueTerm.Unit.DAYS), new DueTerm.Monthly(10)}) {
            assertThat(DueTerm.parse(term.code())).contains(term);
        }
        assertThat(DueTerm.parse("AFTER:NOWHERE:3:DAYS")).isEmpty();
        assertThat(DueTerm.parse("DATE:2026-02-30")).isEmpty();
    }
}
