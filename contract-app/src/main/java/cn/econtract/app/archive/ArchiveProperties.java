package cn.econtract.app.archive;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Archiving ({@code econtract.archive.*}).
 *
 * @param fondsCode          全宗号: the organisation's fonds code, the first part of every archive number
 * @param extensionYears     how much longer an item is kept when a destruction review keeps it
 * @param maxBorrowingDays   the longest loan a borrower may ask for
 */
@ConfigurationProperties("econtract.archive")
public record ArchiveProperties(String fondsCode, Integer extensionYears, Integer maxBorrowingDays) {

    public ArchiveProperties {
        fondsCode = fondsCode == null || fondsCode.isBlank() ? "EC01" : fondsCode.strip();
        if (!fondsCode.matches("[A-Z0-9]{1,8}")) {
            throw new IllegalArgumentException("econtract.archive.fonds-code must be 1-8 capital letters or digits: " + fondsCode);
        }
        extensionYears = extensionYears == null ? 10 : extensionYears;
        maxBorrowingDays = maxBorrowingDays == null ? 30 : maxBorrowingDays;
        if (extensionYears < 1 || maxBorrowingDays < 1) {
            throw new IllegalArgumentException("econtract.archive.extension-years and max-borrowing-days must be positive");
        }
    }
}
