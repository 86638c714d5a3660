package cn.econtract.app.fulfilment;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Numbers as Chinese contracts write them: 三十, 十五, 一百二十 in days and percentages, and the
 * financial uppercase of amounts — 贰拾伍万捌仟元整, 壹仟零伍元伍角 — back to their value.
 */
public final class ChineseNumbers {

    private static final String DIGITS = "零一二三四五六七八九";
    private static final String UPPER_DIGITS = "零壹贰叁肆伍陆柒捌玖";

    private ChineseNumbers() {
    }

    /** An integer in digits or Chinese numerals (lower or upper case); empty if it is neither. */
    public static Optional<Long> integer(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        if (text.chars().allMatch(Character::isDigit)) {
            return Optional.of(Long.parseLong(text));
        }
        long total = 0;      // finished 亿 and 万 sections
        long section = 0;    // below 万
        long digit = -1;
        for (char c : text.replace('两', '二').toCharArray()) {
            int d = digit(c);
            if (d >= 0) {
                digit = d;
                continue;
            }
            long unit = switch (c) {
                case '十', '拾' -> 10;
                case '百', '佰' -> 100;
                case '千', '仟' -> 1000;
                case '万' -> 10_000;
                case '亿' -> 100_000_000;
                default -> -1;
            };
            if (unit < 0) {
                return Optional.empty();
            }
            if (unit < 10_000) {
                section += (digit < 0 ? 1 : digit) * unit;
            } else {
                section += Math.max(digit, 0);
                total = unit == 100_000_000 ? (total + section) * unit : total + section * unit;
                section = 0;
            }
            digit = -1;
        }
        return Optional.of(total + section + Math.max(digit, 0));
    }

    /** An amount in financial uppercase: …元…角…分, optionally 整. */
    public static Optional<BigDecimal> upperAmount(String text) {
        String s = text.replace("整", "").replace("正", "");
        int yuan = s.indexOf('元');
        if (yuan < 0) {
            yuan = s.indexOf('圆');
        }
        if (yuan <= 0) {
            return Optional.empty();
        }
        Optional<Long> whole = integer(s.substring(0, yuan));
        if (whole.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal value = BigDecimal.valueOf(whole.get());
        String rest = s.substring(yuan + 1);
        int jiao = rest.indexOf('角');
        if (jiao > 0) {
            value = value.add(BigDecimal.valueOf(digit(rest.charAt(jiao - 1)), 1));
        }
        int fen = rest.indexOf('分');
        if (fen > 0) {
            value = value.add(BigDecimal.valueOf(digit(rest.charAt(fen - 1)), 2));
        }
        return Optional.of(value.setScale(2));
    }

    private static int digit(char c) {
        int d = DIGITS.indexOf(c);
        return d >= 0 ? d : UPPER_DIGITS.indexOf(c);
    }
}
