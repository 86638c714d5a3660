package cn.econtract.app.document;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Amounts in Chinese financial uppercase (大写金额) as cheques and contracts write them:
 * 258,000.00 → 贰拾伍万捌仟元整, 1,005.50 → 壹仟零伍元伍角, 100,010,000 → 壹亿零壹万元整.
 */
public final class ChineseAmount {

    private static final char[] DIGITS = "零壹贰叁肆伍陆柒捌玖".toCharArray();
    private static final String[] UNITS = {"", "拾", "佰", "仟"};
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);
    private static final BigInteger HUNDRED_MILLION = BigInteger.valueOf(100_000_000);
    /** Below 10^16 (万亿亿 would be needed above); far beyond any contract price. */
    private static final BigInteger LIMIT = BigInteger.TEN.pow(16);

    private ChineseAmount() {
    }

    public static String upper(BigDecimal amount) {
        BigDecimal value = amount.setScale(2, RoundingMode.HALF_UP);
        if (value.signum() < 0) {
            throw new IllegalArgumentException("negative amount");
        }
        BigInteger yuan = value.toBigInteger();
        if (yuan.compareTo(LIMIT) >= 0) {
            throw new IllegalArgumentException("amount too large");
        }
        int cents = value.subtract(new BigDecimal(yuan)).movePointRight(2).intValueExact();
        int jiao = cents / 10;
        int fen = cents % 10;
        StringBuilder out = new StringBuilder();
        if (yuan.signum() > 0) {
            out.append(integer(yuan)).append('元');
        }
        if (jiao == 0 && fen == 0) {
            return out.length() == 0 ? "零元整" : out.append('整').toString();
        }
        if (jiao > 0) {
            out.append(DIGITS[jiao]).append('角');
        } else if (out.length() > 0) {
            out.append('零');
        }
        if (fen > 0) {
            out.append(DIGITS[fen]).append('分');
        }
        return out.toString();
    }

    private static String integer(BigInteger n) {
        if (n.compareTo(HUNDRED_MILLION) >= 0) {
            BigInteger[] parts = n.divideAndRemainder(HUNDRED_MILLION);
            return integer(parts[0]) + "亿" + rest(parts[1], 10_000_000);
        }
        if (n.compareTo(TEN_THOUSAND) >= 0) {
            BigInteger[] parts = n.divideAndRemainder(TEN_THOUSAND);
            return group(parts[0].intValueExact()) + "万" + rest(parts[1], 1000);
        }
        return group(n.intValueExact());
    }

    /** The lower part after 亿 or 万: a 零 marks a gap in the digits before it. */
    private static String rest(BigInteger lower, int fullFrom) {
        if (lower.signum() == 0) {
            return "";
        }
        return (lower.compareTo(BigInteger.valueOf(fullFrom)) < 0 ? "零" : "") + integer(lower);
    }

    /** 1..9999 without leading zeros; zeros inside read as one 零. */
    private static String group(int n) {
        String digits = Integer.toString(n);
        StringBuilder out = new StringBuilder();
        boolean zero = false;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            if (d == 0) {
                zero = true;
                continue;
            }
            if (zero) {
                out.append('零');
                zero = false;
            }
            out.append(DIGITS[d]).append(UNITS[digits.length() - 1 - i]);
        }
        return out.toString();
    }
}
