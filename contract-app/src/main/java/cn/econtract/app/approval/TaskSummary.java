package cn.econtract.app.approval;

import java.util.Date;

/** An open user task as our UI and API list it, with the contract and level it belongs to. */
public record TaskSummary(String id, String name, String taskKey, String processInstanceId, String contractId,
                          String contractNo, String title, Integer level, String levelName, String levelMode,
                          String assignee, Date created, Date due) {
}
