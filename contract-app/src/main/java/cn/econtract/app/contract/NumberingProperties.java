package cn.econtract.app.contract;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Contract numbers: {@code {prefix}-{year}-{counter}} with a prefix per contract type, e.g.
 * CG-2026-000123. Enterprises keep their own prefixes and counter width here.
 */
@ConfigurationProperties("econtract.contracts.numbering")
public record NumberingProperties(Map<String, String> prefixes, String defaultPrefix, Integer digits) {

    public NumberingProperties {
        prefixes = prefixes == null || prefixes.isEmpty() ? Map.of("PURCHASE", "CG", "SALES", "XS", "LEASE", "ZL",
                "LABOUR", "LW", "TECH_SERVICE", "JS", "NDA", "BM") : Map.copyOf(prefixes);
        defaultPrefix = defaultPrefix == null || defaultPrefix.isBlank() ? "HT" : defaultPrefix;
        digits = digits == null ? 6 : Math.max(3, Math.min(digits, 12));
    }

    String prefixOf(String contractType) {
        return prefixes.getOrDefault(contractType, defaultPrefix);
    }
}
