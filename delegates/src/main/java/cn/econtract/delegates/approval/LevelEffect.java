package cn.econtract.delegates.approval;

/**
 * What one decision settles: the level's outcome ({@code PENDING} while others still have to
 * decide) and the approval's outcome ({@code PENDING} unless this decision ends the round).
 */
public record LevelEffect(String levelOutcome, String approvalOutcome) {
}
