package cn.econtract.app.document;

/** Clause numbers as Chinese contracts write them: 第一条 … 第十条, 第十一条, 第二十一条. */
final class ChineseNumerals {

    private static final String[] DIGITS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private ChineseNumerals() {
    }

    static String of(int n) {
        if (n <= 0 || n >= 1000) {
            return Integer.toString(n);
        }
        if (n < 10) {
            return DIGITS[n];
        }
        if (n < 20) {
            return "十" + (n % 10 == 0 ? "" : DIGITS[n % 10]);
        }
        if (n < 100) {
            return DIGITS[n / 10] + "十" + (n % 10 == 0 ? "" : DIGITS[n % 10]);
        }
        int rest = n % 100;
        return DIGITS[n / 100] + "百" + (rest == 0 ? "" : (rest < 10 ? "零" + DIGITS[rest] : (rest < 20 ? "一" : "") + of(rest)));
    }

    static String article(int n) {
        return "第" + of(n) + "条";
    }
}
