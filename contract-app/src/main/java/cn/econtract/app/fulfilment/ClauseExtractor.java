package cn.econtract.app.fulfilment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Obligations in the free text of a contract (F5.1), one sentence at a time: what is owed (the
 * verb), by whom (甲方/乙方 before 应/须, or the other side of 向…支付), how much (¥258,000.00,
 * 258,000元, 25.8万元, 人民币贰拾伍万捌仟元整, 合同总价的30%) and when (2026年12月31日前,
 * 合同签订后30日内, 验收合格后15个工作日内, 每月5日前, 合同期满前30日). A sentence is an obligation
 * only with a due term; penalty clauses (逾期…违约金) are conditions, not dates, and are left out.
 * What comes out is a proposal: the owner confirms or corrects it before it drives reminders.
 */
public final class ClauseExtractor {

    private static final String NUM = "(\\d+|[零一二两三四五六七八九十百]+)";
    private static final String UNIT = "(个)?\\s*(工作日|个工作日|日|天|个月|月)";
    private static final Pattern SENTENCES = Pattern.compile("[^。；;！!\\n]+");
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日|(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern AFTER = Pattern.compile(
            "(签订|签署|生效|交货|到货|交付|验收合格|验收通过|发票)[^，,。；\\d零一二两三四五六七八九十]{0,6}?(?:后|起)\\s*(?:的)?\\s*" + NUM + "\\s*" + UNIT);
    private static final Pattern BEFORE_EXPIRY = Pattern.compile("(?:期满|到期|届满)(?:之日)?前\\s*" + NUM + "\\s*" + UNIT);
    private static final Pattern MONTHLY = Pattern.compile("每(?:个)?月\\s*" + NUM + "\\s*(?:日|号)");
    private static final Pattern EXPIRY = Pattern.compile("有效期[^。；]*?至\\s*(\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日|\\d{4}-\\d{1,2}-\\d{1,2})");
    private static final Pattern YUAN_SIGN = Pattern.compile("[¥￥]\\s*([\\d,]+(?:\\.\\d+)?)");
    private static final Pattern YUAN_DIGITS = Pattern.compile("([\\d,]+(?:\\.\\d+)?)\\s*(万)?元");
    private static final Pattern YUAN_UPPER = Pattern.compile("([零壹贰叁肆伍陆柒捌玖][零壹贰叁肆伍陆柒捌玖拾佰仟万亿]*[元圆][零壹贰叁肆伍陆柒捌玖角分整正]*)");
    private static final Pattern PERCENT = Pattern.compile("(?:总价|总额|价款|货款|合同金额|合同价)[^，,。；\\d]{0,6}?(\\d+(?:\\.\\d+)?)\\s*[%％]");
    private static final Pattern PERCENT_WORDS = Pattern.compile("(?:总价|总额|价款|货款|合同金额|合同价)[^，,。；]{0,6}?百分之([零一二三四五六七八九十]+)");
    private static final Pattern OBLIGED = Pattern.compile("(甲方|乙方)\\s*(?:应当|应于|应在|应|须|需|必须|承诺|负责|于)");
    private static final Pattern PAYS_TO = Pattern.compile("向\\s*(甲方|乙方)\\s*(?:支付|付款|付清|结清|缴纳)");
    private static final Pattern PARTY = Pattern.compile("甲方|乙方");
    private static final Pattern PAYMENT = Pattern.compile("支付|付款|付清|结清|缴纳|汇入|汇至|预付");
    private static final Pattern ACCEPTANCE = Pattern.compile("(?:组织|进行|完成|予以|书面确认)[^，,。；]{0,8}验收");
    private static final Pattern ANCHOR_WORD = Pattern.compile("签订|签署|生效|交货|到货|交付|验收合格|验收通过|发票");
    private static final Pattern DELIVERY = Pattern.compile("交货|交付|发货|送达|送货|提交|提供|完成.{0,6}(?:安装|调试|部署|上线)");
    private static final Pattern RENEWAL = Pattern.compile("续签|续约|续租|续期|是否续");
    private static final Pattern PENALTY = Pattern.compile("违约金|逾期|滞纳金");

    private ClauseExtractor() {
    }

    /** One obligation as read: {@code party} is 甲方 or 乙方 (null when both or unclear), {@code amount} only for payments. */
    public record Extracted(ObligationKind kind, String party, BigDecimal amount, DueTerm due, String sentence) {
    }

    /** Every obligation in {@code text}; {@code contractTotal} turns a percentage into an amount (null: left out). */
    public static List<Extracted> extract(String text, BigDecimal contractTotal) {
        List<Extracted> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = SENTENCES.matcher(text);
        while (m.find()) {
            sentence(m.group().strip(), contractTotal).ifPresent(out::add);
        }
        return out;
    }

    static Optional<Extracted> sentence(String s, BigDecimal total) {
        if (s.isEmpty() || PENALTY.matcher(s).find()) {
            return Optional.empty();
        }
        Matcher expiry = EXPIRY.matcher(s);
        if (expiry.find() && !RENEWAL.matcher(s).find()) {
            return date(expiry.group(1)).map(d -> new Extracted(ObligationKind.EXPIRY, null, null, new DueTerm.ByDate(d), s));
        }
        Optional<ObligationKind> kind = kind(s);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        Optional<DueTerm> due = due(s);
        if (due.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal amount = kind.get() == ObligationKind.PAYMENT ? amount(s, total).orElse(null) : null;
        return Optional.of(new Extracted(kind.get(), party(s, kind.get()), amount, due.get(), s));
    }

    static Optional<ObligationKind> kind(String s) {
        if (RENEWAL.matcher(s).find() && (s.contains("通知") || s.contains("提出"))) {
            return Optional.of(ObligationKind.RENEWAL_NOTICE);
        }
        if (PAYMENT.matcher(s).find()) {
            return Optional.of(ObligationKind.PAYMENT);
        }
        if (ACCEPTANCE.matcher(s).find()) {
            return Optional.of(ObligationKind.ACCEPTANCE);
        }
        if (DELIVERY.matcher(s).find()) {
            return Optional.of(ObligationKind.DELIVERY);
        }
        return Optional.empty();
    }

    static Optional<DueTerm> due(String s) {
        Matcher before = BEFORE_EXPIRY.matcher(s);
        if (before.find()) {
            return relative(Anchor.EXPIRY, before.group(1), before.group(3));
        }
        Matcher after = AFTER.matcher(s);
        if (after.find()) {
            // 到货验收合格后30日内: the event nearest to 后 is the one the days count from
            Matcher word = ANCHOR_WORD.matcher(after.group().substring(0, after.start(2) - after.start()));
            String nearest = after.group(1);
            while (word.find()) {
                nearest = word.group();
            }
            return relative(anchor(nearest), after.group(2), after.group(4));
        }
        Matcher monthly = MONTHLY.matcher(s);
        if (monthly.find()) {
            return ChineseNumbers.integer(monthly.group(1)).filter(d -> d >= 1 && d <= 31).map(d -> new DueTerm.Monthly(d.intValue()));
        }
        Matcher date = DATE.matcher(s);
        if (date.find()) {
            return date(date.group()).map(DueTerm.ByDate::new);
        }
        return Optional.empty();
    }

    private static Optional<DueTerm> relative(Anchor anchor, String number, String unit) {
        DueTerm.Unit u = unit.contains("工作日") ? DueTerm.Unit.WORKING_DAYS : unit.contains("月") ? DueTerm.Unit.MONTHS : DueTerm.Unit.DAYS;
        return ChineseNumbers.integer(number).filter(n -> n > 0 && n < 10_000).map(n -> new DueTerm.Relative(anchor, n.intValue(), u));
    }

    private static Anchor anchor(String word) {
        return switch (word) {
            case "交货", "到货", "交付" -> Anchor.DELIVERY;
            case "验收合格", "验收通过" -> Anchor.ACCEPTANCE;
            case "发票" -> Anchor.INVOICE;
            default -> Anchor.SIGNING;
        };
    }

    static Optional<LocalDate> date(String text) {
        Matcher m = DATE.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return m.group(1) != null
                    ? Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))))
                    : Optional.of(LocalDate.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static String party(String s, ObligationKind kind) {
        Matcher obliged = OBLIGED.matcher(s);
        if (obliged.find()) {
            return obliged.group(1);
        }
        if (kind == ObligationKind.PAYMENT) {
            Matcher to = PAYS_TO.matcher(s);
            if (to.find()) {
                return "甲方".equals(to.group(1)) ? "乙方" : "甲方";
            }
        }
        Matcher any = PARTY.matcher(s);
        return any.find() ? any.group() : null;
    }

    static Optional<BigDecimal> amount(String s, BigDecimal total) {
        Matcher sign = YUAN_SIGN.matcher(s);
        if (sign.find()) {
            return Optional.of(new BigDecimal(sign.group(1).replace(",", "")).setScale(2, RoundingMode.HALF_UP));
        }
        Matcher upper = YUAN_UPPER.matcher(s);
        if (upper.find()) {
            Optional<BigDecimal> value = ChineseNumbers.upperAmount(upper.group(1));
            if (value.isPresent()) {
                return value;
            }
        }
        Matcher digits = YUAN_DIGITS.matcher(s);
        if (digits.find()) {
            BigDecimal value = new BigDecimal(digits.group(1).replace(",", ""));
            return Optional.of((digits.group(2) != null ? value.multiply(BigDecimal.valueOf(10_000)) : value).setScale(2, RoundingMode.HALF_UP));
        }
        if (total != null) {
            Matcher percent = PERCENT.matcher(s);
            if (percent.find()) {
                return Optional.of(total.multiply(new BigDecimal(percent.group(1))).movePointLeft(2).setScale(2, RoundingMode.HALF_UP));
            }
            Matcher words = PERCENT_WORDS.matcher(s);
            if (words.find()) {
                return ChineseNumbers.integer(words.group(1))
                        .map(p -> total.multiply(BigDecimal.valueOf(p)).movePointLeft(2).setScale(2, RoundingMode.HALF_UP));
            }
        }
        return Optional.empty();
    }
}
