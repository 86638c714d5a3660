package cn.econtract.app.approval;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Approval settings ({@code econtract.approval.*}). The SLA times are copied into each round when
 * it starts, so a changed setting applies to new rounds and never moves a running timer.
 *
 * @param reminderAfter  how long a level may wait before its approvers are reminded (催办)
 * @param escalateAfter  how long before the level's tasks are offered to the approvers' managers (升级)
 * @param fallbackGroup  who approves a department-scoped level when the department has no such person
 */
@ConfigurationProperties("econtract.approval")
public record ApprovalProperties(@DefaultValue("PT8H") Duration reminderAfter,
                                 @DefaultValue("PT24H") Duration escalateAfter,
                                 @DefaultValue("gm") String fallbackGroup) {
}
